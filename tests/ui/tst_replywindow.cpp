// The composer and the thread on WhatsApp and Messenger (issue 14), offscreen: the reply
// window's countdown (its clock moved by the test, never slept on), WhatsApp's closed window
// offering only the number's approved WhatsApp templates, 131047 and 131026 in the thread, and a
// Messenger id linked to a health worker and remembered — on real PostgreSQL.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationsPage.h"
#include "db/Database.h"
#include "messaging/ConversationQueries.h"
#include "templates/TemplatePicker.h"

#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

namespace {
SessionInfo sessionOf(const TestUser& user)
{
    SessionInfo session;
    session.user.roleName = user.name;
    session.user.displayName = QStringLiteral("Test ") + user.name;
    session.user.isAgent = true;
    return session;
}

messaging::ReplyWindow whatsAppWindow(qint64 freeLeft)
{
    messaging::ReplyWindow w;
    w.conversationId = 1;
    w.sourceId = 1;
    w.kind = QStringLiteral("whatsapp");
    w.platform = QStringLiteral("WhatsApp");
    w.hasWindow = true;
    w.platformTemplates = true;
    w.personWrote = true;
    w.freeWindowSeconds = 86400;
    w.agentWindowSeconds = 86400;
    w.freeSecondsLeft = freeLeft;
    w.agentSecondsLeft = freeLeft;
    return w;
}
} // namespace

class TestReplyWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void composerCountsDownWithoutTheDatabase();
    void messengerHumanAgentThenNothing();
    void closedWhatsAppWindowOffersOnlyItsTemplates();
    void reengagementFailureOffersTemplates();
    void notOnWhatsAppOffersSms();
    void messengerIdLinkedAndRemembered();

private:
    void open(Database& database);
    qint64 conversation(int source, const QString& urn, int inboundHoursAgo, qint64 worker = 0);
    qint64 approvedVersion(const QString& name, const QString& body, const QString& whatsAppName);

    QString m_db;
    TestUser m_agent;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_writer;
    std::optional<ScopedConnection> m_approver;
    int m_whatsapp = 0;
    int m_messenger = 0;
    int m_sms = 0;
    qint64 m_worker = 0;
    qint64 m_usable = 0; ///< an approved version WhatsApp takes
    qint64 m_paused = 0; ///< an approved version whose WhatsApp template is paused
};

void TestReplyWindow::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    auto agent = cluster.createUser(m_db, UserKind::Agent, QStringLiteral("esther"));
    MHERO_VERIFY_OK(agent);
    m_agent = *agent;
    auto owner = cluster.connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    for (auto [prefix, into] :
         {std::pair{QStringLiteral("writer"), &m_writer}, {QStringLiteral("approver"), &m_approver}}) {
        auto user = cluster.createUser(m_db, UserKind::Supervisor, prefix);
        MHERO_VERIFY_OK(user);
        auto connection = TestCluster::connectAs(*user);
        MHERO_VERIFY_OK(connection);
        into->emplace(std::move(*connection));
    }
    QSqlDatabase& db = m_owner->db();
    const auto source = [&db](const char* name, const char* kind, const char* config) {
        auto id = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) VALUES "
                                             "(?, ?, 'https://graph.test.invalid/v21.0/', ?::jsonb) RETURNING id"),
                              {QString::fromLatin1(name), QString::fromLatin1(kind), QString::fromLatin1(config)});
        return id ? id->toInt() : 0;
    };
    m_whatsapp = source("wa", "whatsapp", R"({"phone_number_id": "1065", "waba_id": "1022"})");
    m_messenger = source("fb", "messenger", R"({"page_id": "1001"})");
    m_sms = source("sms", "rapidpro", "{}");
    QVERIFY(m_whatsapp > 0 && m_messenger > 0 && m_sms > 0);
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("UPDATE mhero.setting SET value = '\"free_text\"' "
                                             "WHERE key = 'messaging.free_text_policy'")));
    auto worker = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, "
                                             "display_name, given_name, family_name, cadre, facility) VALUES (?, "
                                             "'Practitioner', 'fk', 'Fatu Kamara', 'Fatu', 'Kamara', 'Midwife', "
                                             "'Bensonville Clinic') RETURNING id"),
                              {m_sms});
    MHERO_VERIFY_OK(worker);
    m_worker = worker->toLongLong();

    // WhatsApp's templates of the number (as the engine keeps them) and ours mapped to them.
    MHERO_VERIFY_OK(sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO mhero.whatsapp_template (source_id, name, language, status, components) VALUES "
            "(?, 'pay_ok', 'en', 'APPROVED', '[{\"type\": \"BODY\", \"text\": \"Dear {{1}}, salaries were paid.\"}]'), "
            "(?, 'pay_paused', 'en', 'PAUSED', '[{\"type\": \"BODY\", \"text\": \"Dear {{1}}, salaries are "
            "late.\"}]')"),
        {m_whatsapp, m_whatsapp}));
    m_usable = approvedVersion(QStringLiteral("Salary paid"),
                               QStringLiteral("Dear {{given_name}}, salaries were paid."), QStringLiteral("pay_ok"));
    m_paused = approvedVersion(QStringLiteral("Salary late"), QStringLiteral("Dear {{given_name}}, salaries are late."),
                               QStringLiteral("pay_paused"));
    QVERIFY(m_usable > 0 && m_paused > 0);
}

