// The lazy audit-log model: keyset pages, filtering, stale answers dropped, model invariants.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "audit/AuditLogModel.h"
#include "db/Database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestAuditLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pagesInNewestFirst();
    void fetchesEverythingOnceUnderTheModelTester();
    void filtersOnTheServer();
    void dropsAnswersForAnOldFilter();
    void describesChanges();

private:
    void openAsSupervisor(Database& database);

    QString m_db;
    TestUser m_supervisor;
};

void TestAuditLogModel::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto supervisor = TestCluster::instance().createUser(m_db, UserKind::Supervisor);
    MHERO_VERIFY_OK(supervisor);
    m_supervisor = *supervisor;
    // 250 settings created and 1 changed: 251 entries besides the users'.
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    // Settings must be declared first (migration 5 refuses unknown keys).
    MHERO_VERIFY_OK(sql::exec(owner->db(),
                              QStringLiteral("INSERT INTO mhero.setting_definition (key, kind, minimum, maximum, "
                                             "description) SELECT 'bulk.k' || i, 'integer', 0, 1000, 'test' "
                                             "FROM generate_series(1, 250) i")));
    MHERO_VERIFY_OK(sql::exec(owner->db(),
                              QStringLiteral("INSERT INTO mhero.setting (key, value) "
                                             "SELECT 'bulk.k' || i, to_jsonb(i) FROM generate_series(1, 250) i")));
    MHERO_VERIFY_OK(sql::exec(owner->db(),
                              QStringLiteral("UPDATE mhero.setting SET value = '\"GN\"' "
                                             "WHERE key = 'phone.default_region'")));
}

void TestAuditLogModel::cleanupTestCase()
{
    TestCluster::instance().dropDatabase(m_db);
}

void TestAuditLogModel::openAsSupervisor(Database& database)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_supervisor.settings);
    QTRY_COMPARE(opened.count(), 1);
}

void TestAuditLogModel::pagesInNewestFirst()
{
    Database database;
    openAsSupervisor(database);
    AuditLogModel model(database);
    model.setPageSize(100);
    QSignalSpy pages(&model, &AuditLogModel::pageLoaded);
    model.reload();
    QTRY_COMPARE(pages.count(), 1);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    // Newest first: the update of the region is the last entry written.
    QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Modified"));
    model.fetchMore({});
    QVERIFY2(!model.canFetchMore({}), "one page at a time");
    QTRY_COMPARE(pages.count(), 2);
    QCOMPARE(model.rowCount(), 200);
}

void TestAuditLogModel::fetchesEverythingOnceUnderTheModelTester()
{
    Database database;
    openAsSupervisor(database);
    AuditLogModel model(database);
    model.setPageSize(60);
    // The tester checks every change and itself calls canFetchMore()/fetchMore(), as views do.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.canFetchMore({}) && !model.isLoading() && model.rowCount() > 0;
        }(),
        20000);
    QVERIFY(model.rowCount() >= 252);
    // Ids strictly decrease: no row twice, none skipped between pages.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data(AuditLogModel::EntryIdRole).toLongLong()
                < model.index(row - 1, 0).data(AuditLogModel::EntryIdRole).toLongLong());
}

void TestAuditLogModel::filtersOnTheServer()
{
    Database database;
    openAsSupervisor(database);
    AuditLogModel model(database);
    QSignalSpy pages(&model, &AuditLogModel::pageLoaded);
    model.setFilter(QStringLiteral("bulk.k25"));
    QTRY_COMPARE(pages.count(), 1);
    // bulk.k25 and bulk.k250
    QCOMPARE(model.rowCount(), 2);
    // Wildcards typed by a person are taken literally.
    model.setFilter(QStringLiteral("bulk%k25"));
    QTRY_COMPARE(pages.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestAuditLogModel::dropsAnswersForAnOldFilter()
{
    Database database;
    openAsSupervisor(database);
    AuditLogModel model(database);
    QSignalSpy pages(&model, &AuditLogModel::pageLoaded);
    model.setFilter(QStringLiteral("bulk")); // many rows…
    model.setFilter(QStringLiteral("phone.default_region")); // …but only this one counts
    QTRY_COMPARE(pages.count(), 1);
    QTest::qWait(200);
    QCOMPARE(pages.count(), 1);
    QVERIFY(model.rowCount() >= 1);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, AuditLogModel::RecordColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("phone.default_region")));
}

void TestAuditLogModel::describesChanges()
{
    AuditEntry entry;
    entry.action = QStringLiteral("update");
    entry.tableName = QStringLiteral("app_user");
    entry.rowKey = QStringLiteral("jdoe");
    entry.before = QJsonObject{{QStringLiteral("active"), true},
                               {QStringLiteral("display_name"), QStringLiteral("Jane")},
                               {QStringLiteral("updated_at"), QStringLiteral("t1")}};
    entry.after = QJsonObject{{QStringLiteral("active"), false},
                              {QStringLiteral("display_name"), QStringLiteral("Jane")},
                              {QStringLiteral("updated_at"), QStringLiteral("t2")}};
    QCOMPARE(entry.changedFields(), (QStringList{QStringLiteral("active"), QStringLiteral("updated_at")}));
    QCOMPARE(AuditLogModel::changesLabel(entry), QStringLiteral("active: yes → no"));
    QCOMPARE(AuditLogModel::recordLabel(entry), QStringLiteral("User jdoe"));
    QCOMPARE(AuditLogModel::actionLabel(QStringLiteral("set_secret")), QStringLiteral("Credentials changed"));
}

QTEST_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
