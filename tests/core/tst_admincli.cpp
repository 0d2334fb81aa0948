// mhero-admin's commands, run in-process against a real database.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "admin/AdminCli.h"
#include "admin/DemoData.h"
#include "db/Migrator.h"
#include "channels/meta/MetaSource.h"
#include "channels/rapidpro/RapidProSource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
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
    void helpListsEveryCommandTheTableRuns();
    void migrateIsIdempotent();
    void eachCommandsUsageErrorExitsWithTwo_data();
    void eachCommandsUsageErrorExitsWithTwo();
    void addsAndListsUsers();
    void nonAdminIsRefused();
    void loadsDemoData();
    void addsRapidProSource();
    void addsWhatsAppAndMessengerSources();
    void sourceUrlChangeShowsTheSecretState();
    void syncOnceLeavesDisabledAndLockedSources();
    void settingsAreCheckedAndAudited();
    void templatesTravelBetweenServers();
    void importNamesSkippedEntries();
    void quarantineIsListedAndCleared();

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

// The commands --help lists are the ones the table runs: none is listed but unknown, none
// runs unlisted.
void TestAdminCli::helpListsEveryCommandTheTableRuns()
{
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    const QString commands
        = help.out.section(QLatin1String("Commands:\n"), 1).section(QLatin1String("\n\nThe database"), 0, 0);
    QStringList words;
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z][a-z-]*)"),
                                                QRegularExpression::MultilineOption);
    for (auto it = commandLine.globalMatch(commands); it.hasNext();) {
        const QString word = it.next().captured(1);
        if (!words.contains(word))
            words.append(word);
    }
    QCOMPARE(words,
             (QStringList{QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("user"),
                          QStringLiteral("local"), QStringLiteral("demo"), QStringLiteral("source"),
                          QStringLiteral("sync"), QStringLiteral("import"), QStringLiteral("setting"),
                          QStringLiteral("templates"), QStringLiteral("suggest-eval")}));
    // Each is dispatched: it gets as far as the database (which is not there), or to its own usage.
    const QString nowhere = QStringLiteral("host=/nonexistent-mhero dbname=mhero connect_timeout=2");
    for (const QString& word : std::as_const(words)) {
        const Run ran = run({QStringLiteral("--db"), nowhere, word});
        QVERIFY2(!ran.err.contains(QLatin1String("Unknown command")), qPrintable(word + QLatin1String(": ") + ran.err));
        // local and suggest-eval open no database: without their words they print their usage
        QVERIFY2(ran.code == (word == QLatin1String("local") || word == QLatin1String("suggest-eval") ? 2 : 1),
                 qPrintable(word + QLatin1String(": ") + ran.err));
    }
    // Every option a command reads is declared (an undeclared one would be refused as unknown).
    for (const char* option :
         {"--role",      "--display-name", "--languages",  "--password-stdin", "--port",      "--url",
          "--kind",      "--auth",         "--region",     "--secret-env",     "--patients",  "--page-size",
          "--clear",     "--once",         "--engine-key", "--source",         "--db",        "--local",
          "--local-dir", "--library",      "--questions",  "--json",           "--threshold", "--details"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
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

void TestAdminCli::eachCommandsUsageErrorExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    const auto row = [](const char* name, QStringList arguments, const char* said) {
        QTest::newRow(name) << arguments << QString::fromUtf8(said);
    };
    row("user disable", {QStringLiteral("user"), QStringLiteral("disable")}, "Usage: mhero-admin user disable NAME\n");
    row("user unknown", {QStringLiteral("user"), QStringLiteral("frob")}, "Unknown user command \"frob\"");
    row("local unknown", {QStringLiteral("local"), QStringLiteral("frob")}, "Unknown local command \"frob\"");
    row("demo", {QStringLiteral("demo")}, "Usage: mhero-admin demo load\n");
    row("source", {QStringLiteral("source")}, "Usage: mhero-admin source add fhir|rapidpro NAME --url URL …");
    row("source quarantine", {QStringLiteral("source"), QStringLiteral("quarantine")},
        "Usage: mhero-admin source add fhir|rapidpro NAME --url URL …");
    row("source add rapidpro",
        {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("rapidpro"), QStringLiteral("rp")},
        "Usage: mhero-admin source add rapidpro NAME --url URL [--region LR] [--secret-env VAR]\n");
    row("source add fhir",
        {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("fhir"), QStringLiteral("f"),
         QStringLiteral("--url"), QStringLiteral("https://f.example"), QStringLiteral("--kind"),
         QStringLiteral("dhis2")},
        "Usage: mhero-admin source add fhir NAME --url URL [--kind ihris|openmrs|generic]");
    row("source add other",
        {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("csv"), QStringLiteral("f"),
         QStringLiteral("--url"), QStringLiteral("https://f.example")},
        "Usage: mhero-admin source add fhir NAME --url URL [--kind ihris|openmrs|generic]");
    row("source add fhir page size",
        {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("fhir"), QStringLiteral("f"),
         QStringLiteral("--url"), QStringLiteral("https://f.example"), QStringLiteral("--page-size"),
         QStringLiteral("5")},
        "--page-size must be between 10 and 5000.\n");
    row("source secret", {QStringLiteral("source"), QStringLiteral("secret")}, "Usage: mhero-admin source secret NAME");
    row("source set-url", {QStringLiteral("source"), QStringLiteral("set-url"), QStringLiteral("rp")},
        "Usage: mhero-admin source set-url NAME --url URL\n");
    row("sync", {QStringLiteral("sync")}, "mhero-admin runs one sync with --once");
    row("setting", {QStringLiteral("setting"), QStringLiteral("get")},
        "Usage: mhero-admin setting list | get KEY | set KEY VALUE\n");
    row("templates", {QStringLiteral("templates"), QStringLiteral("export")},
        "Usage: mhero-admin templates export|import FILE.json\n");
    row("import", {QStringLiteral("import")}, "Usage: mhero-admin import FILE.json [--source NAME] [--region LR]\n");
}

void TestAdminCli::eachCommandsUsageErrorExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    const int sources = sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.source")).value().toInt();
    const Run ran = run(QStringList{QStringLiteral("--db"), m_connInfo} + arguments);
    QCOMPARE(ran.code, 2);
    QVERIFY2(ran.err.contains(said), qPrintable(ran.err));
    QCOMPARE(ran.out, QString());
    // Nothing was done.
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.source")).value().toInt(), sources);
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

void TestAdminCli::addsWhatsAppAndMessengerSources()
{
    // A database of its own: its engine key is this test's.
    const QString database = TestCluster::instance().createDatabase();
    const QString connInfo = TestCluster::instance().superuser(database).toConnInfo(true);
    QTemporaryDir keyDir;
    auto key = TestCluster::instance().installEngineKey(database, keyDir.filePath(QStringLiteral("engine.key")));
    MHERO_VERIFY_OK(key);
    const QStringList whatsapp{QStringLiteral("--db"), connInfo, QStringLiteral("source"), QStringLiteral("add"),
                               QStringLiteral("whatsapp"), QStringLiteral("moh-wa"),
                               QStringLiteral("--phone-number-id"), QStringLiteral("106540352242922"),
                               QStringLiteral("--waba-id"), QStringLiteral("102290129340398"),
                               QStringLiteral("--region"), QStringLiteral("LR")};
    // Two secrets where three are needed: nothing is added, and the three are named.
    const Run missing = run(whatsapp, QStringLiteral("access-token\napp-secret\n"));
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QLatin1String("verify token")), qPrintable(missing.err));
    // Ids are Meta's numbers.
    QStringList badId = whatsapp;
    badId[badId.indexOf(QStringLiteral("106540352242922"))] = QStringLiteral("not-a-number");
    QCOMPARE(run(badId, QStringLiteral("a\nb\nc\n")).code, 1);
    QCOMPARE(run({QStringLiteral("--db"), connInfo, QStringLiteral("source"), QStringLiteral("add"),
                  QStringLiteral("messenger"), QStringLiteral("moh-page")})
                 .code,
             2); // no --page-id: usage

    const Run added = run(whatsapp, QStringLiteral("wa-access-token\nwa-app-secret\nwa-verify-token\n"));
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY(!added.out.contains(QLatin1String("wa-access-token")) && !added.out.contains(QLatin1String("wa-app-secret")));
    QVERIFY2(added.out.contains(QLatin1String("/webhooks/whatsapp/moh-wa")), qPrintable(added.out));
    const Run page = run({QStringLiteral("--db"), connInfo, QStringLiteral("source"), QStringLiteral("add"),
                          QStringLiteral("messenger"), QStringLiteral("moh-page"), QStringLiteral("--page-id"),
                          QStringLiteral("555000111"), QStringLiteral("--graph-url"), QStringLiteral("http://127.0.0.1:9/v21.0")},
                         QStringLiteral("page-token\npage-secret\npage-verify\n"));
    QVERIFY2(page.code == 0, qPrintable(page.err));

    auto connection = TestCluster::instance().connectSuperuser(database);
    MHERO_VERIFY_OK(connection);
    auto sources = meta::loadMetaSources(connection->db(), {}, &*key);
    MHERO_VERIFY_OK(sources);
    QCOMPARE(sources->size(), 2);
    const meta::MetaSource& pageSource = sources->at(0); // by name: moh-page, moh-wa
    const meta::MetaSource& wa = sources->at(1);
    QVERIFY(!wa.secretError && !pageSource.secretError);
    QCOMPARE(wa.graphUrl.toString(), QString(meta::kDefaultGraphUrl));
    QCOMPARE(wa.phoneNumberId, QStringLiteral("106540352242922"));
    QCOMPARE(wa.businessAccountId, QStringLiteral("102290129340398"));
    QCOMPARE(wa.accessToken + wa.appSecret + wa.verifyToken, QStringLiteral("wa-access-tokenwa-app-secretwa-verify-token"));
    QCOMPARE(pageSource.platform, meta::MetaSource::Platform::Messenger);
    QCOMPARE(pageSource.graphUrl.toString(), QStringLiteral("http://127.0.0.1:9/v21.0/"));
    QCOMPARE(pageSource.verifyToken, QStringLiteral("page-verify"));

    // Entered again: all three, sealed together.
    const QStringList again{QStringLiteral("--db"), connInfo, QStringLiteral("source"), QStringLiteral("secret"),
                            QStringLiteral("moh-wa")};
    QCOMPARE(run(again, QStringLiteral("only-one-line\n")).code, 1);
    QCOMPARE(run(again, QStringLiteral("new-token\nnew-secret\nnew-verify\n")).code, 0);
    sources = meta::loadMetaSources(connection->db(), QStringLiteral("moh-wa"), &*key);
    MHERO_VERIFY_OK(sources);
    QCOMPARE(sources->first().appSecret, QStringLiteral("new-secret"));
    connection->close();
    TestCluster::instance().dropDatabase(database);
}

