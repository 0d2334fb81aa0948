// The Conversations page as agents use it, on real PostgreSQL, offscreen: the queues and their
// counts, claiming (and losing a race to a colleague), replying, delivery ticks moving as the sync
// engine records statuses, and a message from another console arriving live.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "admin/DemoData.h"
#include "channels/MediaStore.h"
#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "conversations/NotesPanel.h"
#include "conversations/Notifier.h"
#include "conversations/ThreadDelegate.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

namespace {
class RecordingNotifier final : public Notifier
{
public:
    void notify(const QString& title, const QString& body) override { shown.append(title + QLatin1Char('|') + body); }
    QStringList shown;
};

SessionInfo sessionOf(const TestUser& user, bool supervisor = false)
{
    SessionInfo session;
    session.user.roleName = user.name;
    session.user.displayName = QStringLiteral("Test ") + user.name;
    session.user.isAgent = true;
    session.user.isSupervisor = supervisor;
    return session;
}

int rowWithStatus(const ThreadModel& model, qint64 id)
{
    return model.rowOfMessage(id);
}
} // namespace

class TestConversationsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void queueClaimReplyAndLiveUpdates();
    void supervisorAssignsAndOptOutBlocksTheComposer();
    void modelsUnderTheTester();
    void composerFollowsThePolicy();
    void notesAreSharedLiveAndNeverSent();
    void queuePagesStayOnTheIndexes();
    void attachmentsNotShownSayWhy();
    void screenshots();

private:
    void open(Database& database, const ConnectionSettings& settings);
    qint64 addConversation(const QString& urn, const QStringList& inbound, int hoursAgo);

    QString m_db;
    TestUser m_agent;
    TestUser m_colleague;
    std::optional<ScopedConnection> m_owner;
    int m_source = 0;
    qint64 m_known = 0; ///< a health worker's conversation
    qint64 m_unknown = 0; ///< an unknown number's conversation
};

void TestConversationsPage::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto agent = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("alice"));
    MHERO_VERIFY_OK(agent);
    m_agent = *agent;
    auto colleague = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("bob"));
    MHERO_VERIFY_OK(colleague);
    m_colleague = *colleague;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    QSqlDatabase& db = m_owner->db();

    auto source = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rapidpro-test', 'rapidpro', 'https://rapidpro.test.invalid') "
                                             "RETURNING id"));
    MHERO_VERIFY_OK(source);
    m_source = source->toInt();
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES "
                                             "('messaging.free_text_policy', '\"free_text\"') "
                                             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")));
    auto worker = sql::scalar(
        db,
        QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, display_name, "
                       "cadre, facility, district) VALUES (?, 'Practitioner', 'mk', 'Mariama Konneh', 'Nurse', "
                       "'Phebe Hospital', 'Jorquelleh') RETURNING id"),
        {m_source});
    MHERO_VERIFY_OK(worker);
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES "
                                             "('tel:+231770000001', ?)"),
                              {worker->toLongLong()}));
    m_known = addConversation(QStringLiteral("tel:+231770000001"),
                              {QStringLiteral("we hav no RDT at the clinic"), QStringLiteral("pls advise")}, 3);
    m_unknown = addConversation(QStringLiteral("whatsapp:231770000002"), {QStringLiteral("hello who is this")}, 5);
    QVERIFY(m_known > 0 && m_unknown > 0);
}

qint64 TestConversationsPage::addConversation(const QString& urn, const QStringList& inbound, int hoursAgo)
{
    QSqlDatabase& db = m_owner->db();
    if (!sql::exec(db, QStringLiteral("INSERT INTO mhero.contact_urn (urn) VALUES (?) ON CONFLICT DO NOTHING"), {urn}))
        return 0;
    auto id = sql::scalar(db,
                          QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id, opened_at, "
                                         "last_activity_at) SELECT id, ?, now() - make_interval(hours => ?), "
                                         "now() - make_interval(hours => ?) FROM mhero.contact_urn WHERE urn = ? "
                                         "RETURNING id"),
                          {m_source, hoursAgo, hoursAgo, urn});
    if (!id)
        return 0;
    int minute = 0;
    for (const QString& text : inbound) {
        if (!sql::exec(
                db,
                QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                               "external_id, status, created_at) VALUES (?, 'in', ?, ?, gen_random_uuid()::text, "
                               "'received', now() - make_interval(hours => ?) + make_interval(mins => ?))"),
                {id->toLongLong(), text, m_source, hoursAgo, minute++}))
            return 0;
    }
    return id->toLongLong();
}

void TestConversationsPage::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestConversationsPage::open(Database& database, const ConnectionSettings& settings)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(settings);
    QTRY_COMPARE(opened.count(), 1);
}

