// Templates end to end through the real widgets: one supervisor writes and submits a template on
// the Templates page, another approves it on the Approvals page with the keyboard, the first
// starts a second version (history diff), an agent replies with the approved version from the
// conversation composer (rendered in French for the health worker, the free placeholder filled
// in), and the second supervisor retires it, after which it can be neither chosen nor sent.
// Screenshots of each page go to docs/screenshots/ (MHERO_SCREENSHOT_DIR).
#include "SeedData.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"
#include "templates/ApprovalsPage.h"
#include "templates/TemplatePicker.h"
#include "templates/TemplatesModel.h"
#include "templates/TemplatesPage.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestTemplatesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void writeApproveAndPick();

private:
    static void open(Database& database, const TestUser& user)
    {
        QSignalSpy opened(&database, &Database::opened);
        database.open(user.settings);
        QTRY_COMPARE(opened.count(), 1);
    }
    static void shoot(QWidget& widget, const char* name)
    {
        const QString dir = qEnvironmentVariable("MHERO_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    }

    QString m_db;
    TestUser m_sup1, m_sup2, m_agent;
    std::optional<ScopedConnection> m_owner;
};

void TestTemplatesPage::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    for (auto [kind, user, prefix] : {std::tuple{UserKind::Supervisor, &m_sup1, "writer"},
                                      std::tuple{UserKind::Supervisor, &m_sup2, "approver"},
                                      std::tuple{UserKind::Agent, &m_agent, "agent"}}) {
        auto created = TestCluster::instance().createUser(m_db, kind, QString::fromLatin1(prefix));
        MHERO_VERIFY_OK(created);
        *user = *created;
    }
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    // Aminata Diallo writes in French through RapidPro; the deployment sends templates only.
    MHERO_VERIFY_OK(seedConversation(m_owner->db(), {QStringLiteral("ad"), QStringLiteral("Aminata"),
                                                     QStringLiteral("Diallo"), QStringLiteral("Nurse"),
                                                     QStringLiteral("Redemption Hospital"),
                                                     QStringLiteral("Greater Monrovia"), QStringLiteral("fr"),
                                                     QStringLiteral("tel:+231770000311"),
                                                     QStringLiteral("Bonjour, où est mon salaire ?")}));
}