void TestAdminCli::addsRapidProSource()
{
    const QStringList add{QStringLiteral("--db"),     m_connInfo,   QStringLiteral("source"),
                          QStringLiteral("add"),      QStringLiteral("rapidpro"), QStringLiteral("moh-rapidpro"),
                          QStringLiteral("--url"),    QStringLiteral("https://rapidpro.health.example"),
                          QStringLiteral("--region"), QStringLiteral("lr")};
    // No sync engine has published its key yet: nothing can be sealed, so nothing is added, and
    // IT is told what to do.
    const Run noKey = run(add, QStringLiteral("0123456789abcdef-token\n"));
    QCOMPARE(noKey.code, 1);
    QVERIFY2(noKey.err.contains(QLatin1String("no-engine-key")) && noKey.err.contains(QLatin1String("mhero-server")),
             qPrintable(noKey.err));
    auto connection = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(connection);
    QCOMPARE(sql::scalar(connection->db(), QStringLiteral("SELECT count(*) FROM mhero.source WHERE name = 'moh-rapidpro'"))
                 .valueOr(QVariant())
                 .toInt(),
             0);

    // The token comes from stdin, is sealed to the engine's key and never echoed.
    QTemporaryDir keyDir;
    auto key = TestCluster::instance().installEngineKey(m_db, keyDir.filePath(QStringLiteral("engine.key")));
    MHERO_VERIFY_OK(key);
    const Run added = run(add, QStringLiteral("0123456789abcdef-token\n"));
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY(!added.out.contains(QLatin1String("abcdef-token")));
    QVERIFY2(added.out.contains(QLatin1String("https://rapidpro.health.example")), qPrintable(added.out));
    QCOMPARE(sql::scalar(connection->db(),
                         QStringLiteral("SELECT s.kind || ' ' || (s.config->>'region') || ' ' || k.origin || ' ' || k.key_id "
                                        "FROM mhero.source s JOIN mhero.source_secret k ON k.source_id = s.id "
                                        "WHERE s.name = 'moh-rapidpro'"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("rapidpro LR https://rapidpro.health.example:443 ") + key->id());
    // The engine's key opens it: the token, for that origin only.
    auto sources = rapidpro::loadRapidProSources(connection->db(), QStringLiteral("moh-rapidpro"), &*key);
    MHERO_VERIFY_OK(sources);
    QVERIFY2(!sources->first().secretError, qPrintable(sources->first().secretError.value_or(Error{}).toString()));
    QCOMPARE(sources->first().token, QStringLiteral("0123456789abcdef-token"));
    QCOMPARE(sources->first().tokenOrigin, QStringLiteral("https://rapidpro.health.example:443"));
    const Run listed = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("list")});
    QVERIFY(listed.out.contains(QLatin1String("moh-rapidpro")));
    QVERIFY(listed.out.contains(QLatin1String("rapidpro")));
    QVERIFY2(listed.out.contains(QStringLiteral("sealed to engine key %1, sent only to https://rapidpro.health.example:443")
                                     .arg(key->id())),
             qPrintable(listed.out));
    QVERIFY(!listed.out.contains(QLatin1String("abcdef-token")));
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

// source set-url and source secret: the listing says what state the secret is in, and why.
void TestAdminCli::sourceUrlChangeShowsTheSecretState()
{
    const auto source = [this](QStringList arguments, const QString& input = {}) {
        return run(QStringList{QStringLiteral("--db"), m_connInfo, QStringLiteral("source")} + arguments, input);
    };
    const Run badUrl = source({QStringLiteral("set-url"), QStringLiteral("moh-rapidpro"), QStringLiteral("--url"),
                               QStringLiteral("ftp://rapidpro.health.example")});
    QCOMPARE(badUrl.code, 1);
    QVERIFY2(badUrl.err.contains(QLatin1String("[invalid-url]")), qPrintable(badUrl.err));
    const Run unknown = source({QStringLiteral("set-url"), QStringLiteral("nowhere"), QStringLiteral("--url"),
                                QStringLiteral("https://rapidpro.health.example")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QLatin1String("There is no source named \"nowhere\". [no-source]")),
             qPrintable(unknown.err));
    QCOMPARE(source({QStringLiteral("secret"), QStringLiteral("nowhere")}, QStringLiteral("token\n")).code, 1);
    QVERIFY(source({QStringLiteral("list")}).out.contains(QLatin1String("secret: sealed to engine key")));

    // The URL changes: the secret stops working until it is entered again.
    const Run moved = source({QStringLiteral("set-url"), QStringLiteral("moh-rapidpro"), QStringLiteral("--url"),
                              QStringLiteral("https://textit.example")});
    QVERIFY2(moved.code == 0, qPrintable(moved.err));
    QCOMPARE(moved.out,
             QStringLiteral("\"moh-rapidpro\" now points to https://textit.example.\n"
                            "Its secret must be entered again: mhero-admin source secret moh-rapidpro\n"));
    const Run listed = source({QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    QVERIFY2(listed.out.contains(
                 QRegularExpression(QStringLiteral("moh-rapidpro +rapidpro +yes +never +https://textit.example\n"
                                                   "    secret: must be entered again \\(the URL changed\\): "
                                                   "mhero-admin source secret moh-rapidpro\n"))),
             qPrintable(listed.out));

    // Entered again: sealed for the new origin only.
    const Run entered
        = source({QStringLiteral("secret"), QStringLiteral("moh-rapidpro")}, QStringLiteral("another-token\n"));
    QVERIFY2(entered.code == 0, qPrintable(entered.err));
    QVERIFY2(entered.out.contains(QLatin1String("it is sent only to https://textit.example:443.")),
             qPrintable(entered.out));
    QVERIFY2(source({QStringLiteral("list")}).out.contains(QLatin1String("sent only to https://textit.example:443")),
             qPrintable(source({QStringLiteral("list")}).out));
}

// sync --once NAME runs enabled sources only, and never beside a running engine that holds the
// source's lock.
void TestAdminCli::syncOnceLeavesDisabledAndLockedSources()
{
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    const QStringList syncOnce{QStringLiteral("--db"), m_connInfo, QStringLiteral("sync"), QStringLiteral("--once"),
                               QStringLiteral("moh-rapidpro")};
    MHERO_VERIFY_OK(
        sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source SET enabled = false WHERE name = 'moh-rapidpro'")));
    const Run disabled = run(syncOnce);
    QCOMPARE(disabled.code, 1);
    QVERIFY2(disabled.err.contains(QLatin1String("[source-disabled]")), qPrintable(disabled.err));
    MHERO_VERIFY_OK(
        sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source SET enabled = true WHERE name = 'moh-rapidpro'")));

    MHERO_VERIFY_OK(
        sql::exec(owner->db(),
                  QStringLiteral("SELECT pg_advisory_lock(hashtextextended('mhero.sync.channel.' || id, 0)) "
                                 "FROM mhero.source WHERE name = 'moh-rapidpro'")));
    const Run locked = run(syncOnce);
    QVERIFY2(locked.code == 0, qPrintable(locked.err));
    QCOMPARE(locked.out,
             QStringLiteral("\"moh-rapidpro\" is served by a running sync engine (mhero-server); skipped.\n"));
    const Run unknown = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("sync"), QStringLiteral("--once"),
                             QStringLiteral("nowhere")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QLatin1String("[no-source]")), qPrintable(unknown.err));
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
    // WhatsApp and Messenger (issue 14): the picture and the voice note kept with their bytes, the
    // salary template sendable as WhatsApp's approved one, the Lassa alert not (paused by Meta).
    QCOMPARE(sql::scalar(db,
                         QStringLiteral("SELECT string_agg(md.content_type || ' ' || md.state, ', ' "
                                        "ORDER BY m.external_id) FROM mhero.media md JOIN mhero.message m "
                                        "ON m.id = md.message_id WHERE m.external_id LIKE 'demo-meta-%' "
                                        "AND md.size > 1000"))
                 .value()
                 .toString(),
             QStringLiteral("image/jpeg stored, audio/wav stored"));
    QCOMPARE(
        sql::scalar(db,
                    QStringLiteral("SELECT string_agg(t.name || ': ' || coalesce(mhero.whatsapp_template_problem("
                                   "v.id, s.id), 'usable'), '; ' ORDER BY t.name) FROM mhero.template t "
                                   "JOIN mhero.template_version v ON v.template_id = t.id AND v.status = "
                                   "'approved' JOIN mhero.source s ON s.name = 'whatsapp-demo' "
                                   "WHERE v.whatsapp_template_name IS NOT NULL"))
            .value()
            .toString(),
        QStringLiteral("Lassa fever alert: not approved by WhatsApp (PAUSED); Salary payment confirmation: usable"));
    QCOMPARE(sql::scalar(db,
                         QStringLiteral("SELECT string_agg(s.kind || ' ' || (c.last_inbound_at > now() - "
                                        "interval '24 hours')::text, ', ' ORDER BY c.id) FROM mhero.conversation c "
                                        "JOIN mhero.source s ON s.id = c.channel_source_id "
                                        "WHERE s.kind IN ('whatsapp', 'messenger') AND c.last_inbound_at IS NOT NULL"))
                 .value()
                 .toString(),
             QStringLiteral("whatsapp true, whatsapp false, messenger false"));
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

void TestAdminCli::settingsAreCheckedAndAudited()
{
    const auto setting = [this](const char* key, const char* value) {
        return run({QStringLiteral("--db"), m_connInfo, QStringLiteral("setting"), QStringLiteral("set"),
                    QLatin1String(key), QLatin1String(value)});
    };
    auto connection = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(connection);
    const auto stored = [&connection](const char* key) {
        return sql::scalar(connection->db(),
                           QStringLiteral("SELECT jsonb_typeof(value) || ' ' || (value #>> '{}') FROM mhero.setting "
                                          "WHERE key = ?"),
                           {QLatin1String(key)})
            .valueOr(QVariant())
            .toString();
    };

    const Run listed = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("setting"), QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.contains(QRegularExpression(QStringLiteral(
        "messaging\\.free_text_policy +templates_only +templates_only \\| free_text"))));
    QVERIFY(listed.out.contains(QRegularExpression(QStringLiteral("messaging\\.max_attempts +10 +1–100"))));

    // The policy an administrator sets is the one the database applies to replies.
    const Run freeText = setting("messaging.free_text_policy", "free_text");
    QVERIFY2(freeText.code == 0, qPrintable(freeText.err));
    QCOMPARE(freeText.out, QStringLiteral("Set messaging.free_text_policy to free_text.\n"));
    QCOMPARE(stored("messaging.free_text_policy"), QStringLiteral("string free_text"));
    // Numbers are stored as numbers, country codes in capitals.
    QCOMPARE(setting("messaging.max_attempts", "12").code, 0);
    QCOMPARE(stored("messaging.max_attempts"), QStringLiteral("number 12"));
    QCOMPARE(setting("phone.default_region", "sl").code, 0);
    QCOMPARE(stored("phone.default_region"), QStringLiteral("string SL"));

    // Bad values and unknown keys are refused with a sentence that says what would do.
    const Run badChoice = setting("messaging.free_text_policy", "yes");
    QCOMPARE(badChoice.code, 1);
    QVERIFY2(badChoice.err.contains(QLatin1String("takes one of: templates_only, free_text")), qPrintable(badChoice.err));
    const Run outOfRange = setting("messaging.max_attempts", "0");
    QCOMPARE(outOfRange.code, 1);
    QVERIFY(outOfRange.err.contains(QLatin1String("whole number from 1 to 100")));
    QVERIFY(setting("messaging.max_attempts", "ten").err.contains(QLatin1String("whole number")));
    QVERIFY(setting("phone.default_region", "Liberia").err.contains(QLatin1String("two-letter country code")));
    const Run typo = setting("messaging.free_text_polcy", "free_text");
    QCOMPARE(typo.code, 1);
    QVERIFY(typo.err.contains(QLatin1String("Unknown setting \"messaging.free_text_polcy\"")));
    QVERIFY(typo.err.contains(QLatin1String("messaging.free_text_policy")));
    QCOMPARE(stored("messaging.free_text_policy"), QStringLiteral("string free_text"));
    QCOMPARE(stored("messaging.max_attempts"), QStringLiteral("number 12"));
    // The database refuses a client that skips mhero-admin just the same.
    QCOMPARE(sqlState(connection->db(), QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES ('x.y', '1')")),
             QStringLiteral("22023"));

    const Run got = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("setting"), QStringLiteral("get"),
                         QStringLiteral("messaging.max_attempts")});
    QCOMPARE(got.code, 0);
    QVERIFY(got.out.contains(QLatin1String("Attempts to hand a message")));
    QVERIFY(got.out.contains(QLatin1String("Last changed")));
    QCOMPARE(run({QStringLiteral("--db"), m_connInfo, QStringLiteral("setting"), QStringLiteral("set"),
                  QStringLiteral("messaging.max_attempts")})
                 .code,
             2);

    // Only administrators change settings (not even a supervisor); every change is audited.
    const QString supervisorConnInfo = TestCluster::instance()
                                      .cluster()
                                      .userSettings(QStringLiteral("mkamara"), QStringLiteral("a-good-password"), m_db)
                                      .toConnInfo(true);
    const Run refused = run({QStringLiteral("--db"), supervisorConnInfo, QStringLiteral("setting"), QStringLiteral("set"),
                             QStringLiteral("messaging.free_text_policy"), QStringLiteral("templates_only")});
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.err.contains(QLatin1String("[42501]")));
    QCOMPARE(stored("messaging.free_text_policy"), QStringLiteral("string free_text"));
    QCOMPARE(sql::scalar(connection->db(),
                         QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE table_name = 'setting' "
                                        "AND row_key = 'messaging.free_text_policy' AND action = 'update' "
                                        "AND after->>'value' = 'free_text'"))
                 .valueOr(QVariant())
                 .toInt(),
             1);
    QCOMPARE(setting("messaging.free_text_policy", "templates_only").code, 0);
}