void TestConversationsPage::queueClaimReplyAndLiveUpdates()
{
    Database database;
    open(database, m_agent.settings);
    ConversationsPage page(database, sessionOf(m_agent));
    QSignalSpy badge(&page, &ConversationsPage::unreadCountChanged);
    RecordingNotifier notifier;
    page.setNotifier(&notifier);
    page.resize(1280, 760);
    page.show();
    ConversationListModel* list = page.listModel();
    ThreadModel* thread = page.threadModel();
    auto* unassigned = page.findChild<QToolButton*>(QStringLiteral("viewUnassigned"));
    auto* mine = page.findChild<QToolButton*>(QStringLiteral("viewMine"));
    auto* claim = page.findChild<QPushButton*>(QStringLiteral("claimButton"));
    auto* bar = page.findChild<QLabel*>(QStringLiteral("messageBar"));
    auto* assignee = page.findChild<QLabel*>(QStringLiteral("assigneeLabel"));
    auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
    QVERIFY(unassigned && mine && claim && bar && assignee && queue);

    // The unassigned queue: both conversations, newest activity first, with the count.
    QTRY_COMPARE(list->rowCount(), 2);
    QTRY_COMPARE(unassigned->text(), QStringLiteral("Unassigned (2)"));
    QCOMPARE(mine->text(), QStringLiteral("Mine (0)"));
    // The sidebar badge: unread conversations waiting for this agent (unassigned ones count).
    QVERIFY(badge.count() >= 1);
    QCOMPARE(badge.at(0).at(0).toInt(), 2);
    QCOMPARE(list->conversation(0).id, m_known);
    QCOMPARE(list->index(0).data(ConversationListModel::ContactRole).toString(), QStringLiteral("Mariama Konneh"));
    QCOMPARE(list->index(0).data(ConversationListModel::PreviewRole).toString(), QStringLiteral("pls advise"));
    QCOMPARE(list->index(1).data(ConversationListModel::SchemeRole).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(list->index(1).data(ConversationListModel::KnownContactRole).toBool(), false);

    // Selecting shows the thread and the card.
    queue->setCurrentIndex(list->index(0));
    QTRY_COMPARE(thread->rowCount(), 2);
    QCOMPARE(thread->index(0).data(ThreadModel::TextRole).toString(), QStringLiteral("we hav no RDT at the clinic"));
    QCOMPARE(thread->index(0).data(ThreadModel::DaySeparatorRole).toBool(), true);
    QTRY_VERIFY(
        page.findChild<QLabel*>(QStringLiteral("contactDetails"))->text().contains(QLatin1String("Phebe Hospital")));
    QCOMPARE(assignee->text(), QStringLiteral("Unassigned"));

    // Claim: the conversation leaves Unassigned for Mine, and the counts follow.
    QVERIFY(claim->isEnabled());
    QTest::mouseClick(claim, Qt::LeftButton);
    QTRY_COMPARE(mine->text(), QStringLiteral("Mine (1)"));
    QTRY_COMPARE(unassigned->text(), QStringLiteral("Unassigned (1)"));
    QTRY_COMPARE(list->rowOf(m_known), -1);
    QTRY_COMPARE(assignee->text(), QStringLiteral("Assigned to you"));
    QCOMPARE(page.currentConversation(), m_known); // the thread stays open
    QTest::mouseClick(mine, Qt::LeftButton);
    QTRY_COMPARE(list->rowCount(), 1);
    QCOMPARE(list->conversation(0).id, m_known);

    // A colleague on another console is faster: the claim tells who has it.
    page.setView(messaging::QueueView::Unassigned);
    page.openConversation(m_unknown);
    QTRY_COMPARE(page.currentConversation(), m_unknown);
    QTRY_VERIFY(claim->isEnabled());
    {
        auto colleague = TestCluster::connectAs(m_colleague);
        MHERO_VERIFY_OK(colleague);
        MHERO_VERIFY_OK(sql::exec(colleague->db(), QStringLiteral("SELECT mhero.claim_conversation(?)"), {m_unknown}));
        // No event processed since: the page still offers the claim, as a console that has not heard yet.
        QVERIFY(claim->isEnabled());
        QTest::mouseClick(claim, Qt::LeftButton);
    }
    const QString bobName = QStringLiteral("Test ") + m_colleague.name;
    QTRY_COMPARE(bar->text(), QStringLiteral("%1 already has this conversation.").arg(bobName));
    QVERIFY(bar->isVisible());
    QTRY_COMPARE(assignee->text(), QStringLiteral("Assigned to %1").arg(bobName));
    QVERIFY(!claim->isEnabled());
    QVERIFY(!page.composer()->canSend());
    {
        // A client that skips the UI is refused by the server; the hint becomes the colleague's name.
        auto direct = TestCluster::connectAs(m_agent);
        MHERO_VERIFY_OK(direct);
        auto refused = messaging::reply(direct->db(), m_unknown, QStringLiteral("hello"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("assigned:") + m_colleague.name);
        QCOMPARE(refused.error().message, QStringLiteral("%1 has this conversation.").arg(bobName));
    }

    // Reply: a queued message with its clock, at once.
    page.openConversation(m_known);
    QTRY_COMPARE(page.currentConversation(), m_known);
    QTRY_COMPARE(thread->rowCount(), 2);
    page.composer()->setText(QStringLiteral("Use the stock at the county depot; a delivery comes Friday."));
    auto* send = page.findChild<QPushButton*>(QStringLiteral("sendButton"));
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(thread->rowCount(), 3);
    const QModelIndex reply = thread->index(2);
    QCOMPARE(reply.data(ThreadModel::DirectionRole).toString(), QStringLiteral("out"));
    QCOMPARE(reply.data(ThreadModel::StatusRole).toString(), QStringLiteral("queued"));
    QCOMPARE(reply.data(ThreadModel::AuthorRole).toString(), QStringLiteral("Test ") + m_agent.name);
    QVERIFY(page.composer()->text().isEmpty());
    const qint64 replyId = reply.data(ThreadModel::IdRole).toLongLong();

    // The sync engine hands it over, then the platform reports delivery: the ticks follow by NOTIFY.
    QSqlDatabase& owner = m_owner->db();
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("UPDATE mhero.message SET external_id = 'ext-1', status = 'sent', "
                                             "sent_at = now() WHERE id = ?"),
                              {replyId}));
    QTRY_COMPARE(thread->index(rowWithStatus(*thread, replyId)).data(ThreadModel::StatusRole).toString(),
                 QStringLiteral("sent"));
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("UPDATE mhero.message SET status = 'delivered', delivered_at = now() "
                                             "WHERE id = ?"),
                              {replyId}));
    QTRY_COMPARE(thread->index(rowWithStatus(*thread, replyId)).data(ThreadModel::StatusRole).toString(),
                 QStringLiteral("delivered"));

    // Two consoles: a message stored by another connection appears in the open thread and the list.
    page.setView(messaging::QueueView::Mine);
    QTRY_COMPARE(list->rowCount(), 1);
    QElapsedTimer clock;
    qint64 threadLatency = -1;
    qint64 listLatency = -1;
    auto threadConnection = connect(thread, &QAbstractItemModel::rowsInserted, this, [&] {
        if (threadLatency < 0)
            threadLatency = clock.elapsed();
    });
    auto listConnection = connect(page.listModel(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (listLatency < 0)
            listLatency = clock.elapsed();
    });
    const int shownBefore = int(notifier.shown.size());
    clock.start();
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                             "external_id, status) VALUES (?, 'in', 'thank you, received', ?, "
                                             "'ext-in-live', 'received')"),
                              {m_known, m_source}));
    QTRY_COMPARE_WITH_TIMEOUT(thread->rowCount(), 4, 1000);
    QCOMPARE(thread->index(3).data(ThreadModel::TextRole).toString(), QStringLiteral("thank you, received"));
    QTRY_COMPARE_WITH_TIMEOUT(list->index(0).data(ConversationListModel::PreviewRole).toString(),
                              QStringLiteral("thank you, received"), 1000);
    qInfo("two consoles: inbound message in the open thread after %lld ms, in the queue after %lld ms", threadLatency,
          listLatency);
    disconnect(threadConnection);
    disconnect(listConnection);
    // While the console is in the background, a desktop notification says who wrote.
    if (!page.window()->isActiveWindow()) {
        QTRY_VERIFY(notifier.shown.size() > shownBefore);
        QVERIFY2(notifier.shown.constLast().startsWith(QLatin1String("New message from Mariama Konneh")),
                 qPrintable(notifier.shown.constLast()));
    }

    // Failure and retry: the reason under the bubble, and retry puts it back in the queue.
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                             "status, error, failed_at, author) VALUES (?, 'out', 'lost reply', ?, "
                                             "'failed', 'number not reachable', now(), ?)"),
                              {m_known, m_source, m_agent.name}));
    QTRY_COMPARE(thread->rowCount(), 5);
    QCOMPARE(thread->index(4).data(ThreadModel::ErrorRole).toString(), QStringLiteral("number not reachable"));
    auto* delegate = page.findChild<ThreadDelegate*>();
    QVERIFY(delegate);
    Q_EMIT delegate->retryRequested(thread->index(4).data(ThreadModel::IdRole).toLongLong());
    QTRY_COMPARE(thread->index(4).data(ThreadModel::StatusRole).toString(), QStringLiteral("queued"));
}

