// Migrations on a real PostgreSQL: fresh database, re-run, refusals (newer schema, edited
// migration), atomic failure and concurrent migrators.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Migrator.h"

#include <QCryptographicHash>
#include <QRegularExpression>
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
    void definitionsAreAppliedAgainOnlyWhenChanged();
    void everyFunctionHasItsDefinitionFile();
    void laterMigrationsLeaveFunctionsToTheirFiles();

private:
    static Definition makeDefinition(const char* name, const QByteArray& sql)
    {
        return Definition{QString::fromLatin1(name), sql,
                          QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex())};
    }
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
    MHERO_VERIFY_OK(Migrator({makeMigration(1, "first", "CREATE TABLE mhero.t1 (id int);")}, {}).migrate(db));
    auto edited = Migrator({makeMigration(1, "first", "CREATE TABLE mhero.t1 (id bigint);")}, {}).migrate(db);
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
                                           "SELECT no_such_function();")},
                            {});
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
    // The record of which function definitions are in force is the owner's alone.
    QCOMPARE(sqlState(connection->db(), QStringLiteral("UPDATE mhero.schema_definitions SET checksum = 'x'")),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(connection->db(), QStringLiteral("SELECT count(*) FROM mhero.schema_definitions")),
             QStringLiteral("42501"));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::definitionsAreAppliedAgainOnlyWhenChanged()
{
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase();
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();
    const auto probe = [](const char* value) {
        return makeDefinition("probe", QByteArray("CREATE OR REPLACE FUNCTION mhero.probe() RETURNS int LANGUAGE sql "
                                                  "SET search_path = mhero, pg_catalog, pg_temp AS 'SELECT ")
                                           + value + "';\nREVOKE ALL ON FUNCTION mhero.probe() FROM PUBLIC;\n");
    };
    const auto migrateWith = [&db](const Definition& definition, QStringList* applied) {
        QList<Definition> definitions = Migrator::bundledDefinitions();
        definitions.append(definition);
        return Migrator(Migrator::bundled(), definitions).migrate(db, {}, [applied](const Definition& d) {
            applied->append(d.name);
        });
    };
    const auto probeValue = [&db] { return sql::scalar(db, QStringLiteral("SELECT mhero.probe()")).value().toInt(); };

    // The template was migrated with the bundled definitions: only the new one is applied.
    QStringList applied;
    MHERO_VERIFY_OK(migrateWith(probe("1"), &applied));
    QCOMPARE(applied, QStringList{QStringLiteral("probe")});
    QCOMPARE(probeValue(), 1);
    applied.clear();
    MHERO_VERIFY_OK(migrateWith(probe("1"), &applied));
    QVERIFY(applied.isEmpty());

    // Changed: applied again, and the bookkeeping follows.
    MHERO_VERIFY_OK(migrateWith(probe("2"), &applied));
    QCOMPARE(applied, QStringList{QStringLiteral("probe")});
    QCOMPARE(probeValue(), 2);
    QCOMPARE(sql::scalar(db, QStringLiteral("SELECT checksum FROM mhero.schema_definitions WHERE name = 'probe'"))
                 .value()
                 .toString(),
             probe("2").checksum);

    // A definition that fails leaves the previous one in force and its old checksum, so the next
    // migrate tries again.
    Definition broken = probe("2");
    broken.sql += "GRANT EXECUTE ON FUNCTION mhero.probe() TO no_such_role;\n";
    broken.sql.replace("SELECT 2", "SELECT 3");
    broken.checksum = QString::fromLatin1(QCryptographicHash::hash(broken.sql, QCryptographicHash::Sha256).toHex());
    auto failed = migrateWith(broken, &applied);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(QLatin1String("probe")), qPrintable(failed.error().message));
    QCOMPARE(probeValue(), 2);
    auto status = Migrator(Migrator::bundled(), Migrator::bundledDefinitions() << broken).status(db);
    MHERO_VERIFY_OK(status);
    QCOMPARE(status->pendingDefinitions, QStringList{QStringLiteral("probe")});
    QCOMPARE(sqlState(db, QStringLiteral("SELECT 1")), QStringLiteral("ok"));
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::everyFunctionHasItsDefinitionFile()
{
    // A function made by a versioned migration without a file would change in no file; a file
    // without a function is a leftover (or misnamed).
    auto& cluster = TestCluster::instance();
    const QString name = cluster.createDatabase();
    auto connection = cluster.connectSuperuser(name);
    MHERO_VERIFY_OK(connection);
    auto query = sql::exec(connection->db(), QStringLiteral("SELECT p.proname FROM pg_proc p "
                                                            "WHERE p.pronamespace = 'mhero'::regnamespace "
                                                            "AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid "
                                                            "AND d.deptype = 'e') ORDER BY 1"));
    MHERO_VERIFY_OK(query);
    QStringList functions;
    while (query->next())
        functions.append(query->value(0).toString());
    QStringList files;
    for (const Definition& definition : Migrator::bundledDefinitions())
        files.append(definition.name);
    QCOMPARE(functions, files);
    auto status = Migrator().status(connection->db());
    MHERO_VERIFY_OK(status);
    QVERIFY(status->pendingDefinitions.isEmpty());
    connection->close();
    cluster.dropDatabase(name);
}

void TestMigrator::laterMigrationsLeaveFunctionsToTheirFiles()
{
    // Definitions are applied after every migration, so a function a later migration redefined
    // would silently lose that change: from migration 15 on, functions are defined in their
    // files only (resources/sql/functions). Migrations 1–14 predate the files.
    constexpr int kFirstMigrationAfterDefinitions = 15;
    static const QRegularExpression defines(QStringLiteral("CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (const Migration& migration : Migrator::bundled())
        if (migration.version >= kFirstMigrationAfterDefinitions)
            QVERIFY2(!defines.match(QString::fromUtf8(migration.sql)).hasMatch(),
                     qPrintable(QStringLiteral("migration %1 (%2) defines a function: put it in "
                                               "resources/sql/functions/NAME.sql")
                                    .arg(migration.version)
                                    .arg(migration.name)));
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