void TestReplyWindow::cleanupTestCase()
{
    m_writer.reset();
    m_approver.reset();
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

qint64 TestReplyWindow::approvedVersion(const QString& name, const QString& body, const QString& whatsAppName)
{
    auto created
        = sql::scalar(m_writer->db(), QStringLiteral("SELECT mhero.create_template(?, 'hr_payroll', '{}')"), {name});
    if (!created)
        return 0;
    auto version
        = sql::scalar(m_writer->db(), QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, '{}', ?, 'en', '{}')"),
                      {created->toLongLong(), QStringLiteral("{\"en\": \"%1\"}").arg(body), whatsAppName});
    if (!version || !sql::exec(m_writer->db(), QStringLiteral("SELECT mhero.submit_version(?)"), {*version})
        || !sql::exec(m_approver->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {*version}))
        return 0;
    return version->toLongLong();
}

qint64 TestReplyWindow::conversation(int source, const QString& urn, int inboundHoursAgo, qint64 worker)
{
    QSqlDatabase& db = m_owner->db();
    if (!sql::exec(db,
                   QStringLiteral("INSERT INTO mhero.contact_urn (urn, health_worker_id, display) VALUES (?, ?, ?) "
                                  "ON CONFLICT (urn) DO NOTHING"),
                   {urn, worker > 0 ? QVariant(worker) : QVariant(QMetaType::fromType<qint64>()),
                    urn.startsWith(QLatin1String("facebook:")) ? QVariant(QStringLiteral("Fatu Kamara"))
                                                               : QVariant(QMetaType::fromType<QString>())}))
        return 0;
    auto id = sql::scalar(db,
                          QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id) "
                                         "SELECT id, ? FROM mhero.contact_urn WHERE urn = ? RETURNING id"),
                          {source, urn});
    if (!id)
        return 0;
    if (!sql::exec(
            db,
            QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, external_id, "
                           "status, created_at) VALUES (?, 'in', 'hello', ?, gen_random_uuid()::text, 'received', "
                           "now() - make_interval(hours => ?))"),
            {id->toLongLong(), source, inboundHoursAgo}))
        return 0;
    return id->toLongLong();
}

void TestReplyWindow::open(Database& database)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_agent.settings);
    QTRY_COMPARE(opened.count(), 1);
}