void TestConversationsPage::supervisorAssignsAndOptOutBlocksTheComposer()
{
    auto supervisor = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QStringLiteral("sup"));
    MHERO_VERIFY_OK(supervisor);
    Database database;
    open(database, supervisor->settings);
    ConversationsPage page(database, sessionOf(*supervisor, true));
    page.setNotifier(nullptr);
    page.resize(1280, 760);
    page.show();
    auto* assign = page.findChild<QPushButton*>(QStringLiteral("assignButton"));
    auto* assignee = page.findChild<QLabel*>(QStringLiteral("assigneeLabel"));
    QVERIFY(assign && assignee);
    // The colleague's conversation, handed to Alice by the supervisor.
    page.openConversation(m_unknown);
    QTRY_COMPARE(page.currentConversation(), m_unknown);
    QVERIFY(assign->isVisible());
    QTRY_VERIFY(assign->isEnabled());
    QTest::mouseClick(assign, Qt::LeftButton);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = page.findChild<QMenu*>(QStringLiteral("assignMenu"))) != nullptr);
    QAction* alice = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == QStringLiteral("Test ") + m_agent.name)
            alice = action;
    QVERIFY(alice);
    alice->trigger();
    menu->close();
    QTRY_COMPARE(assignee->text(), QStringLiteral("Assigned to Test %1").arg(m_agent.name));

    // The person opts out: the composer says so and sends nothing.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.contact_urn SET status = 'stopped' "
                                             "WHERE urn = 'whatsapp:231770000002'")));
    page.openConversation(m_unknown);
    auto* note = page.findChild<QLabel*>(QStringLiteral("composerNote"));
    QTRY_VERIFY2(note->text().contains(QLatin1String("opted out")), qPrintable(note->text()));
    page.composer()->setText(QStringLiteral("hello?"));
    QVERIFY(!page.composer()->canSend());
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.contact_urn SET status = 'active' "
                                             "WHERE urn = 'whatsapp:231770000002'")));
}

