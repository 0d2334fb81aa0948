// Pages follow the database live (issue 17, day-one defect 1): a supervisor's console shows the
// Approvals queue, the Overview, the Templates list and the Audit log; another console submits a
// version, then a third approves it. Each page changes without a restart, and the Overview's
// count of versions awaiting approval never disagrees with the Approvals queue. A page that is
// hidden when the change happens catches up when it is shown.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "audit/AuditLogModel.h"
#include "audit/AuditLogPage.h"
#include "config/ServerProfiles.h"
#include "db/Database.h"
#include "home/HomePage.h"
#include "session/UserProfile.h"
#include "templates/ApprovalsPage.h"
#include "templates/TemplateStore.h"
#include "templates/TemplatesModel.h"
#include "templates/TemplatesPage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestLivePages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pagesFollowOtherConsoles();
    void hiddenPageCatchesUpWhenShown();

private:
    static void open(Database& database, const TestUser& user)
    {
        QSignalSpy opened(&database, &Database::opened);
        database.open(user.settings);
        QTRY_COMPARE(opened.count(), 1);
    }
    /// Submits a new template with an English body as @p writer, from a connection of its own
    /// (another console); returns the version id.
    static qint64 submitFrom(const TestUser& writer, const QString& name)
    {
        auto other = TestCluster::connectAs(writer);
        if (!other)
            return 0;
        templates::Draft draft;
        draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Report every case of %1 to the district.").arg(name));
        auto saved = templates::saveTemplate(other->db(), 0, name, QStringLiteral("outbreak"), {}, draft, true);
        if (!saved)
            return 0;
        return sql::scalar(other->db(),
                           QStringLiteral("SELECT max(id) FROM mhero.template_version WHERE template_id = ?"),
                           {saved->templateId})
            .valueOr(QVariant())
            .toLongLong();
    }
    /// The number the Overview shows in "N version(s) awaiting approval".
    static int awaitingOnOverview(const HomePage& home)
    {
        const QString caption = home.findChild<QLabel*>(QStringLiteral("templatesCaption"))->text();
        return caption.section(QLatin1Char(' '), 0, 0).toInt();
    }

    QString m_db;
    TestUser m_here, m_writer, m_approver;
    std::optional<ScopedConnection> m_owner;
};

void TestLivePages::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    for (auto [user, prefix] :
         {std::pair{&m_here, "here"}, std::pair{&m_writer, "writer"}, std::pair{&m_approver, "approver"}}) {
        auto created = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QString::fromLatin1(prefix));
        MHERO_VERIFY_OK(created);
        *user = *created;
    }
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
}

void TestLivePages::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestLivePages::pagesFollowOtherConsoles()
{
    Database database;
    open(database, m_here);
    SessionInfo session;
    session.user.roleName = m_here.name;
    session.user.displayName = QStringLiteral("Here Supervisor");
    session.user.isAgent = true;
    session.user.isSupervisor = true;
    ServerProfile profile;
    profile.name = QStringLiteral("test");

    ApprovalsPage approvals(database, m_here.name);
    HomePage home(database, session, profile);
    TemplatesPage templatesPage(database, TemplatesPage::Access::Approve, session.user.displayName);
    AuditLogPage audit(database);
    QSignalSpy queueLoaded(&approvals, &ApprovalsPage::queueLoaded);
    QSignalSpy homeLoaded(&home, &HomePage::loaded);
    for (QWidget* page : std::initializer_list<QWidget*>{&approvals, &home, &templatesPage, &audit}) {
        page->resize(1100, 700);
        page->show();
    }
    QTRY_VERIFY(queueLoaded.count() >= 1);
    QTRY_VERIFY(homeLoaded.count() >= 1);
    QCOMPARE(approvals.queueLength(), 0);
    QCOMPARE(awaitingOnOverview(home), 0);
    QTRY_VERIFY(!audit.model()->isLoading());
    const int auditRows = audit.model()->rowCount();

    // Another console submits a version: the queue, the Overview, the list and the log show it.
    const qint64 version = submitFrom(m_writer, QStringLiteral("Cholera alert"));
    QVERIFY(version > 0);
    QTRY_COMPARE_WITH_TIMEOUT(approvals.queueLength(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(awaitingOnOverview(home), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(templatesPage.model()->rowCount(), 1, 5000);
    QTRY_COMPARE(templatesPage.model()->at(0).status, QStringLiteral("submitted"));
    QTRY_VERIFY_WITH_TIMEOUT(audit.model()->rowCount() > auditRows, 5000);
    // Newest first, and the rows already shown are still there below the new ones.
    QCOMPARE(audit.model()->entry(0).actor, m_writer.name);
    const int afterSubmit = audit.model()->rowCount();

    // A third supervisor approves it: gone from the queue and from the Overview's count, and the
    // list no longer says it is awaiting approval.
    {
        auto other = TestCluster::connectAs(m_approver);
        MHERO_VERIFY_OK(other);
        MHERO_VERIFY_OK(templates::approveVersion(other->db(), version));
    }
    QTRY_COMPARE_WITH_TIMEOUT(approvals.queueLength(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(awaitingOnOverview(home), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(templatesPage.model()->at(0).status, QStringLiteral("approved"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(audit.model()->rowCount() > afterSubmit, 5000);
    QCOMPARE(audit.model()->entry(0).actor, m_approver.name);
    // Every entry once: the live rows and the loaded ones neither overlap nor leave a gap.
    QSet<qint64> ids;
    for (int row = 0; row < audit.model()->rowCount(); ++row)
        ids.insert(audit.model()->entry(row).id);
    QCOMPARE(ids.size(), audit.model()->rowCount());
    const qint64 logged = sql::scalar(m_owner->db(), QStringLiteral("SELECT count(*) FROM mhero.audit_log"))
                              .valueOr(QVariant())
                              .toLongLong();
    QCOMPARE(qint64(audit.model()->rowCount()), logged);
}

void TestLivePages::hiddenPageCatchesUpWhenShown()
{
    Database database;
    open(database, m_here);
    ApprovalsPage approvals(database, m_here.name);
    QSignalSpy queueLoaded(&approvals, &ApprovalsPage::queueLoaded);
    approvals.show();
    QTRY_VERIFY(queueLoaded.count() >= 1);
    const int before = approvals.queueLength();
    approvals.hide();
    queueLoaded.clear();

    QSignalSpy notified(&database, &Database::notification);
    QVERIFY(submitFrom(m_writer, QStringLiteral("Measles campaign")) > 0);
    QTRY_VERIFY(!notified.isEmpty());
    // Hidden, it does no work for nobody (the wait is longer than the pause before a reload)…
    QTest::qWait(400);
    QCOMPARE(queueLoaded.count(), 0);
    QCOMPARE(approvals.queueLength(), before);
    // …and is up to date as soon as it is shown.
    approvals.show();
    QTRY_COMPARE_WITH_TIMEOUT(approvals.queueLength(), before + 1, 5000);
}

QTEST_MAIN(TestLivePages)
#include "tst_livepages.moc"