void TestReplyWindow::composerCountsDownWithoutTheDatabase()
{
    ComposerWidget composer;
    composer.setTemplatesOnly(false);
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);
    composer.setClock([&now] { return now; });
    composer.show();
    auto* line = composer.findChild<QLabel*>(QStringLiteral("composerWindow"));
    auto* timer = composer.findChild<QTimer*>(QStringLiteral("composerWindowTimer"));
    auto* editor = composer.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    auto* templates = composer.findChild<QPushButton*>(QStringLiteral("whatsAppTemplateButton"));
    auto* attach = composer.findChild<QToolButton*>(QStringLiteral("attachButton"));
    QVERIFY(line && timer && editor && templates && attach);
    QVERIFY(line->isHidden()); // no window known: nothing said

    composer.setReplyWindow(whatsAppWindow(3 * 3600 + 12 * 60 + 40));
    QCOMPARE(line->text(), QStringLiteral("Replies free for 3 h 12 min"));
    QVERIFY(line->isVisible());
    QCOMPARE(line->property("warning").toBool(), false);
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), 30'000);
    composer.setText(QStringLiteral("Please check the fridge"));
    QVERIFY(composer.canSend());

    // The last hour: a warning.
    now = now.addSecs(2 * 3600 + 30 * 60);
    composer.refreshWindow();
    QCOMPARE(line->text(), QStringLiteral("Replies free for 42 min"));
    QCOMPARE(line->property("warning").toBool(), true);
    QVERIFY(composer.canSend());

    // Closed: only an approved WhatsApp template, no free text, no file.
    now = now.addSecs(43 * 60);
    composer.refreshWindow();
    QCOMPARE(line->text(),
             QStringLiteral("The 24-hour window has closed: only approved WhatsApp templates can be sent"));
    QVERIFY(composer.whatsAppTemplatesOnly());
    QVERIFY(!composer.canSend());
    QVERIFY(editor->isReadOnly());
    QVERIFY(templates->isVisible());
    QVERIFY(!attach->isEnabled());
    QVERIFY(!composer.attachData(QStringLiteral("a.pdf"), QByteArray("%PDF-1.4 x")));
    QSignalSpy picker(&composer, &ComposerWidget::templatePickerRequested);
    templates->click();
    QCOMPARE(picker.count(), 1);
    composer.setTemplateVersion(42, QStringLiteral("Dear Fatu, salaries were paid."));
    QVERIFY(composer.canSend());
    QVERIFY(!editor->isReadOnly());
    QVERIFY(templates->isHidden());

    // The person writes again (the page hands a new window): free text again.
    composer.clear();
    composer.setReplyWindow(whatsAppWindow(86400 - 5));
    QCOMPARE(line->text(), QStringLiteral("Replies free for 23 h 59 min"));
    QVERIFY(!composer.whatsAppTemplatesOnly());
    QVERIFY(!editor->isReadOnly());
    // A channel without a window (SMS): nothing said, no timer.
    messaging::ReplyWindow sms;
    sms.kind = QStringLiteral("rapidpro");
    composer.setReplyWindow(sms);
    QVERIFY(line->isHidden());
    QVERIFY(!timer->isActive());
}

void TestReplyWindow::messengerHumanAgentThenNothing()
{
    ComposerWidget composer;
    composer.setTemplatesOnly(false);
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);
    composer.setClock([&now] { return now; });
    composer.show();
    auto* line = composer.findChild<QLabel*>(QStringLiteral("composerWindow"));
    auto* note = composer.findChild<QLabel*>(QStringLiteral("composerNote"));
    QVERIFY(line && note);
    messaging::ReplyWindow w;
    w.kind = QStringLiteral("messenger");
    w.platform = QStringLiteral("Messenger");
    w.hasWindow = true;
    w.personWrote = true;
    w.freeWindowSeconds = 86400;
    w.agentWindowSeconds = 7 * 86400;
    w.freeSecondsLeft = -3600; // wrote 25 hours ago
    w.agentSecondsLeft = 6 * 86400 - 3600;
    composer.setReplyWindow(w);
    QVERIFY2(line->text().startsWith(QStringLiteral("Human agent reply — allowed until ")), qPrintable(line->text()));
    composer.setText(QStringLiteral("Your salary goes to the same account."));
    QVERIFY(composer.canSend());
    QVERIFY(!composer.whatsAppTemplatesOnly());

    now = now.addSecs(6 * 86400);
    composer.refreshWindow();
    QVERIFY(!composer.canSend());
    QVERIFY(line->isHidden());
    QCOMPARE(note->text(),
             QStringLiteral("Messenger allows replies only within 7 days of the person's last message: "
                            "nothing can be sent until they write again."));
}