void TestConversationsPage::modelsUnderTheTester()
{
    Database database;
    open(database, m_agent.settings);

    ConversationListModel list(database, m_agent.name);
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setPageSize(1);
    list.setView(messaging::QueueView::Open);
    // The view would ask for more as it scrolls; here the test does, until the end.
    while (list.canFetchMore({}) || list.isLoading()) {
        if (list.canFetchMore({}))
            list.fetchMore({});
        QTest::qWait(10);
    }
    QCOMPARE(list.rowCount(), 2);
    // A live update that moves a row to the top, and one that takes it out of the queue.
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(),
                  QStringLiteral("UPDATE mhero.conversation SET last_activity_at = now() + interval '1 minute' "
                                 "WHERE id = ?"),
                  {m_unknown}));
    list.refreshConversation(m_unknown);
    QTRY_COMPARE(list.conversation(0).id, m_unknown);
    list.setView(messaging::QueueView::Resolved);
    QTRY_VERIFY(!list.isLoading());
    QCOMPARE(list.rowCount(), 0);

    ThreadModel thread(database);
    QAbstractItemModelTester threadTester(&thread, QAbstractItemModelTester::FailureReportingMode::QtTest);
    thread.setPageSize(2);
    thread.setConversation(m_known);
    // The tester itself asks for more as it checks; page until the beginning either way.
    QTRY_VERIFY(thread.rowCount() >= 2);
    while (thread.canFetchMore({}) || thread.isLoading()) {
        if (thread.canFetchMore({}))
            thread.fetchMore({});
        QTest::qWait(10);
    }
    QCOMPARE(thread.rowCount(), 5);
    // Oldest first; only the first message of a day carries the day line.
    QVERIFY(thread.index(0).data(ThreadModel::DaySeparatorRole).toBool());
    QVERIFY(thread.index(0).data(ThreadModel::TimeRole).toDateTime()
            <= thread.index(4).data(ThreadModel::TimeRole).toDateTime());
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(),
                  QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                 "external_id, status) VALUES (?, 'in', 'one more', ?, 'ext-in-2', 'received')"),
                  {m_known, m_source}));
    thread.refresh();
    QTRY_COMPARE(thread.rowCount(), 6);
    QCOMPARE(thread.dayLabel(QDate::currentDate()), QStringLiteral("Today"));
    QCOMPARE(thread.dayLabel(QDate::currentDate().addDays(-1)), QStringLiteral("Yesterday"));
}

void TestConversationsPage::composerFollowsThePolicy()
{
    ComposerWidget composer;
    composer.show();
    composer.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&composer)); // shortcuts need an active window
    auto* send = composer.findChild<QPushButton*>(QStringLiteral("sendButton"));
    auto* note = composer.findChild<QLabel*>(QStringLiteral("composerNote"));
    QSignalSpy picker(&composer, &ComposerWidget::templatePickerRequested);
    QSignalSpy sent(&composer, &ComposerWidget::sendRequested);
    composer.setTemplatesOnly(true);
    composer.setText(QStringLiteral("free text"));
    QVERIFY(!send->isEnabled());
    QCOMPARE(note->text(),
             QStringLiteral("This deployment sends approved templates only — type / or press Ctrl+T to choose one. "
                            "Notes for colleagues go under Notes, beside the thread."));
    QTest::keyClick(composer.findChild<QWidget*>(QStringLiteral("composerText")), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(picker.count(), 1);
    composer.setTemplateVersion(42, QStringLiteral("Your salary for March is paid."));
    QVERIFY(send->isEnabled());
    QVERIFY(note->text().isEmpty());
    QTest::keyClick(composer.findChild<QWidget*>(QStringLiteral("composerText")), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.at(0).at(1).toLongLong(), 42);
    composer.setBlockedReason(QStringLiteral("This person has opted out."));
    QVERIFY(!send->isEnabled());
    QCOMPARE(note->text(), QStringLiteral("This person has opted out."));
}

