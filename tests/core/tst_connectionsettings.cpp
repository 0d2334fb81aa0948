// Connection strings are parsed by libpq itself; these tests pin what mHero does with them.
#include "db/Connection.h"
#include "db/ConnectionSettings.h"
#include "db/LocalCluster.h"

#include <QSqlDatabase>
#include <QTest>

using namespace mhero;

class TestConnectionSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesKeywordValueStrings();
    void parsesUris();
    void rejectsMalformedStrings();
    void roundTripsThroughConnInfo();
    void describeNeverShowsThePassword();
    void explainsConnectionFailures_data();
    void explainsConnectionFailures();
    void privateClusterMemoryFollowsTheComputer_data();
    void privateClusterMemoryFollowsTheComputer();
};

void TestConnectionSettings::parsesKeywordValueStrings()
{
    auto settings = ConnectionSettings::fromConnInfo(QStringLiteral(
        "host=db.moh.example port=6432 dbname=mhero user=jdoe sslmode=verify-full "
        "sslrootcert=/etc/ssl/moh-ca.pem application_name='mhero console' target_session_attrs=read-write"));
    QVERIFY(settings.ok());
    QCOMPARE(settings->host, QStringLiteral("db.moh.example"));
    QCOMPARE(settings->port, 6432);
    QCOMPARE(settings->database, QStringLiteral("mhero"));
    QCOMPARE(settings->user, QStringLiteral("jdoe"));
    QCOMPARE(settings->sslMode, QStringLiteral("verify-full"));
    QCOMPARE(settings->sslRootCert, QStringLiteral("/etc/ssl/moh-ca.pem"));
    QCOMPARE(settings->applicationName, QStringLiteral("mhero console"));
    QCOMPARE(settings->extraOptions.value(QStringLiteral("target_session_attrs")), QStringLiteral("read-write"));
}

void TestConnectionSettings::parsesUris()
{
    auto settings = ConnectionSettings::fromConnInfo(
        QStringLiteral("postgresql://it%40moh:s3cret@10.1.2.3:5433/mhero?sslmode=require"));
    QVERIFY(settings.ok());
    QCOMPARE(settings->user, QStringLiteral("it@moh"));
    QCOMPARE(settings->password, QStringLiteral("s3cret"));
    QCOMPARE(settings->host, QStringLiteral("10.1.2.3"));
    QCOMPARE(settings->port, 5433);
    QCOMPARE(settings->sslMode, QStringLiteral("require"));
    // The empty string is valid: everything comes from libpq's PG* environment variables.
    QVERIFY(ConnectionSettings::fromConnInfo(QString()).ok());
}

void TestConnectionSettings::rejectsMalformedStrings()
{
    for (const char* bad : {"host=a nonsense", "dbname='unterminated", "postgresql://host:notaport/db", "port=99999"}) {
        auto settings = ConnectionSettings::fromConnInfo(QString::fromLatin1(bad));
        QVERIFY2(!settings.ok(), bad);
        QCOMPARE(settings.error().code, QStringLiteral("connection-string"));
    }
}

void TestConnectionSettings::roundTripsThroughConnInfo()
{
    ConnectionSettings settings;
    settings.host = QStringLiteral("/var/run/my sockets");
    settings.port = 5444;
    settings.database = QStringLiteral("mhero");
    settings.user = QStringLiteral("o'brien");
    settings.password = QStringLiteral("p w\\d'");
    settings.sslMode = QStringLiteral("prefer");
    auto parsed = ConnectionSettings::fromConnInfo(settings.toConnInfo(true));
    QVERIFY(parsed.ok());
    QCOMPARE(*parsed, settings);
    QVERIFY(!settings.toConnInfo().contains(QLatin1String("password")));
}

void TestConnectionSettings::describeNeverShowsThePassword()
{
    ConnectionSettings settings;
    settings.host = QStringLiteral("db");
    settings.port = 5432;
    settings.database = QStringLiteral("mhero");
    settings.user = QStringLiteral("jdoe");
    settings.password = QStringLiteral("top-secret");
    QCOMPARE(settings.describe(), QStringLiteral("jdoe@db:5432/mhero"));
}

void TestConnectionSettings::explainsConnectionFailures_data()
{
    QTest::addColumn<QString>("libpq");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("password") << "FATAL:  password authentication failed for user \"jdoe\""
                              << "28P01"
                              << "Wrong user name";
    QTest::newRow("disabled") << "FATAL:  role \"jdoe\" is not permitted to log in"
                              << "28000"
                              << "disabled";
    QTest::newRow("no db") << "FATAL:  database \"mhero\" does not exist"
                           << "3D000"
                           << "does not exist";
    QTest::newRow("hba") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.9\""
                         << "28000"
                         << "does not accept";
    QTest::newRow("refused") << "could not connect to server: Connection refused"
                             << "08001"
                             << "Cannot reach";
    QTest::newRow("timeout") << "timeout expired"
                             << "08001"
                             << "did not answer";
    QTest::newRow("tls") << "SSL error: certificate verify failed"
                         << "08001"
                         << "TLS";
}

void TestConnectionSettings::explainsConnectionFailures()
{
    QFETCH(QString, libpq);
    QFETCH(QString, code);
    QFETCH(QString, says);
    ConnectionSettings settings;
    settings.host = QStringLiteral("db.moh.example");
    settings.database = QStringLiteral("mhero");
    const Error error = describeConnectError(libpq, settings);
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
    QCOMPARE(error.detail, libpq.simplified());
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
void TestConnectionSettings::privateClusterMemoryFollowsTheComputer_data()
{
    QTest::addColumn<qint64>("memoryMB");
    QTest::addColumn<bool>("throwAway");
    QTest::addColumn<QString>("expected");
    const QString fmt = QStringLiteral("shared_buffers = %1MB\nmaintenance_work_mem = %2MB\neffective_cache_size = %3MB\n");
    QTest::newRow("unknown") << qint64(0) << false << fmt.arg(128).arg(64).arg(4096);
    QTest::newRow("small 1 GiB") << qint64(1024) << false << fmt.arg(128).arg(64).arg(512);
    QTest::newRow("4 GiB") << qint64(4096) << false << fmt.arg(512).arg(128).arg(2048);
    QTest::newRow("8 GiB") << qint64(8192) << false << fmt.arg(1024).arg(256).arg(4096);
    QTest::newRow("24 GiB, capped") << qint64(24576) << false << fmt.arg(1024).arg(512).arg(12288);
    QTest::newRow("test cluster") << qint64(24576) << true << fmt.arg(128).arg(64).arg(4096);
}

void TestConnectionSettings::privateClusterMemoryFollowsTheComputer()
{
    QFETCH(qint64, memoryMB);
    QFETCH(bool, throwAway);
    QFETCH(QString, expected);
    QCOMPARE(LocalCluster::memoryConfig(memoryMB * 1024 * 1024, throwAway), expected);
#ifdef Q_OS_LINUX
    QVERIFY(LocalCluster::physicalMemory() > qint64(256) * 1024 * 1024);
#endif
}

#include "tst_connectionsettings.moc"