void TestReplyWindow::closedWhatsAppWindowOffersOnlyItsTemplates()
{
    const qint64 closed = conversation(m_whatsapp, QStringLiteral("whatsapp:231770000201"), 30, m_worker);
    QVERIFY(closed > 0);
    Database database;
    open(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1280, 760);
    page.show();
    page.openConversation(closed);
    QTRY_COMPARE(page.currentConversation(), closed);
    auto* line = page.findChild<QLabel*>(QStringLiteral("composerWindow"));
    auto* button = page.findChild<QPushButton*>(QStringLiteral("whatsAppTemplateButton"));
    QVERIFY(line && button);
    QTRY_COMPARE(line->text(),
                 QStringLiteral("The 24-hour window has closed: only approved WhatsApp templates can be sent"));
    QVERIFY(page.composer()->whatsAppTemplatesOnly());
    QTRY_VERIFY(button->isVisible());
    QVERIFY(!page.findChild<QFrame*>(QStringLiteral("notOnWhatsAppBanner"))->isVisible());

    QTRY_COMPARE(page.findChild<QLabel*>(QStringLiteral("contactName"))->text(), QStringLiteral("Fatu Kamara"));
    // The picker offers the usable mapping only (not the paused one).
    TemplatePicker* picker = page.templatePicker();
    QSignalSpy results(picker, &TemplatePicker::resultsChanged);
    button->click();
    QTRY_VERIFY(results.count() >= 1);
    QTRY_COMPARE(picker->results().size(), 1);
    QCOMPARE(picker->results().first().versionId, m_usable);
    QCOMPARE(picker->whatsAppSource(), m_whatsapp);
    // Nothing preselected when the suggestions abstain (docs/suggestions.md): the agent picks it.
    auto* list = picker->findChild<QListWidget*>();
    QVERIFY(list);
    list->setCurrentRow(0);
    QVERIFY(picker->chooseCurrent());
    QCOMPARE(page.composer()->templateVersion(), m_usable);
    QCOMPARE(page.composer()->text(), QStringLiteral("Dear Fatu, salaries were paid."));
    QVERIFY(page.composer()->canSend());
    picker->hide();
    // Sent: the database takes it (the window rule is the server's too).
    page.findChild<QPushButton*>(QStringLiteral("sendButton"))->click();
    QTRY_COMPARE(sql::scalar(m_owner->db(),
                             QStringLiteral("SELECT count(*) FROM mhero.message WHERE conversation_id = ? "
                                            "AND direction = 'out' AND template_version_id = ?"),
                             {closed, m_usable})
                     .value()
                     .toInt(),
                 1);

    // Inside a window the picker is not filtered.
    const qint64 open = conversation(m_whatsapp, QStringLiteral("whatsapp:231770000202"), 2, m_worker);
    page.openConversation(open);
    QTRY_COMPARE(page.currentConversation(), open);
    QTRY_VERIFY(line->text().startsWith(QLatin1String("Replies free for 21 h")));
    QVERIFY(!page.composer()->whatsAppTemplatesOnly());
    QVERIFY(button->isHidden());
    picker->hide();
}

void TestReplyWindow::reengagementFailureOffersTemplates()
{
    // WhatsApp's clock said no (131047) while ours still counted minutes: its word counts.
    const qint64 id = conversation(m_whatsapp, QStringLiteral("whatsapp:231770000203"), 23, m_worker);
    QVERIFY(id > 0);
    Database database;
    open(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.show();
    page.openConversation(id);
    QTRY_COMPARE(page.currentConversation(), id);
    auto* line = page.findChild<QLabel*>(QStringLiteral("composerWindow"));
    QTRY_VERIFY(line->text().startsWith(QLatin1String("Replies free for ")));
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(),
                  QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                 "external_id, status, author, error, error_code, failed_at) VALUES (?, 'out', "
                                 "'Hello?', ?, 'wamid.r1', 'failed', ?, '131047: Re-engagement message', "
                                 "131047, now())"),
                  {id, m_whatsapp, m_agent.name}));
    // The notification refreshes what the composer offers.
    QTRY_COMPARE(line->text(),
                 QStringLiteral("WhatsApp refused the last reply: the 24-hour window has closed. Only "
                                "approved WhatsApp templates can be sent."));
    QVERIFY(page.composer()->whatsAppTemplatesOnly());
    QTRY_VERIFY(page.findChild<QPushButton*>(QStringLiteral("whatsAppTemplateButton"))->isVisible());
}

