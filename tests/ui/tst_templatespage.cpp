// Templates end to end through the real widgets: one supervisor writes and submits a template on
// the Templates page, another approves it on the Approvals page with the keyboard, and an agent's
// TemplatePicker finds it and renders it for a health worker in French. Screenshots of each page
// go to docs/screenshots/ (MHERO_SCREENSHOT_DIR).
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "templates/ApprovalsPage.h"
#include "templates/TemplatePicker.h"
#include "templates/TemplatesModel.h"
#include "templates/TemplatesPage.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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
}

void TestTemplatesPage::cleanupTestCase()
{
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
    // ---- 4. the agent picks it, rendered in French for a health worker ------------------------
    {
        Database database;
        open(database, m_agent);
        TemplatePicker picker(database);
        TemplateRecipient recipient;
        recipient.person = {QStringLiteral("Aminata"), QStringLiteral("Diallo"), QStringLiteral("Nurse"),
                            QStringLiteral("Redemption Hospital"), QStringLiteral("Greater Monrovia")};
        recipient.agentName = QStringLiteral("Agent Smith");
        recipient.date = QDate(2024, 3, 5);
        recipient.language = QStringLiteral("fr-LR");
        picker.setRecipient(recipient);
        picker.show();
        QSignalSpy results(&picker, &TemplatePicker::resultsChanged);
        QTest::keyClicks(picker.findChild<QLineEdit*>(QStringLiteral("templatePickerSearch")), QStringLiteral("payroll"));
        QTRY_VERIFY(results.count() >= 1 && picker.results().size() == 1);
        QSignalSpy chosen(&picker, &TemplatePicker::templateChosen);
        QTest::keyClick(picker.findChild<QLineEdit*>(QStringLiteral("templatePickerSearch")), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        const auto picked = chosen.first().first().value<PickedTemplate>();
        QCOMPARE(picked.language, QStringLiteral("fr"));
        QVERIFY(picked.rendered.text.startsWith(QStringLiteral("Cher/Chère Aminata, ")));
        QVERIFY(picked.rendered.text.contains(QLatin1String("Redemption Hospital")));
        QCOMPARE(picked.rendered.unfilled, QStringList{QStringLiteral("reference")});
        QCOMPARE(picked.rendered.unfilledSpans.size(), 1);
        // The version sent is the approved one (the newer draft is not offered).
        auto owner = TestCluster::instance().connectSuperuser(m_db);
        auto status = sql::scalar(owner->db(), QStringLiteral("SELECT status FROM mhero.template_version WHERE id = ?"),
                                  {picked.versionId});
        QCOMPARE(status->toString(), QStringLiteral("approved"));
        // A search with no match, then Escape.
        QSignalSpy cancelled(&picker, &TemplatePicker::cancelled);
        picker.search(QStringLiteral("no such words"));
        QTRY_VERIFY(picker.results().isEmpty());
        QTest::keyClick(picker.findChild<QLineEdit*>(QStringLiteral("templatePickerSearch")), Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
    }
}

QTEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