void TestConversationsPage::notesAreSharedLiveAndNeverSent()
{
    const auto count = [this](const char* table) {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT count(*) FROM mhero.") + QLatin1String(table))
            .valueOr(QVariant(-1))
            .toInt();
    };
    const int messagesBefore = count("message");
    const int outboxBefore = count("outbox");
    Database aliceDb;
    open(aliceDb, m_agent.settings);
    ConversationsPage alice(aliceDb, sessionOf(m_agent));
    alice.resize(1280, 760);
    alice.show();
    Database bobDb;
    open(bobDb, m_colleague.settings);
    ConversationsPage bob(bobDb, sessionOf(m_colleague));
    bob.resize(1280, 760);
    bob.show();
    QSignalSpy bobLoaded(bob.notesPanel(), &NotesPanel::notesLoaded);
    alice.openConversation(m_known);
    bob.openConversation(m_known);
    QTRY_COMPARE(alice.notesPanel()->conversation(), m_known);
    QTRY_VERIFY(bobLoaded.count() >= 1);
    QVERIFY(bob.notesPanel()->notes().isEmpty());
    QVERIFY(bob.findChild<QLabel*>(QStringLiteral("notesEmpty"))->isVisible());

    // Alice writes a note and presses Ctrl+Enter.
    auto* input = alice.findChild<QPlainTextEdit*>(QStringLiteral("noteInput"));
    auto* add = alice.findChild<QPushButton*>(QStringLiteral("addNoteButton"));
    QVERIFY(input && add);
    QVERIFY(!add->isEnabled());
    input->setPlainText(QString(messaging::kNoteMaxChars + 1, QLatin1Char('x')));
    QVERIFY(!add->isEnabled()); // too long: the counter says so
    QVERIFY(alice.findChild<QLabel*>(QStringLiteral("noteCounter"))->text().startsWith(QLatin1String("2001 / 2000")));
    input->setPlainText(QStringLiteral("Called back Monday; payroll says March salary goes out on the 28th."));
    QVERIFY(add->isEnabled());
    QSignalSpy changed(alice.notesPanel(), &NotesPanel::changed);
    input->setFocus();
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).toBool());
    QTRY_COMPARE(alice.notesPanel()->notes().size(), 1);
    QVERIFY(input->toPlainText().isEmpty());
    QVERIFY(alice.notesPanel()->notes().at(0).own);
    // Bob's console shows it without asking (NOTIFY mhero_note), as someone else's.
    QTRY_COMPARE(bob.notesPanel()->notes().size(), 1);
    const messaging::Note seen = bob.notesPanel()->notes().at(0);
    QCOMPARE(seen.body, QStringLiteral("Called back Monday; payroll says March salary goes out on the 28th."));
    QCOMPARE(seen.author, m_agent.name);
    QCOMPARE(seen.authorName, QStringLiteral("Test ") + m_agent.name); // the display name
    QVERIFY(!seen.own);
    // Stored on the conversation and on the person; nothing was sent or queued.
    auto stored = sql::scalar(m_owner->db(),
                              QStringLiteral("SELECT n.conversation_id = ? AND n.health_worker_id = u.health_worker_id "
                                             "FROM mhero.note n, mhero.conversation c JOIN mhero.contact_urn u "
                                             "ON u.id = c.urn_id WHERE c.id = ?"),
                              {m_known, m_known});
    MHERO_VERIFY_OK(stored);
    QVERIFY(stored->toBool());
    QCOMPARE(count("message"), messagesBefore);
    QCOMPARE(count("outbox"), outboxBefore);

    // A note on the person from elsewhere (e.g. another conversation) shows beside this one too.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.note (health_worker_id, author, body) "
                                             "SELECT u.health_worker_id, ?, 'Prefers calls after 4 pm' "
                                             "FROM mhero.conversation c JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                             "WHERE c.id = ?"),
                              {m_colleague.name, m_known}));
    QTRY_COMPARE(alice.notesPanel()->notes().size(), 2);
    QVERIFY(alice.notesPanel()->notes().at(1).otherConversation);
    QTRY_COMPARE(bob.notesPanel()->notes().size(), 2);
    QVERIFY(bob.notesPanel()->notes().at(1).own);

    // Bob cannot delete Alice's note: the action is off, and the database refuses anyway.
    auto* bobList = bob.findChild<QListWidget*>(QStringLiteral("notesList"));
    auto* bobDelete = bob.findChild<QAction*>(QStringLiteral("deleteNoteAction"));
    bobList->setCurrentRow(0);
    QVERIFY(!bobDelete->isEnabled());
    auto bobConnection = TestCluster::connectAs(m_colleague);
    MHERO_VERIFY_OK(bobConnection);
    const Status refused = messaging::deleteNote(bobConnection->db(), seen.id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, QStringLiteral("Only the note's author can delete it."));
    QCOMPARE(sqlState(bobConnection->db(), QStringLiteral("UPDATE mhero.note SET body = 'edited' WHERE id = ?"),
                      {seen.id}),
             QStringLiteral("ok")); // no error, but row-level security leaves no row to change…
    QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT body FROM mhero.note WHERE id = ?"), {seen.id})
                 .valueOr(QVariant())
                 .toString(),
             seen.body); // …so the note is unchanged

    // Nor edit it: the action is off, and the database refuses anyway.
    auto* bobEdit = bob.findChild<QAction*>(QStringLiteral("editNoteAction"));
    QVERIFY(bobEdit);
    QVERIFY(!bobEdit->isEnabled());
    const Status editRefused = messaging::editNote(bobConnection->db(), seen.id, QStringLiteral("mine now"));
    QVERIFY(!editRefused);
    QCOMPARE(editRefused.error().message, QStringLiteral("Only the note's author can change it."));

    // Alice corrects hers: F2 puts its text back into the input; Escape gives up…
    auto* aliceList = alice.findChild<QListWidget*>(QStringLiteral("notesList"));
    aliceList->setCurrentRow(0);
    QVERIFY(alice.findChild<QAction*>(QStringLiteral("editNoteAction"))->isEnabled());
    aliceList->setFocus();
    QTest::keyClick(aliceList, Qt::Key_F2);
    QCOMPARE(input->toPlainText(), seen.body);
    QCOMPARE(add->text(), QStringLiteral("Save note"));
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(input->toPlainText().isEmpty());
    QCOMPARE(add->text(), QStringLiteral("Add note"));
    // …and Ctrl+Enter saves: both consoles show the new text, marked edited, in the same place.
    const QString corrected = QStringLiteral("Called back Monday; payroll says March salary goes out on the 27th.");
    aliceList->setFocus();
    QTest::keyClick(aliceList, Qt::Key_F2);
    input->setPlainText(corrected);
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(alice.notesPanel()->notes().at(0).body, corrected);
    QCOMPARE(alice.notesPanel()->notes().size(), 2);
    QVERIFY(input->toPlainText().isEmpty());
    QCOMPARE(add->text(), QStringLiteral("Add note"));
    QVERIFY2(aliceList->item(0)->text().contains(QLatin1String("edited")), qPrintable(aliceList->item(0)->text()));
    QVERIFY(!aliceList->item(1)->text().contains(QLatin1String("edited")));
    QTRY_COMPARE(bob.notesPanel()->notes().at(0).body, corrected);
    QCOMPARE(bob.notesPanel()->notes().at(0).id, seen.id);
    // The audit log keeps what it said before.
    const auto auditedBefore = [&](const QString& action) {
        return sql::scalar(m_owner->db(),
                           QStringLiteral("SELECT string_agg(before->>'body', ' | ') FROM mhero.audit_log "
                                          "WHERE table_name = 'note' AND action = ? AND row_key = ?::text AND actor = ?"),
                           {action, seen.id, m_agent.name})
            .valueOr(QVariant())
            .toString();
    };
    QCOMPARE(auditedBefore(QStringLiteral("update")), seen.body);

    // Alice deletes hers with the Delete key; both consoles drop it, the audit log keeps it.
    aliceList->setCurrentRow(0);
    aliceList->setFocus();
    QTest::keyClick(aliceList, Qt::Key_Delete);
    QTRY_COMPARE(alice.notesPanel()->notes().size(), 1);
    QTRY_COMPARE(bob.notesPanel()->notes().size(), 1);
    QCOMPARE(auditedBefore(QStringLiteral("delete")), corrected); // once, as it was last
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("DELETE FROM mhero.note")));
}