void TestAdminCli::templatesTravelBetweenServers()
{
    // The demo data (loaded above) has approved templates: export them…
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("library.json"));
    const Run exported = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("templates"), QStringLiteral("export"),
                              file});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    auto source = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(source);
    const int approved = sql::scalar(source->db(),
                                     QStringLiteral("SELECT count(DISTINCT t.id) FROM mhero.template t JOIN "
                                                    "mhero.template_version v ON v.template_id = t.id "
                                                    "WHERE v.status = 'approved' AND t.retired_at IS NULL"))
                             .valueOr(QVariant())
                             .toInt();
    QVERIFY(approved >= 3);
    QCOMPARE(exported.out, QStringLiteral("Exported %1 approved templates to %2.\n").arg(approved).arg(file));

    // …into another server, as an administrator there: drafts awaiting a supervisor.
    const QString other = TestCluster::instance().createDatabase();
    auto admin = TestCluster::instance().createUser(other, UserKind::Admin, QStringLiteral("importer"));
    MHERO_VERIFY_OK(admin);
    const QString adminConnInfo = admin->settings.toConnInfo(true);
    const Run imported = run({QStringLiteral("--db"), adminConnInfo, QStringLiteral("templates"),
                              QStringLiteral("import"), file});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY(imported.out.contains(QStringLiteral(": %1 new templates, 0 new draft versions").arg(approved)));
    auto target = TestCluster::instance().connectSuperuser(other);
    MHERO_VERIFY_OK(target);
    QCOMPARE(sql::scalar(target->db(),
                         QStringLiteral("SELECT count(*) || ' ' || string_agg(DISTINCT v.status, ',') || ' ' || "
                                        "string_agg(DISTINCT v.author::text, ',') FROM mhero.template_version v"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("%1 draft %2").arg(approved).arg(admin->name));
    // The wording arrives unchanged, language by language.
    const QString wording = QStringLiteral(
        "SELECT string_agg(t.name || '/' || b.language || '/' || b.body, '|' ORDER BY t.name, b.language) "
        "FROM mhero.template t JOIN mhero.template_version v ON v.template_id = t.id %1 "
        "JOIN mhero.template_body b ON b.template_version_id = v.id");
    QCOMPARE(sql::scalar(target->db(), wording.arg(QString())).valueOr(QVariant()).toString(),
             sql::scalar(source->db(), wording.arg(QStringLiteral("AND v.status = 'approved' AND t.retired_at IS NULL")))
                 .valueOr(QVariant())
                 .toString());

    // All or nothing: a file whose second template has an unknown placeholder adds nothing.
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    QJsonArray list = root.value(QStringLiteral("templates")).toArray();
    QVERIFY(list.size() >= 2);
    QJsonObject first = list.at(0).toObject();
    first.insert(QStringLiteral("name"), QStringLiteral("A brand new one"));
    QJsonObject broken = list.at(1).toObject();
    broken.insert(QStringLiteral("name"), QStringLiteral("Broken"));
    QJsonObject bodies = broken.value(QStringLiteral("bodies")).toObject();
    QVERIFY(!bodies.isEmpty());
    bodies.insert(bodies.keys().first(), QStringLiteral("Hello {{givne_name}}"));
    broken.insert(QStringLiteral("bodies"), bodies);
    root.insert(QStringLiteral("templates"), QJsonArray{first, broken});
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const Run refused = run({QStringLiteral("--db"), adminConnInfo, QStringLiteral("templates"),
                             QStringLiteral("import"), bad});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QLatin1String("givne_name")), qPrintable(refused.err));
    QCOMPARE(sql::scalar(target->db(), QStringLiteral("SELECT count(*) FROM mhero.template")).valueOr(QVariant()).toInt(),
             approved);
    const Run notJson = run({QStringLiteral("--db"), adminConnInfo, QStringLiteral("templates"),
                             QStringLiteral("import"), QStringLiteral(MHERO_SOURCE_DIR "/README.md")});
    QCOMPARE(notJson.code, 1);
    QVERIFY(notJson.err.contains(QLatin1String("not valid JSON")));
    TestCluster::instance().dropDatabase(other);
}

