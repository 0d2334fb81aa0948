// Approving asks first (issue 17, day-one defect 7): Ctrl+Enter on the Approvals page shows what
// would be approved — the template, the version, its languages and every body — and approves only
// when confirmed. A new version that rewrote the English but left the French and Portuguese word
// for word as in the version in use is flagged, and then Enter does not approve by accident.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "templates/ApprovalsPage.h"
#include "templates/ApproveDialog.h"
#include "templates/TemplateStore.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestApprovalsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void askedBeforeApproving();
    void warnedWhenLanguagesAreLeftBehind();

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
    /// Saves and submits @p bodies as the writer (another console); returns the version id.
    qint64 submit(const QMap<QString, QString>& bodies)
    {
        auto writer = TestCluster::connectAs(m_writer);
        if (!writer)
            return 0;
        templates::Draft draft;
        draft.bodies = bodies;
        auto saved = templates::saveTemplate(writer->db(), m_templateId, QStringLiteral("Salary notice"),
                                             QStringLiteral("hr_payroll"), {}, draft, true);
        if (!saved)
            return 0;
        m_templateId = saved->templateId;
        return sql::scalar(m_owner->db(),
                           QStringLiteral("SELECT max(id) FROM mhero.template_version WHERE template_id = ?"),
                           {m_templateId})
            .valueOr(QVariant())
            .toLongLong();
    }
    QString status(qint64 version)
    {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT status FROM mhero.template_version WHERE id = ?"),
                           {version})
            .valueOr(QVariant())
            .toString();
    }
    /// Presses Ctrl+Enter in the queue and returns the question it opens.
    static ApproveDialog* askToApprove(ApprovalsPage& page)
    {
        // The shortcut works in the active window (a closed question gives the activation back
        // on a desktop; the offscreen platform needs telling).
        page.activateWindow();
        if (!QTest::qWaitForWindowActive(&page))
            return nullptr;
        auto* queue = page.findChild<QListWidget*>(QStringLiteral("approvalQueue"));
        // Shortcuts follow the application's active window and focus widget, which trail a closed
        // question by a few events.
        if (!QTest::qWaitFor([&page, queue] {
                return QApplication::activeWindow() == &page && QApplication::focusWidget() == queue;
            }))
            return nullptr;
        QTest::keyClick(queue, Qt::Key_Return, Qt::ControlModifier);
        // The open question (one answered before may not be deleted yet).
        ApproveDialog* dialog = nullptr;
        const bool open = QTest::qWaitFor([&page, &dialog] {
            for (ApproveDialog* d : page.findChildren<ApproveDialog*>(QStringLiteral("approveConfirmation")))
                if (d->isVisible())
                    dialog = d;
            return dialog != nullptr;
        });
        return open ? dialog : nullptr;
    }

    QString m_db;
    TestUser m_writer, m_approver;
    std::optional<ScopedConnection> m_owner;
    qint64 m_templateId = 0;
    const QMap<QString, QString> m_first{
        {QStringLiteral("en"), QStringLiteral("Salaries for March were paid on 5 April.")},
        {QStringLiteral("fr"), QStringLiteral("Les salaires de mars ont été payés le 5 avril.")},
        {QStringLiteral("pt"), QStringLiteral("Os salários de março foram pagos a 5 de abril.")}};
};

void TestApprovalsPage::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    for (auto [user, prefix] : {std::pair{&m_writer, "writer"}, std::pair{&m_approver, "approver"}}) {
        auto created = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QString::fromLatin1(prefix));
        MHERO_VERIFY_OK(created);
        *user = *created;
    }
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
}

