// Migrations on a real PostgreSQL: fresh database, re-run, refusals (newer schema, edited
// migration), atomic failure and concurrent migrators.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Migrator.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtConcurrent>

using namespace mhero;
using namespace mhero::test;

class TestMigrator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledMigrationsAreNumberedFromOne();
    void freshDatabaseMigratesAndRerunDoesNothing();
    void emptyDatabaseIsReportedMissing();
    void newerSchemaIsRefused();
    void editedMigrationIsRefused();
    void failedMigrationLeavesNothingBehind();
    void concurrentMigratorsApplyEachMigrationOnce();
    void ordinaryUsersCanReadTheVersion();

private:
    static Migration makeMigration(int version, const char* name, const QByteArray& sql)
    {
        return Migration{version, QString::fromLatin1(name), sql,
                         QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex())};
    }
};

void TestMigrator::bundledMigrationsAreNumberedFromOne()
{
    const QList<Migration> migrations = Migrator::bundled();
    QVERIFY(!migrations.isEmpty());
    for (int i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, i + 1);
        QVERIFY(!migrations.at(i).sql.isEmpty());
        QCOMPARE(migrations.at(i).checksum.size(), 64);
    }
    QCOMPARE(Migrator().latestVersion(), migrations.constLast().version);
}

void TestMigrator::freshDatabaseMigratesAndRerunDoesNothing()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase(false);
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();

    const Migrator migrator;
    QList<int> seen;
    auto applied = migrator.migrate(db, [&seen](const Migration& m) { seen << m.version; });
    MHERO_VERIFY_OK(applied);
    QCOMPARE(*applied, migrator.latestVersion());
    QCOMPARE(seen.size(), migrator.latestVersion());
    MHERO_VERIFY_OK(migrator.checkCompatible(db));

    // The tables the next issues build on are there.
    for (const char* table : {"app_user", "health_worker", "health_worker_phone", "contact_urn", "conversation",
                              "message", "outbox", "template", "template_version", "template_body", "note", "audit_log",
                              "sync_state", "source", "source_secret", "setting"}) {
        auto exists = sql::scalar(db, QStringLiteral("SELECT to_regclass(?) IS NOT NULL"),
                                  {QString(QStringLiteral("mhero.") + QLatin1String(table))});
        MHERO_VERIFY_OK(exists);
        QVERIFY2(exists->toBool(), table);
    }

    auto again = migrator.migrate(db);
    MHERO_VERIFY_OK(again);
    QCOMPARE(*again, 0);
    auto rows = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.schema_migrations"));
    QCOMPARE(rows->toInt(), migrator.latestVersion());
    auto status = migrator.status(db);
    MHERO_VERIFY_OK(status);
    QVERIFY(status->upToDate());

    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::emptyDatabaseIsReportedMissing()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase(false);
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    const Status status = Migrator().checkCompatible(connection->db());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("schema-missing"));
    QVERIFY(status.error().message.contains(QLatin1String("mhero-admin migrate")));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::newerSchemaIsRefused()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase();
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.schema_migrations (version, name, checksum) "
                                             "VALUES (9999, 'from_the_future', 'x')")));
    const Status compatible = Migrator().checkCompatible(db);
    QVERIFY(!compatible.ok());
    QCOMPARE(compatible.error().code, QStringLiteral("schema-newer"));
    QVERIFY(compatible.error().message.contains(QLatin1String("9999")));
    auto migrated = Migrator().migrate(db);
    QVERIFY(!migrated.ok());
    QCOMPARE(migrated.error().code, QStringLiteral("schema-newer"));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::editedMigrationIsRefused()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase(false);
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();
    MHERO_VERIFY_OK(Migrator({makeMigration(1, "first", "CREATE TABLE mhero.t1 (id int);")}).migrate(db));
    auto edited = Migrator({makeMigration(1, "first", "CREATE TABLE mhero.t1 (id bigint);")}).migrate(db);
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, QStringLiteral("schema-checksum"));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::failedMigrationLeavesNothingBehind()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase(false);
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();
    const Migrator migrator({makeMigration(1, "good", "CREATE TABLE mhero.good (id int);"),
                             makeMigration(2, "bad",
                                           "CREATE TABLE mhero.half (id int);\n"
                                           "INSERT INTO mhero.half VALUES (1);\n"
                                           "SELECT no_such_function();")});
    auto result = migrator.migrate(db);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QStringLiteral("42883")); // undefined_function
    QVERIFY(result.error().message.contains(QLatin1String("bad")));
    QVERIFY2(result.error().detail.contains(QLatin1String("line 3")), qPrintable(result.error().detail));
    // Migration 1 stays, migration 2 left nothing: no table, no record.
    QVERIFY(sql::scalar(db, QStringLiteral("SELECT to_regclass('mhero.good') IS NOT NULL")).value().toBool());
    QVERIFY(!sql::scalar(db, QStringLiteral("SELECT to_regclass('mhero.half') IS NOT NULL")).value().toBool());
    QCOMPARE(sql::scalar(db, QStringLiteral("SELECT max(version) FROM mhero.schema_migrations")).value().toInt(), 1);
    // The connection is usable afterwards (no transaction left open).
    QCOMPARE(sqlState(db, QStringLiteral("SELECT 1")), QStringLiteral("ok"));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::concurrentMigratorsApplyEachMigrationOnce()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase(false);
    const ConnectionSettings settings = cluster.superuser(name);
    const auto runOne = [settings]() -> Result<int> {
        auto connection = ScopedConnection::open(settings, QStringLiteral("concurrent"));
        if (!connection)
            return connection.error();
        return Migrator().migrate(connection->db());
    };
    QFuture<Result<int>> a = QtConcurrent::run(runOne);
    QFuture<Result<int>> b = QtConcurrent::run(runOne);
    const Result<int> ra = a.result();
    const Result<int> rb = b.result();
    MHERO_VERIFY_OK(ra);
    MHERO_VERIFY_OK(rb);
    QCOMPARE(*ra + *rb, Migrator().latestVersion());
    auto connection = cluster.connectSuperuser(name);
    QCOMPARE(
        sql::scalar(connection->db(), QStringLiteral("SELECT count(*) FROM mhero.schema_migrations")).value().toInt(),
        Migrator().latestVersion());
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::ordinaryUsersCanReadTheVersion()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase();
    auto agent = cluster.createUser(name, UserKind::Agent);
    MHERO_VERIFY_OK(agent);
    auto connection = TestCluster::connectAs(*agent);
    MHERO_VERIFY_OK(connection);
    MHERO_VERIFY_OK(Migrator().checkCompatible(connection->db()));
    // …but cannot migrate (nor change the bookkeeping).
    QCOMPARE(sqlState(connection->db(), QStringLiteral("DELETE FROM mhero.schema_migrations")),
             QStringLiteral("42501"));
    connection->close();
    cluster.dropDatabase(name);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
