// mhero-admin's commands, run in-process against a real database.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "admin/AdminCli.h"
#include "admin/DemoData.h"
#include "db/Migrator.h"

#include <QTest>
#include <QTextStream>

using namespace mhero;
using namespace mhero::test;

class TestAdminCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helpAndVersion();
    void usageErrorsExitWithTwo();
    void migrateIsIdempotent();
    void addsAndListsUsers();
    void nonAdminIsRefused();
    void loadsDemoData();
    void addsRapidProSource();

private:
    struct Run
    {
        int code;
        QString out;
        QString err;
    };
    Run run(QStringList arguments, const QString& input = {}) const;

    QString m_db;
    QString m_connInfo;
};

TestAdminCli::Run TestAdminCli::run(QStringList arguments, const QString& input) const
{
    QString out, err, in = input;
    QTextStream outStream(&out), errStream(&err), inStream(&in);
    arguments.prepend(QStringLiteral("mhero-admin"));
    AdminCli cli(outStream, errStream, inStream);
    const int code = cli.run(arguments);
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}

void TestAdminCli::initTestCase()
{
    m_db = TestCluster::instance().createDatabase(false);
    m_connInfo = TestCluster::instance().superuser(m_db).toConnInfo(true);
}

void TestAdminCli::cleanupTestCase()
{
    TestCluster::instance().dropDatabase(m_db);
}

void TestAdminCli::helpAndVersion()
{
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QLatin1String("user add NAME --role ROLE")));
    QVERIFY(help.out.contains(QLatin1String("--db")));
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.startsWith(QLatin1String("mhero-admin ")));
}

void TestAdminCli::usageErrorsExitWithTwo()
{
    QCOMPARE(run({}).code, 2);
    QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
    QCOMPARE(run({QStringLiteral("--no-such-option")}).code, 2);
    const Run missingRole = run(
        {QStringLiteral("--db"), m_connInfo, QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("someone")});
    QCOMPARE(missingRole.code, 2);
    QVERIFY(missingRole.err.contains(QLatin1String("--role")));
}

void TestAdminCli::migrateIsIdempotent()
{
    const Run first = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("migrate")});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    QVERIFY(first.out.contains(QLatin1String("Applying migration 1")));
    const Run second = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("migrate")});
    QCOMPARE(second.code, 0);
    QVERIFY(second.out.contains(QLatin1String("up to date")));
    const Run status = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    QVERIFY2(status.out.contains(QStringLiteral("Schema version: %1").arg(Migrator().latestVersion())),
             qPrintable(status.out));
}

void TestAdminCli::addsAndListsUsers()
{
    const Run added
        = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("user"), QStringLiteral("add"),
               QStringLiteral("mkamara"), QStringLiteral("--role"), QStringLiteral("supervisor"),
               QStringLiteral("--display-name"), QStringLiteral("Musa Kamara"), QStringLiteral("--password-stdin")},
              QStringLiteral("a-good-password\n"));
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY(!added.out.contains(QLatin1String("a-good-password")));

    const Run generated = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("user"), QStringLiteral("add"),
                               QStringLiteral("fbah"), QStringLiteral("--role"), QStringLiteral("agent")});
    QCOMPARE(generated.code, 0);
    const QString password = generated.out.section(QLatin1String("privately): "), 1).trimmed();
    QCOMPARE(password.size(), 16);

    // Both passwords work.
    auto& cluster = TestCluster::instance().cluster();
    MHERO_VERIFY_OK(ScopedConnection::open(
        cluster.userSettings(QStringLiteral("mkamara"), QStringLiteral("a-good-password"), m_db)));
    MHERO_VERIFY_OK(ScopedConnection::open(cluster.userSettings(QStringLiteral("fbah"), password, m_db)));

    const Run listed = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.contains(QLatin1String("Musa Kamara")));
    QVERIFY(listed.out.contains(QLatin1String("fbah")));

    const Run disabled = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("user"), QStringLiteral("disable"),
                              QStringLiteral("fbah")});
    QCOMPARE(disabled.code, 0);
    QVERIFY(!ScopedConnection::open(cluster.userSettings(QStringLiteral("fbah"), password, m_db)).ok());
}