void TestAdminCli::importNamesSkippedEntries()
{
    // Entries that cannot be used are printed with their reason; a file with none usable fails
    // (exit 1) and creates no source; a resource listed twice is one person.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString& name, const QJsonArray& resources) {
        QJsonArray entries;
        for (const QJsonValue& r : resources)
            entries.append(QJsonObject{{QStringLiteral("resource"), r}});
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                             {QStringLiteral("type"), QStringLiteral("collection")},
                                             {QStringLiteral("entry"), entries}})
                       .toJson());
        return file.fileName();
    };
    const QJsonObject badId{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                            {QStringLiteral("id"), QStringLiteral("bad id!")}};
    const QJsonObject oversized{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                                {QStringLiteral("id"), QStringLiteral("long")},
                                {QStringLiteral("gender"), QString(2000, QLatin1Char('f'))}};
    const QJsonObject good{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                           {QStringLiteral("id"), QStringLiteral("hw-1")},
                           {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Musu Kollie")}}}}};
    const QString unusable = write(QStringLiteral("unusable.json"), QJsonArray{badId, oversized});
    const Run failed = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("import"), unusable,
                            QStringLiteral("--source"), QStringLiteral("nothing-usable")});
    QCOMPARE(failed.code, 1);
    QVERIFY2(failed.err.contains(QLatin1String("entry 1 skipped: Practitioner has no valid id")), qPrintable(failed.err));
    QVERIFY2(failed.err.contains(QLatin1String("entry 2 skipped:")) && failed.err.contains(QLatin1String("longer than")),
             qPrintable(failed.err));
    QVERIFY2(failed.err.contains(QLatin1String("The file holds 2 entries, and none of them could be used")),
             qPrintable(failed.err));
    QVERIFY(!failed.err.contains(QLatin1String("server")));
    QVERIFY(failed.out.isEmpty());

    const QString mixed = write(QStringLiteral("mixed.json"), QJsonArray{good, badId, good});
    const Run imported = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("import"), mixed,
                              QStringLiteral("--source"), QStringLiteral("mixed")});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QLatin1String(": 1 people,")), qPrintable(imported.out));
    QVERIFY2(imported.out.contains(QLatin1String("1 problems (listed above)")), qPrintable(imported.out));
    QVERIFY2(imported.err.contains(QLatin1String("entry 2 skipped: Practitioner has no valid id")), qPrintable(imported.err));

    const Run sources = run({QStringLiteral("--db"), m_connInfo, QStringLiteral("source"), QStringLiteral("list")});
    QVERIFY(sources.out.contains(QLatin1String("mixed")));
    QVERIFY(!sources.out.contains(QLatin1String("nothing-usable")));
}