void TestApprovalsPage::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestApprovalsPage::askedBeforeApproving()
{
    const qint64 version = submit(m_first);
    QVERIFY(version > 0);
    Database database;
    open(database, m_approver);
    ApprovalsPage page(database, m_approver.name);
    page.resize(1100, 650);
    page.show();
    QTRY_COMPARE(page.queueLength(), 1);

    // Ctrl+Enter asks; nothing is approved yet.
    ApproveDialog* dialog = askToApprove(page);
    QVERIFY(dialog);
    QCOMPARE(status(version), QStringLiteral("submitted"));
    const QString summary = dialog->findChild<QLabel*>(QStringLiteral("approveSummary"))->text();
    QVERIFY2(summary.contains(QLatin1String("Salary notice")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("version 1")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("EN, FR, PT")), qPrintable(summary));
    const QString bodies = dialog->findChild<QTextBrowser*>(QStringLiteral("approveBodies"))->toPlainText();
    for (const QString& body : m_first)
        QVERIFY2(bodies.contains(body), qPrintable(bodies));
    // A first version leaves nothing behind.
    QVERIFY(!dialog->warns());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("approveWarning"))->isVisible());
    shoot(*dialog, "approve-confirmation.png");

    // Cancel: still waiting.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelApproveButton")), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<ApproveDialog*>(QStringLiteral("approveConfirmation")));
    QCOMPARE(status(version), QStringLiteral("submitted"));
    QCOMPARE(page.queueLength(), 1);

    // Confirmed with Enter (Approve is the default when there is nothing to warn about).
    dialog = askToApprove(page);
    QVERIFY(dialog);
    QSignalSpy decided(&page, &ApprovalsPage::decided);
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 10000);
    QVERIFY(decided.first().first().toBool());
    QCOMPARE(status(version), QStringLiteral("approved"));
    QTRY_COMPARE(page.queueLength(), 0);
}

void TestApprovalsPage::warnedWhenLanguagesAreLeftBehind()
{
    // Version 2 changes the English date; the French and Portuguese still say 5 April.
    QMap<QString, QString> second = m_first;
    second[QStringLiteral("en")] = QStringLiteral("Salaries for March will be paid on 12 April.");
    const qint64 version = submit(second);
    QVERIFY(version > 0);
    Database database;
    open(database, m_approver);
    ApprovalsPage page(database, m_approver.name);
    page.resize(1100, 650);
    page.show();
    QTRY_COMPARE(page.queueLength(), 1);

    ApproveDialog* dialog = askToApprove(page);
    QVERIFY(dialog);
    QVERIFY(dialog->warns());
    auto* warning = dialog->findChild<QLabel*>(QStringLiteral("approveWarning"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QLatin1String("EN changed")), qPrintable(warning->text()));
    QVERIFY2(warning->text().contains(QLatin1String("FR, PT")), qPrintable(warning->text()));
    QVERIFY2(warning->text().contains(QLatin1String("version 1")), qPrintable(warning->text()));
    const QString bodies = dialog->findChild<QTextBrowser*>(QStringLiteral("approveBodies"))->toPlainText();
    QVERIFY2(bodies.contains(QLatin1String("12 April")) && bodies.contains(QLatin1String("5 avril")),
             qPrintable(bodies));
    QVERIFY2(bodies.contains(QLatin1String("unchanged since version 1")), qPrintable(bodies));
    shoot(*dialog, "approve-warning.png");

    // With a warning, Enter cancels: approving takes a deliberate choice.
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_VERIFY(!page.findChild<ApproveDialog*>(QStringLiteral("approveConfirmation")));
    QCOMPARE(status(version), QStringLiteral("submitted"));

    dialog = askToApprove(page);
    QVERIFY(dialog);
    QSignalSpy decided(&page, &ApprovalsPage::decided);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmApproveButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(decided.count(), 1, 10000);
    QVERIFY(decided.first().first().toBool());
    QCOMPARE(status(version), QStringLiteral("approved"));

    // Version 3 rewrites every language: nothing to warn about.
    QMap<QString, QString> third{{QStringLiteral("en"), QStringLiteral("March salaries: paid on 12 April.")},
                                 {QStringLiteral("fr"), QStringLiteral("Salaires de mars : payés le 12 avril.")},
                                 {QStringLiteral("pt"), QStringLiteral("Salários de março: pagos a 12 de abril.")}};
    QVERIFY(submit(third) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(page.queueLength(), 1, 5000);
    dialog = askToApprove(page);
    QVERIFY(dialog);
    QVERIFY(!dialog->warns());
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("approveWarning"))->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelApproveButton")), Qt::LeftButton);
}

QTEST_MAIN(TestApprovalsPage)
#include "tst_approvalspage.moc"