void TestConversationsPage::queuePagesStayOnTheIndexes()
{
    // 100,000 conversations (a tenth assigned, a third resolved) in a database nobody listens to.
    const QString name = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(name);
    MHERO_VERIFY_OK(owner);
    QSqlDatabase& db = owner->db();
    QElapsedTimer setup;
    setup.start();
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rp', 'rapidpro', 'https://rp.test.invalid')")));
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.app_user (role_name, display_name, kind) "
                                             "VALUES ('somebody', 'Somebody', 'agent')")));
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.contact_urn (urn) SELECT 'tel:+2317' || "
                                             "lpad(g::text, 8, '0') FROM generate_series(1, 100000) g")));
    MHERO_VERIFY_OK(sql::exec(
        db,
        QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id, status, assignee, "
                       "last_activity_at, resolved_at) "
                       "SELECT u.id, (SELECT id FROM mhero.source WHERE name = 'rp'), CASE WHEN u.id % 3 = 0 THEN "
                       "'resolved' ELSE 'open' END, "
                       "CASE WHEN u.id % 10 = 0 THEN 'somebody' END, now() - make_interval(secs => u.id * 7), "
                       "CASE WHEN u.id % 3 = 0 THEN now() END FROM mhero.contact_urn u")));
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("ANALYZE")));
    qInfo("100,000 conversations set up in %lld ms", setup.elapsed());

    const QList<std::pair<messaging::QueueView, QString>> views{
        {messaging::QueueView::Unassigned, QStringLiteral("conversation_open_activity")},
        {messaging::QueueView::Mine, QStringLiteral("conversation_assignee")},
        {messaging::QueueView::Open, QStringLiteral("conversation_open_activity")},
        {messaging::QueueView::Resolved, QStringLiteral("conversation_resolved_activity")}};
    // As the superuser, session_user has no conversations: "Mine" is empty, its plan is what matters.
    for (const auto& [view, index] : views) {
        for (const bool second : {false, true}) {
            std::optional<messaging::QueueCursor> after;
            if (second) {
                auto first = messaging::loadQueue(db, view, std::nullopt, 100);
                MHERO_VERIFY_OK(first);
                if (first->next)
                    after = first->next;
            }
            const messaging::QueueQuery q = messaging::buildQueueQuery(view, after, 100);
            // EXPLAIN cannot be prepared: the values go in as literals.
            QString statement = q.sql;
            for (const QVariant& value : q.values)
                statement.replace(statement.indexOf(QLatin1Char('?')), 1, sql::quoteLiteral(value.toString()));
            auto plan = sql::exec(db, QStringLiteral("EXPLAIN (ANALYZE, FORMAT TEXT) ") + statement);
            MHERO_VERIFY_OK(plan);
            QStringList lines;
            while (plan->next())
                lines << plan->value(0).toString();
            const QString text = lines.join(QLatin1Char('\n'));
            QVERIFY2(text.contains(index), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Seq Scan on conversation")), qPrintable(text));
            const QString last = lines.constLast();
            const double ms = last.section(QLatin1Char(':'), 1).remove(QLatin1String("ms")).trimmed().toDouble();
            qInfo("view %d%s: %.2f ms", int(view), second ? " (second page)" : "", ms);
            QVERIFY2(ms < 50, qPrintable(text));
        }
    }
    owner->db().close();
    TestCluster::instance().dropDatabase(name);
}