void TestAdminCli::nonAdminIsRefused()
{
    const QString agentConnInfo = TestCluster::instance()
                                      .cluster()
                                      .userSettings(QStringLiteral("mkamara"), QStringLiteral("a-good-password"), m_db)
                                      .toConnInfo(true);
    const Run refused = run({QStringLiteral("--db"), agentConnInfo, QStringLiteral("user"), QStringLiteral("add"),
                             QStringLiteral("sneaky"), QStringLiteral("--role"), QStringLiteral("admin")});
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.err.contains(QLatin1String("[42501]")));
}

void TestAdminCli::addsRapidProSource()
{
    // The token comes from stdin and is stored as a source secret, never echoed.
    const Run added = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("add"),
                           QStringLiteral("rapidpro"), QStringLiteral("moh-rapidpro"), QStringLiteral("--url"),
                           QStringLiteral("https://rapidpro.health.example"), QStringLiteral("--region"),
                           QStringLiteral("lr")},
                          QStringLiteral("0123456789abcdef-token\n"));
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY(!added.out.contains(QLatin1String("abcdef-token")));
    auto connection = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(connection);
    QCOMPARE(sql::scalar(connection->db(),
                         QStringLiteral("SELECT s.kind || ' ' || (s.config->>'region') || ' ' || k.secret "
                                        "FROM mhero.source s JOIN mhero.source_secret k ON k.source_id = s.id "
                                        "WHERE s.name = 'moh-rapidpro'"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("rapidpro LR 0123456789abcdef-token"));
    const Run listed = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("list")});
    QVERIFY(listed.out.contains(QLatin1String("moh-rapidpro")));
    QVERIFY(listed.out.contains(QLatin1String("rapidpro")));
    // Without a token, or with a bad URL, nothing is added.
    const Run noToken = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("add"),
                             QStringLiteral("rapidpro"), QStringLiteral("second"), QStringLiteral("--url"),
                             QStringLiteral("https://rapidpro.health.example")},
                            QStringLiteral("\n"));
    QCOMPARE(noToken.code, 1);
    QVERIFY(noToken.err.contains(QLatin1String("missing-secret")));
    const Run badUrl = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("add"),
                            QStringLiteral("rapidpro"), QStringLiteral("third"), QStringLiteral("--url"),
                            QStringLiteral("ftp://rapidpro")},
                           QStringLiteral("token\n"));
    QCOMPARE(badUrl.code, 1);
    QCOMPARE(sql::scalar(connection->db(), QStringLiteral("SELECT count(*) FROM mhero.source WHERE name IN ('second', 'third')"))
                 .valueOr(QVariant())
                 .toInt(),
             0);
}

void TestAdminCli::loadsDemoData()
{
    const Run loaded = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("demo"), QStringLiteral("load")});
    QVERIFY2(loaded.code == 0, qPrintable(loaded.err));
    auto connection = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(connection);
    QSqlDatabase& db = connection->db();
    QVERIFY(sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")).value().toInt() >= 300);
    QVERIFY(sql::scalar(db, QStringLiteral("SELECT count(DISTINCT district) FROM mhero.health_worker")).value().toInt()
            >= 10);
    QVERIFY(sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.conversation")).value().toInt() >= 5);
    QVERIFY(sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.template_version WHERE status = 'approved'"))
                .value()
                .toInt()
            >= 3);
    for (const auto& account : demo::kAccounts)
        MHERO_VERIFY_OK(ScopedConnection::open(
            TestCluster::instance().cluster().userSettings(QString(account.name), QString(demo::kPassword), m_db)));
    // A second load changes nothing.
    const int before = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")).value().toInt();
    const Run again = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("demo"), QStringLiteral("load")});
    QCOMPARE(again.code, 0);
    QVERIFY(again.out.contains(QLatin1String("left as it is")));
    QCOMPARE(sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")).value().toInt(), before);
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