void TestReplyWindow::notOnWhatsAppOffersSms()
{
    const qint64 id = conversation(m_whatsapp, QStringLiteral("whatsapp:231770000204"), 1, m_worker);
    QVERIFY(id > 0);
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(),
                  QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                 "external_id, status, author, error, error_code, failed_at) VALUES (?, 'out', "
                                 "'Are you on duty?', ?, 'wamid.n1', 'failed', ?, '131026: Message "
                                 "undeliverable', 131026, now())"),
                  {id, m_whatsapp, m_agent.name}));
    Database database;
    open(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.show();
    page.openConversation(id);
    QTRY_COMPARE(page.currentConversation(), id);
    auto* banner = page.findChild<QFrame*>(QStringLiteral("notOnWhatsAppBanner"));
    auto* text = page.findChild<QLabel*>(QStringLiteral("notOnWhatsAppText"));
    auto* sms = page.findChild<QPushButton*>(QStringLiteral("writeBySmsButton"));
    QVERIFY(banner && text && sms);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(text->text(), QStringLiteral("This number cannot receive WhatsApp messages"));
    sms->click();
    // The same person's SMS conversation opens, theirs to write in.
    QTRY_VERIFY(page.currentConversation() != id && page.currentConversation() != 0);
    const qint64 smsConversation = page.currentConversation();
    QCOMPARE(sql::scalar(m_owner->db(),
                         QStringLiteral("SELECT u.urn || ' ' || c.channel_source_id || ' ' || "
                                        "c.assignee FROM mhero.conversation c JOIN mhero.contact_urn u "
                                        "ON u.id = c.urn_id WHERE c.id = ?"),
                         {smsConversation})
                 .value()
                 .toString(),
             QStringLiteral("tel:+231770000204 %1 %2").arg(m_sms).arg(m_agent.name));
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(page.findChild<QLabel*>(QStringLiteral("conversationTitle"))->text(), QStringLiteral("Fatu Kamara"));
}

void TestReplyWindow::messengerIdLinkedAndRemembered()
{
    const QString psid = QStringLiteral("facebook:6783451200777");
    const qint64 id = conversation(m_messenger, psid, 2);
    QVERIFY(id > 0);
    Database database;
    open(database);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.show();
    page.openConversation(id);
    QTRY_COMPARE(page.currentConversation(), id);
    auto* link = page.findChild<QPushButton*>(QStringLiteral("linkContactButton"));
    QVERIFY(link);
    QTRY_VERIFY(link->isVisible());
    link->click();
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<QDialog*>(QStringLiteral("linkContactDialog"))) != nullptr);
    auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("linkContactSearch"));
    auto* results = dialog->findChild<QListWidget*>(QStringLiteral("linkContactResults"));
    QVERIFY(search && results);
    // A Messenger id means nothing to the directory: the search starts from the name on Messenger.
    QCOMPARE(search->text(), QStringLiteral("Fatu Kamara"));
    QTRY_VERIFY(results->count() >= 1);
    QVERIFY(results->item(0)->text().startsWith(QLatin1String("Fatu Kamara")));
    results->setCurrentRow(0);
    dialog->accept();
    QTRY_COMPARE(page.findChild<QLabel*>(QStringLiteral("conversationTitle"))->text(), QStringLiteral("Fatu Kamara"));
    QTRY_VERIFY(link->isHidden());
    QCOMPARE(sql::scalar(m_owner->db(),
                         QStringLiteral("SELECT coalesce(health_worker_id, 0) FROM mhero.contact_urn "
                                        "WHERE urn = ?"),
                         {psid})
                 .value()
                 .toLongLong(),
             m_worker);

    // Remembered: the next conversation of that id is the health worker's at once.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.conversation SET status = 'resolved', "
                                             "resolved_at = now() WHERE id = ?"),
                              {id}));
    const qint64 next = conversation(m_messenger, psid, 0);
    QVERIFY(next > 0 && next != id);
    page.openConversation(next);
    QTRY_COMPARE(page.currentConversation(), next);
    QTRY_COMPARE(page.findChild<QLabel*>(QStringLiteral("contactName"))->text(), QStringLiteral("Fatu Kamara"));
    QVERIFY(link->isHidden());
}

QTEST_MAIN(TestReplyWindow)
#include "tst_replywindow.moc"