void TestConversationsPage::attachmentsNotShownSayWhy()
{
    // Every state an attachment can be in is painted, with a line saying what it is; only what is
    // kept in the database opens on a click.
    const auto attachment = [](int position, const QString& type, const QString& state, const QString& error = {},
                               const QString& thumbnailState = {}) {
        QVariantMap a{{QStringLiteral("messageId"), 77},     {QStringLiteral("position"), position},
                      {QStringLiteral("contentType"), type}, {QStringLiteral("fileName"), QString()},
                      {QStringLiteral("size"), 2'500'000},   {QStringLiteral("state"), state},
                      {QStringLiteral("error"), error}};
        if (!thumbnailState.isEmpty())
            a.insert(QStringLiteral("thumbnailState"), thumbnailState);
        return a;
    };
    QStandardItemModel model;
    auto* item = new QStandardItem;
    item->setData(QStringLiteral("in"), ThreadModel::DirectionRole);
    item->setData(QStringLiteral("received"), ThreadModel::StatusRole);
    item->setData(QStringLiteral("look"), ThreadModel::TextRole);
    item->setData(QDateTime::currentDateTime(), ThreadModel::TimeRole);
    item->setData(true, ThreadModel::DaySeparatorRole);
    item->setData(QStringLiteral("Today"), ThreadModel::DayLabelRole);
    item->setData(
        QVariantList{
            attachment(0, QStringLiteral("image/jpeg"), QStringLiteral("pending")),
            attachment(1, QStringLiteral("image/jpeg"), QStringLiteral("failed"),
                       QStringLiteral("RapidPro could not give the attachment: HTTP 404")),
            attachment(2, QStringLiteral("video/mp4"), QStringLiteral("too_large")),
            attachment(3, QStringLiteral("image/png"), QStringLiteral("stored"), {}, QStringLiteral("none")),
            attachment(4, QStringLiteral("image/png"), QStringLiteral("stored"), {}, QStringLiteral("loading"))},
        ThreadModel::AttachmentsRole);
    model.appendRow(item);
    ThreadDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 600, 0);
    const QSize size = delegate.sizeHint(option, model.index(0, 0));
    QVERIFY(size.height() > 120 + 5 * 12);
    QImage canvas(600, size.height(), QImage::Format_ARGB32);
    canvas.fill(Qt::white);
    {
        QPainter painter(&canvas);
        option.rect = QRect(QPoint(0, 0), QSize(600, size.height()));
        delegate.paint(&painter, option, model.index(0, 0));
    }
    // Click down the bubble's left column: only the stored ones (the file line of the picture
    // without a thumbnail, and the picture still loading its thumbnail is not clickable yet).
    QSignalSpy activated(&delegate, &ThreadDelegate::attachmentActivated);
    for (int y = 0; y < size.height(); y += 3) {
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(12 + 8 + 20, y), QPointF(12 + 8 + 20, y),
                            Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        delegate.editorEvent(&release, &model, option, model.index(0, 0));
    }
    QVERIFY(activated.count() >= 1);
    for (const auto& call : activated) {
        QCOMPARE(call.at(0).toLongLong(), 77);
        QCOMPARE(call.at(1).toInt(), 3);
    }
}