void TestTemplatesPage::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestTemplatesPage::writeApproveAndPick()
{
    const QString en = QStringLiteral(
        "Dear {{given_name}}, the Ministry of Health confirms that salaries for {{facility}} staff were sent on "
        "{{date}}. Your reference is {{reference}}. Call 4455 with questions.");
    const QString fr = QStringLiteral(
        "Cher/Chère {{given_name}}, le ministère de la Santé confirme que les salaires du personnel de {{facility}} "
        "ont été virés le {{date}}. Votre référence : {{reference}}. Appelez le 4455.");
    // ---- 1. supervisor 1 writes and submits --------------------------------------------------
    {
        Database database;
        open(database, m_sup1);
        TemplatesPage page(database, TemplatesPage::Access::Approve, QStringLiteral("Writer One"));
        page.resize(1280, 800);
        page.show();
        page.startNewTemplate();
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("templateName")), QStringLiteral("Salary confirmation"));
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("templateTags")), QStringLiteral("salary, payroll"));
        auto* body = page.findChild<QPlainTextEdit*>(QStringLiteral("templateBody_en"));
        QVERIFY(body);
        body->setPlainText(en);
        // {{reference}} is not declared yet: the editor says so, with its position.
        auto* problems = page.findChild<QLabel*>(QStringLiteral("templateProblems_en"));
        QVERIFY(problems->text().contains(QLatin1String("reference")));
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("templateFreePlaceholders")), QStringLiteral("reference"));
        QVERIFY(problems->text().isEmpty());
        page.findChild<QPlainTextEdit*>(QStringLiteral("templateBody_fr"))->setPlainText(fr);
        // The matching WhatsApp template; the field takes Meta's name syntax only.
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("templateWhatsappName")),
                         QStringLiteral("Salary Paid_notice"));
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("templateWhatsappName"))->text(),
                 QStringLiteral("alaryaid_notice")); // capitals and spaces are not accepted
        page.findChild<QLineEdit*>(QStringLiteral("templateWhatsappName"))->setText(QStringLiteral("salary_paid_notice"));
        QTest::keyClicks(page.findChild<QLineEdit*>(QStringLiteral("templateWhatsappLanguage")), QStringLiteral("fr"));
        auto* sms = page.findChild<QLabel*>(QStringLiteral("templateSms_en"));
        QVERIFY2(sms->text().contains(QLatin1String("SMS part")), qPrintable(sms->text()));
        QVERIFY(sms->text().contains(QLatin1String("GSM-7")));
        auto* preview = page.findChild<QTextBrowser*>(QStringLiteral("templatePreview_en"));
        QVERIFY(preview->toPlainText().contains(QLatin1String("Dear Musu")));
        QVERIFY(preview->toPlainText().contains(QLatin1String("{{reference}}")));
        QSignalSpy saved(&page, &TemplatesPage::saved);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QVERIFY2(saved.first().first().toBool(),
                 qPrintable(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text()));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->at(0).status, QStringLiteral("submitted"));
        QCOMPARE(page.model()->at(0).languages, (QStringList{QStringLiteral("en"), QStringLiteral("fr")}));
        QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT whatsapp_template_name || '/' || whatsapp_language "
                                                           "FROM mhero.template_version"))
                     .valueOr(QVariant())
                     .toString(),
                 QStringLiteral("salary_paid_notice/fr"));
        // Submitting again, unchanged, does not queue a copy for the approvers.
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
        QVERIFY(saved.at(1).first().toBool());
        QVERIFY2(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text().contains(QLatin1String("still waiting")),
                 qPrintable(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text()));
        QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT count(*) FROM mhero.template_version"))
                     .valueOr(QVariant())
                     .toInt(),
                 1);
        // But if another supervisor rejected it meanwhile, Submit submits it again, as it says.
        {
            auto other = TestCluster::connectAs(m_sup2);
            MHERO_VERIFY_OK(other);
            const qint64 versionId = sql::scalar(m_owner->db(), QStringLiteral("SELECT id FROM mhero.template_version"))
                                         .valueOr(QVariant())
                                         .toLongLong();
            MHERO_VERIFY_OK(templates::rejectVersion(other->db(), versionId, QStringLiteral("checking")));
        }
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("submitButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 10000);
        QVERIFY2(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text().startsWith(QLatin1String("Submitted")),
                 qPrintable(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text()));
        QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT string_agg(status, ',') FROM mhero.template_version"))
                     .valueOr(QVariant())
                     .toString(),
                 QStringLiteral("submitted"));
        shoot(page, "templates.png");
    }
    // ---- 2. supervisor 2 approves with the keyboard -------------------------------------------
    {
        Database database;
        open(database, m_sup2);
        ApprovalsPage page(database, m_sup2.name);
        page.resize(1280, 700);
        page.show();
        QSignalSpy loaded(&page, &ApprovalsPage::queueLoaded);
        QTRY_VERIFY(loaded.count() >= 1);
        QCOMPARE(page.queueLength(), 1);
        auto* diff = page.findChild<QTextBrowser*>(QStringLiteral("approvalDiff"));
        QVERIFY(diff->toPlainText().contains(QLatin1String("Call 4455")));
        shoot(page, "approvals.png");
        QSignalSpy decided(&page, &ApprovalsPage::decided);
        QTest::keyClick(page.findChild<QListWidget*>(QStringLiteral("approvalQueue")), Qt::Key_Return,
                        Qt::ControlModifier);
        // It asks first (tst_approvalspage has the details); Enter confirms.
        auto* confirmation = page.findChild<QDialog*>(QStringLiteral("approveConfirmation"));
        QVERIFY(confirmation);
        QTRY_VERIFY(confirmation->isVisible());
        QTest::keyClick(confirmation, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 10000);
        QVERIFY(decided.first().first().toBool());
        QTRY_COMPARE(page.queueLength(), 0);
    }
    // ---- 3. supervisor 1 edits: a second version, and the history diff -----------------------
    {
        Database database;
        open(database, m_sup1);
        TemplatesPage page(database, TemplatesPage::Access::Approve, QStringLiteral("Writer One"));
        page.resize(1280, 800);
        page.show();
        QSignalSpy loaded(&page, &TemplatesPage::templateLoaded);
        page.selectTemplate(QStringLiteral("Salary confirmation"));
        QTRY_COMPARE(loaded.count(), 1);
        auto* body = page.findChild<QPlainTextEdit*>(QStringLiteral("templateBody_en"));
        body->setPlainText(QString(en).replace(QLatin1String("Call 4455 with questions."),
                                               QLatin1String("Allow up to 5 working days for rural banks.")));
        QSignalSpy saved(&page, &TemplatesPage::saved);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("saveDraftButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QVERIFY(saved.first().first().toBool());
        page.showHistory();
        auto* diff = page.findChild<QTextBrowser*>(QStringLiteral("templateDiff"));
        QTRY_VERIFY(diff->toHtml().contains(QLatin1String("rural")));
        shoot(page, "template-diff.png");
    }
    // ---- 4. the agent replies with it from the composer, rendered in French for Aminata ---------
    const qint64 approvedVersion = sql::scalar(m_owner->db(), QStringLiteral("SELECT id FROM mhero.template_version "
                                                                             "WHERE status = 'approved'"))
                                       .valueOr(QVariant())
                                       .toLongLong();
    QVERIFY(approvedVersion > 0);
    {
        Database database;
        open(database, m_agent);
        SessionInfo session;
        session.user.roleName = m_agent.name;
        session.user.displayName = QStringLiteral("Esther Sumo");
        session.user.isAgent = true;
        ConversationsPage page(database, session);
        page.resize(1280, 760);
        page.show();
        auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
        auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
        auto* send = page.findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* picker = page.findChild<TemplatePicker*>(QStringLiteral("templatePicker"));
        QVERIFY(queue && editor && send && picker);
        QTRY_COMPARE(page.listModel()->rowCount(), 1);
        queue->setCurrentIndex(page.listModel()->index(0));
        QTRY_VERIFY(page.findChild<QLabel*>(QStringLiteral("contactDetails"))->text().contains(QLatin1String("Redemption")));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Slash);
        QTRY_VERIFY(picker->isVisible());
        QTest::keyClicks(picker->findChild<QLineEdit*>(QStringLiteral("templatePickerSearch")), QStringLiteral("payroll"));
        QTRY_COMPARE(picker->results().size(), 1);
        QTest::keyClick(picker->findChild<QLineEdit*>(QStringLiteral("templatePickerSearch")), Qt::Key_Return);
        // The approved version (not the newer draft), in the conversation's language.
        QTRY_COMPARE(page.composer()->templateVersion(), approvedVersion);
        QVERIFY2(editor->toPlainText().startsWith(QStringLiteral("Cher/Chère Aminata, ")), qPrintable(editor->toPlainText()));
        QVERIFY(editor->toPlainText().contains(QLatin1String("Redemption Hospital")));
        QCOMPARE(page.composer()->remainingPlaceholders(), QStringList{QStringLiteral("reference")});
        QVERIFY(!send->isEnabled());
        editor->setPlainText(editor->toPlainText().replace(QStringLiteral("{{reference}}"), QStringLiteral("PAY-0311")));
        QTRY_VERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(page.threadModel()->rowCount(), 2);
        auto stored = sql::scalar(m_owner->db(),
                                  QStringLiteral("SELECT template_version_id || ' ' || (text LIKE 'Cher/Chère Aminata, %' "
                                                 "AND text LIKE '%PAY-0311%') FROM mhero.message WHERE direction = 'out'"));
        MHERO_VERIFY_OK(stored);
        QCOMPARE(stored->toString(), QStringLiteral("%1 true").arg(approvedVersion));
    }
    // ---- 5. supervisor 2 retires it: it can no longer be chosen or sent ------------------------
    {
        Database database;
        open(database, m_sup2);
        TemplatesPage page(database, TemplatesPage::Access::Approve, QStringLiteral("Approver Two"));
        page.resize(1280, 800);
        page.show();
        QSignalSpy loaded(&page, &TemplatesPage::templateLoaded);
        page.selectTemplate(QStringLiteral("Salary confirmation"));
        QTRY_COMPARE(loaded.count(), 1);
        auto* retireTemplate = page.findChild<QAction*>(QStringLiteral("retireTemplateAction"));
        QVERIFY(retireTemplate && retireTemplate->isEnabled());
        QVERIFY(page.findChild<QAction*>(QStringLiteral("retireVersionAction"))->isEnabled());
        retireTemplate->trigger();
        auto* confirmation = page.findChild<QMessageBox*>(QStringLiteral("retireConfirmation"));
        QVERIFY(confirmation);
        QTRY_VERIFY(confirmation->isVisible());
        QVERIFY(confirmation->text().contains(QLatin1String("Salary confirmation")));
        QSignalSpy retired(&page, &TemplatesPage::retired);
        QTest::mouseClick(confirmation->findChild<QPushButton*>(QStringLiteral("confirmRetireButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retired.count(), 1, 10000);
        QVERIFY2(retired.first().first().toBool(),
                 qPrintable(page.findChild<QLabel*>(QStringLiteral("templateStatus"))->text()));
        QTRY_COMPARE(page.model()->at(0).status, QStringLiteral("retired"));
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("saveDraftButton"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("retireButton"))->isEnabled());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("templateVersionLine"))->text().contains(QLatin1String("retired")));
    }
    {
        Database database;
        open(database, m_agent);
        TemplatePicker picker(database);
        picker.show();
        QSignalSpy results(&picker, &TemplatePicker::resultsChanged);
        picker.search(QStringLiteral("payroll"));
        QTRY_VERIFY(results.count() >= 1);
        QVERIFY(picker.results().isEmpty());
        auto agent = TestCluster::connectAs(m_agent);
        MHERO_VERIFY_OK(agent);
        QCOMPARE(sqlState(agent->db(),
                          QStringLiteral("SELECT mhero.reply(c.id, m.text, ?) FROM mhero.conversation c "
                                         "JOIN mhero.message m ON m.conversation_id = c.id AND m.direction = 'out'"),
                          {approvedVersion}),
                 QString(sql::state::InsufficientPrivilege));
    }
}

QTEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