// What the engine set aside is listed with its reason for supervisors and administrators, and
// forgotten on request by administrators only.
void TestAdminCli::quarantineIsListedAndCleared()
{
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral(
        "INSERT INTO mhero.inbound_quarantine (source_id, external_id, reason, entry) "
        "SELECT id, '4711', 'the address \"carrier-pigeon:42\" is not one mHero can store', "
        "'{\"external_id\": \"4711\", \"urn\": \"carrier-pigeon:42\"}' FROM mhero.source WHERE name = 'moh-rapidpro'")));
    auto admin = TestCluster::instance().createUser(m_db, UserKind::Admin, QStringLiteral("qadmin"));
    MHERO_VERIFY_OK(admin);
    auto supervisor = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QStringLiteral("qsup"));
    MHERO_VERIFY_OK(supervisor);
    auto agent = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("qagent"));
    MHERO_VERIFY_OK(agent);
    const auto quarantine = [this](const TestUser& user, QStringList extra = {}) {
        return run(QStringList{QStringLiteral("--db"), user.settings.toConnInfo(true), QStringLiteral("source"),
                               QStringLiteral("quarantine"), QStringLiteral("moh-rapidpro")}
                   + extra);
    };

    const Run listed = quarantine(*supervisor);
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    QVERIFY(listed.out.contains(QLatin1String("4711  the address \"carrier-pigeon:42\" is not one mHero can store")));
    QVERIFY(listed.out.contains(QLatin1String("1 entries set aside")));
    // Agents may not read what the engine set aside; supervisors may not forget it.
    const Run agentRefused = quarantine(*agent);
    QVERIFY(agentRefused.code != 0);
    QVERIFY(agentRefused.err.contains(QLatin1String("[42501]")));
    const Run supervisorRefused = quarantine(*supervisor, {QStringLiteral("--clear")});
    QVERIFY(supervisorRefused.code != 0);
    QVERIFY(supervisorRefused.err.contains(QLatin1String("[42501]")));
    const Run unknown = run({QStringLiteral("--db"), admin->settings.toConnInfo(true), QStringLiteral("source"),
                             QStringLiteral("quarantine"), QStringLiteral("nowhere")});
    QVERIFY(unknown.code != 0);
    QVERIFY(unknown.err.contains(QLatin1String("no source named \"nowhere\"")));

    const Run cleared = quarantine(*admin, {QStringLiteral("--clear")});
    QVERIFY2(cleared.code == 0, qPrintable(cleared.err));
    QVERIFY(cleared.out.contains(QLatin1String("Forgot 1 entries.")));
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.inbound_quarantine")).value().toInt(), 0);
    QCOMPARE(quarantine(*admin).out, QStringLiteral("Nothing from \"moh-rapidpro\" was set aside.\n"));
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