void TestConversationsPage::screenshots()
{
    // The demo data set, signed in as its agent; the demo picture served from a local file.
    const QString name = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(name);
    MHERO_VERIFY_OK(owner);
    MHERO_VERIFY_OK(demo::load(owner->db()));
    QTemporaryDir dir;
    QImage picture(640, 480, QImage::Format_RGB32);
    {
        picture.fill(QColor(0xC9, 0xB8, 0x96));
        QPainter p(&picture);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0xF4, 0xF1, 0xEA));
        p.setPen(QPen(QColor(0x6D, 0x5C, 0x43), 4));
        p.drawRect(110, 90, 420, 300);
        p.setPen(QColor(0x1E, 0x5A, 0x9C));
        QFont f = p.font();
        f.setPixelSize(46);
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRect(110, 130, 420, 80), Qt::AlignCenter, QStringLiteral("Malaria RDT"));
        f.setPixelSize(30);
        p.setFont(f);
        p.setPen(QColor(0xB7, 0x1C, 0x1C));
        p.drawText(QRect(110, 230, 420, 60), Qt::AlignCenter, QStringLiteral("EXP 2025-11"));
    }
    const QString path = dir.filePath(QStringLiteral("rdt-box.png"));
    QVERIFY(picture.save(path));
    // Kept in the database as the sync engine keeps it: the bytes and a thumbnail made once.
    QFile pictureFile(path);
    QVERIFY(pictureFile.open(QIODevice::ReadOnly));
    const QByteArray pictureBytes = pictureFile.readAll();
    MHERO_VERIFY_OK(
        sql::exec(owner->db(),
                  QStringLiteral("UPDATE mhero.media SET content_type = 'image/png', state = 'stored', bytes = ?, "
                                 "size = length(?::bytea), thumbnail = ?, fetched_at = now() "
                                 "WHERE message_id = (SELECT id FROM mhero.message WHERE external_id = 'demo-6-1')"),
                  {pictureBytes, pictureBytes, channels::MediaStore::makeThumbnail(pictureBytes)}));
    auto picked = sql::scalar(
        owner->db(), QStringLiteral("SELECT conversation_id FROM mhero.message WHERE external_id = 'demo-6-1'"));
    MHERO_VERIFY_OK(picked);
    auto exchange = sql::scalar(
        owner->db(), QStringLiteral("SELECT conversation_id FROM mhero.message WHERE external_id = 'demo-3-1'"));
    MHERO_VERIFY_OK(exchange);

    ConnectionSettings settings = TestCluster::instance().superuser(name);
    settings.user = QStringLiteral("demo_agent");
    settings.password = QString(demo::kPassword);
    Database database;
    open(database, settings);
    TestUser demoAgent{settings.user, settings.password, settings};
    SessionInfo session = sessionOf(demoAgent);
    session.user.displayName = QStringLiteral("Esther Kollie");
    ConversationsPage page(database, session);
    page.setNotifier(nullptr);
    page.resize(1280, 760);
    page.show();
    QTRY_VERIFY(page.listModel()->rowCount() > 0);

    // The pictures go to docs/screenshots only when asked (MHERO_UPDATE_SCREENSHOTS=1), so that an
    // ordinary test run leaves the source tree alone.
    QTemporaryDir scratch;
    const QString folder = qEnvironmentVariableIntValue("MHERO_UPDATE_SCREENSHOTS") != 0
        ? QStringLiteral(MHERO_SOURCE_DIR "/docs/screenshots")
        : scratch.path();
    QDir().mkpath(folder);
    page.setView(messaging::QueueView::Open);
    QTRY_VERIFY(page.listModel()->rowCount() >= 8 && !page.listModel()->isLoading());
    page.openConversation(exchange->toLongLong());
    QTRY_VERIFY2(page.threadModel()->rowCount() == 3 && !page.threadModel()->isLoading(),
                 qPrintable(QStringLiteral("%1 messages in %2 (want %3)")
                                .arg(page.threadModel()->rowCount())
                                .arg(page.currentConversation())
                                .arg(exchange->toLongLong())));
    QTRY_VERIFY(page.findChild<QLabel*>(QStringLiteral("contactDetails"))->text().contains(QLatin1String("Cadre")));
    QTest::qWait(100); // let the view lay out and scroll to the newest message before grabbing
    QVERIFY(page.grab().save(folder + QStringLiteral("/conversations.png")));

    page.openConversation(picked->toLongLong());
    QTRY_VERIFY(page.threadModel()->rowCount() == 2 && !page.threadModel()->isLoading());
    QTRY_VERIFY(!page.threadModel()->index(0).data(Qt::DecorationRole).value<QPixmap>().isNull()
                || !page.threadModel()->index(1).data(Qt::DecorationRole).value<QPixmap>().isNull());
    QTest::qWait(100);
    QVERIFY(page.grab().save(folder + QStringLiteral("/thread.png")));

    database.close();
    owner->db().close();
    TestCluster::instance().dropDatabase(name);
}

QTEST_MAIN(TestConversationsPage)
#include "tst_conversationspage.moc"
