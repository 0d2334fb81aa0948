// Source secrets (issue 12, part 3), attacked as the real roles would: sealed to the sync engine's
// key so that the database, a dump and the server log hold only ciphertext; bound to the origin
// they were entered for, so that no path that changes a source's URL (or a redirect, or a paging
// link) makes the engine send them elsewhere. Listeners on loopback record every header they get.
#include "RapidProEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "admin/AdminCli.h"
#include "db/Sql.h"
#include "sources/fhir/FhirClient.h"
#include "channels/rapidpro/RapidProSource.h"
#include "channels/rapidpro/RapidProClient.h"
#include "secrets/SealedSecrets.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <functional>
#include <memory>

using namespace mhero;
using namespace mhero::test;

namespace {

/// An HTTP listener that records the head of every request it gets and answers what it is told.
class Recorder final : public QObject
{
public:
    Recorder()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end);
                    buffer->remove(0, end + 4);
                    heads.append(head);
                    socket->write(answer ? answer(head) : ok("{\"results\": [], \"next\": null}"));
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    [[nodiscard]] QUrl url(const QString& path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    [[nodiscard]] QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    [[nodiscard]] int withAuthorization() const
    {
        return int(std::count_if(heads.cbegin(), heads.cend(),
                                 [](const QByteArray& h) { return h.toLower().contains("\r\nauthorization:"); }));
    }
    [[nodiscard]] bool sawText(const QByteArray& text) const
    {
        return std::any_of(heads.cbegin(), heads.cend(), [&](const QByteArray& h) { return h.contains(text); });
    }

    static QByteArray ok(const QByteArray& body)
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    static QByteArray redirect(const QUrl& to)
    {
        return "HTTP/1.1 302 Found\r\nLocation: " + to.toEncoded() + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
    }

    QList<QByteArray> heads;
    std::function<QByteArray(const QByteArray& head)> answer;

private:
    QTcpServer m_server;
};

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run admin(const QString& connInfo, QStringList arguments, const QString& input = {})
{
    Run run;
    QString in = input;
    QTextStream o(&run.out), e(&run.err), i(&in);
    arguments.prepend(QStringLiteral("mhero-admin"));
    arguments << QStringLiteral("--db") << connInfo;
    run.code = AdminCli(o, e, i).run(arguments);
    o.flush();
    e.flush();
    return run;
}

QString randomToken()
{
    return QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void originsAreNormalised();
    void urlChangeByAnyPathStopsTheSecret_data();
    void urlChangeByAnyPathStopsTheSecret();
    void engineRefusesEvenWhenTheDatabaseIsBypassed();
    void redirectsAndNextLinksToAnotherOriginGetNoSecret();
    void secretsNeverReachTheServerLogOrADump();
    void engineKeyFile();

private:
    /// A fresh database with an engine key, an administrator and a service account, and a
    /// RapidPro source "rp" at @p url whose token an administrator entered through mhero-admin.
    struct Deployment
    {
        QString database;
        QString keyPath;
        secrets::EngineKey key;
        TestUser admin;
        TestUser service;
        QString adminConnInfo;
        QString serviceConnInfo;
    };
    Deployment deploy(const QUrl& url, const QString& token);

    std::unique_ptr<RapidProEmulator> m_rapidpro;
    QTemporaryDir m_dir;
    QStringList m_databases;
};

void TestSecrets::initTestCase()
{
    m_rapidpro = std::make_unique<RapidProEmulator>();
    QVERIFY2(m_rapidpro->ok(), qPrintable(m_rapidpro->startError()));
}

void TestSecrets::cleanupTestCase()
{
    for (const QString& database : std::as_const(m_databases))
        TestCluster::instance().dropDatabase(database);
}

TestSecrets::Deployment TestSecrets::deploy(const QUrl& url, const QString& token)
{
    auto& cluster = TestCluster::instance();
    Deployment d;
    d.database = cluster.createDatabase();
    m_databases.append(d.database);
    d.keyPath = m_dir.filePath(d.database + QStringLiteral(".key"));
    auto key = cluster.installEngineKey(d.database, d.keyPath);
    if (!key)
        qFatal("%s", qPrintable(key.error().toString()));
    d.key = *key;
    auto adminUser = cluster.createUser(d.database, UserKind::Admin, QStringLiteral("it"));
    auto serviceUser = cluster.createUser(d.database, UserKind::Service, QStringLiteral("engine"));
    if (!adminUser || !serviceUser)
        qFatal("cannot create the users");
    d.admin = *adminUser;
    d.service = *serviceUser;
    d.adminConnInfo = d.admin.settings.toConnInfo(true);
    d.serviceConnInfo = d.service.settings.toConnInfo(true);
    const Run added = admin(d.adminConnInfo,
                            {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("rapidpro"),
                             QStringLiteral("rp"), QStringLiteral("--url"), url.toString(), QStringLiteral("--region"),
                             QStringLiteral("LR")},
                            token + QLatin1Char('\n'));
    if (added.code != 0)
        qFatal("%s", qPrintable(added.err));
    return d;
}

void TestSecrets::originsAreNormalised()
{
    using secrets::originOf;
    QCOMPARE(originOf(QUrl(QStringLiteral("https://TextIt.IN/api/v2/"))), QStringLiteral("https://textit.in:443"));
    QCOMPARE(originOf(QUrl(QStringLiteral("http://h.example"))), QStringLiteral("http://h.example:80"));
    QCOMPARE(originOf(QUrl(QStringLiteral("HTTP://h.example:8080/x?y#z"))), QStringLiteral("http://h.example:8080"));
    QCOMPARE(originOf(QUrl(QStringLiteral("https://user:pw@h.example:8443/"))), QStringLiteral("https://h.example:8443"));
    QCOMPARE(originOf(QUrl(QStringLiteral("http://[::1]:9000/"))), QStringLiteral("http://[::1]:9000"));
    QCOMPARE(originOf(QUrl(QStringLiteral("ftp://h.example/"))), QString());
    QCOMPARE(originOf(QUrl(QStringLiteral("not a url"))), QString());
    // The database computes the same (set_source_secret() compares the two).
    const QString database = TestCluster::instance().createDatabase();
    m_databases.append(database);
    auto owner = TestCluster::instance().connectSuperuser(database);
    MHERO_VERIFY_OK(owner);
    for (const char* url : {"https://TextIt.IN/api/v2/", "http://h.example", "HTTP://h.example:8080/x?y#z",
                            "https://user:pw@h.example:8443/", "http://127.0.0.1:5000"}) {
        const QString text = QString::fromLatin1(url);
        QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT mhero.url_origin(?)"), {text}).valueOr(QVariant()).toString(),
                 originOf(QUrl(text)));
    }
    QVERIFY(sql::scalar(owner->db(), QStringLiteral("SELECT mhero.url_origin('ftp://h/')")).value().isNull());
}

void TestSecrets::urlChangeByAnyPathStopsTheSecret_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("administrator's UPDATE") << QStringLiteral("admin-update");
    QTest::newRow("mhero-admin source set-url") << QStringLiteral("cli");
    QTest::newRow("owner's UPDATE") << QStringLiteral("owner-update");
}

void TestSecrets::urlChangeByAnyPathStopsTheSecret()
{
    QFETCH(QString, path);
    const QString token = randomToken();
    QVERIFY(m_rapidpro->reset());
    Deployment d = deploy(m_rapidpro->baseUrl(), RapidProEmulator::token());
    const QStringList syncOnce{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("rp"),
                               QStringLiteral("--engine-key"), d.keyPath};

    // The engine, with its private key, opens the sealed token and syncs normally.
    Run synced = admin(d.serviceConnInfo, syncOnce);
    QVERIFY2(synced.code == 0, qPrintable(synced.out + synced.err));
    QVERIFY2(synced.out.contains(QLatin1String("new inbound messages: 0")), qPrintable(synced.out));

    // The attack: point the source at a listener of one's own.
    Recorder listener;
    auto adminConnection = TestCluster::connectAs(d.admin);
    MHERO_VERIFY_OK(adminConnection);
    auto owner = TestCluster::instance().connectSuperuser(d.database);
    MHERO_VERIFY_OK(owner);
    if (path == QLatin1String("admin-update")) {
        MHERO_VERIFY_OK(sql::exec(adminConnection->db(), QStringLiteral("UPDATE mhero.source SET base_url = ? WHERE name = 'rp'"),
                                  {listener.url().toString()}));
    } else if (path == QLatin1String("cli")) {
        const Run moved = admin(d.adminConnInfo, {QStringLiteral("source"), QStringLiteral("set-url"), QStringLiteral("rp"),
                                                  QStringLiteral("--url"), listener.url().toString()});
        QVERIFY2(moved.code == 0, qPrintable(moved.err));
        QVERIFY2(moved.out.contains(QLatin1String("must be entered again")), qPrintable(moved.out));
    } else {
        MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source SET base_url = ? WHERE name = 'rp'"),
                                  {listener.url().toString()}));
    }
    // The stored secret is gone from the row, and says why.
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT coalesce(sealed, '-') || ' ' || invalid_reason FROM mhero.source_secret"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("- url_changed"));

    // The next sync sends nothing there: not a request, let alone an Authorization header.
    synced = admin(d.serviceConnInfo, syncOnce);
    QCOMPARE(synced.code, 1);
    QVERIFY2(synced.err.contains(QLatin1String("must be entered again")), qPrintable(synced.err));
    QTest::qWait(200); // anything in flight would have arrived
    QCOMPARE(listener.heads.size(), 0);
    QCOMPARE(listener.withAuthorization(), 0);
    // The source says so where IT looks: the sync state and mhero-admin source list.
    QVERIFY(sql::scalar(owner->db(), QStringLiteral("SELECT last_error FROM mhero.sync_state WHERE job = 'messages_in'"))
                .valueOr(QVariant())
                .toString()
                .contains(QLatin1String("must be entered again")));
    const Run listed = admin(d.adminConnInfo, {QStringLiteral("source"), QStringLiteral("list")});
    QVERIFY2(listed.out.contains(QLatin1String("must be entered again (the URL changed): mhero-admin source secret rp")),
             qPrintable(listed.out));
    // The change and the invalidation are in the audit log.
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'invalidate_secret' "
                                                     "AND after->>'reason' = 'url_changed'"))
                 .valueOr(QVariant())
                 .toInt(),
             1);

    // Entered again, knowingly, for the new URL: now it goes there (the listener does record it).
    const Run entered = admin(d.adminConnInfo, {QStringLiteral("source"), QStringLiteral("secret"), QStringLiteral("rp")},
                              token + QLatin1Char('\n'));
    QVERIFY2(entered.code == 0, qPrintable(entered.err));
    QVERIFY2(entered.out.contains(listener.origin() + QLatin1String(".")), qPrintable(entered.out));
    synced = admin(d.serviceConnInfo, syncOnce);
    QVERIFY2(synced.code == 0, qPrintable(synced.out + synced.err));
    QVERIFY(listener.withAuthorization() > 0);
    QVERIFY(listener.sawText("Token " + token.toLatin1()));
}

void TestSecrets::engineRefusesEvenWhenTheDatabaseIsBypassed()
{
    // Someone with the database owner's power skips the trigger and rewrites the stored origin
    // too. The origin sealed inside the ciphertext still says where the token belongs.
    Recorder home;
    Recorder listener;
    const QString token = randomToken();
    Deployment d = deploy(home.url(), token);
    auto owner = TestCluster::instance().connectSuperuser(d.database);
    MHERO_VERIFY_OK(owner);
    MHERO_VERIFY_OK(sql::execScript(owner->db(), "SET session_replication_role = replica")); // no triggers
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source SET base_url = ? WHERE name = 'rp'"),
                              {listener.url().toString()}));
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source_secret SET origin = ?"),
                              {listener.origin()}));
    MHERO_VERIFY_OK(sql::execScript(owner->db(), "RESET session_replication_role"));
    QVERIFY(sql::scalar(owner->db(), QStringLiteral("SELECT sealed IS NOT NULL FROM mhero.source_secret")).value().toBool());

    auto service = TestCluster::connectAs(d.service);
    MHERO_VERIFY_OK(service);
    auto sources = rapidpro::loadRapidProSources(service->db(), QStringLiteral("rp"), &d.key);
    MHERO_VERIFY_OK(sources);
    QVERIFY(sources->first().token.isEmpty());
    QVERIFY(sources->first().secretError);
    QCOMPARE(sources->first().secretError->code, QStringLiteral("secret-reenter"));
    QVERIFY2(sources->first().secretError->message.contains(QStringLiteral("entered for %1").arg(secrets::originOf(home.url())))
                 && sources->first().secretError->message.contains(listener.origin()),
             qPrintable(sources->first().secretError->message));

    const Run synced = admin(d.serviceConnInfo, {QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("rp"),
                                                 QStringLiteral("--engine-key"), d.keyPath});
    QCOMPARE(synced.code, 1);
    QTest::qWait(200);
    QCOMPARE(listener.heads.size(), 0);
    QCOMPARE(home.heads.size(), 0);

    // Copying the ciphertext of one source onto another (same origin, other account) fails too.
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.source SET base_url = ? WHERE name = 'rp'"),
                              {home.url().toString()}));
    const QStringList addOther{QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("rapidpro"),
                               QStringLiteral("other"), QStringLiteral("--url"), home.url().toString()};
    QCOMPARE(admin(d.adminConnInfo, addOther, randomToken() + QLatin1Char('\n')).code, 0);
    MHERO_VERIFY_OK(sql::execScript(owner->db(), R"sql(
        UPDATE mhero.source_secret k SET sealed = o.sealed, key_id = o.key_id, origin = o.origin, invalid_reason = NULL
          FROM mhero.source_secret o JOIN mhero.source os ON os.id = o.source_id AND os.name = 'other'
         WHERE k.source_id = (SELECT id FROM mhero.source WHERE name = 'rp');
    )sql"));
    sources = rapidpro::loadRapidProSources(service->db(), QStringLiteral("rp"), &d.key);
    MHERO_VERIFY_OK(sources);
    QVERIFY(sources->first().token.isEmpty());
    QVERIFY(sources->first().secretError);
    QVERIFY2(sources->first().secretError->message.contains(QLatin1String("another source")),
             qPrintable(sources->first().secretError->message));
}

void TestSecrets::redirectsAndNextLinksToAnotherOriginGetNoSecret()
{
    Recorder home;
    Recorder elsewhere;
    const QString token = randomToken();
    const auto get = [](auto& client, const QUrl& url) {
        std::optional<Result<QByteArray>> result;
        QEventLoop loop;
        client.get(url, [&](Result<QByteArray> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        return *result;
    };

    rapidpro::RapidProClient client(home.url(), token, secrets::originOf(home.url()));
    client.setMaxAttempts(1);
    client.setTimeout(5000);

    // A redirect within the origin is followed (the listener sees the token twice)…
    home.answer = [&](const QByteArray& head) {
        return head.contains("/api/v2/messages.json") ? Recorder::redirect(home.url(QStringLiteral("/moved.json")))
                                                       : Recorder::ok("{\"results\": [], \"next\": null}");
    };
    auto result = get(client, client.endpointUrl(QStringLiteral("messages")));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(home.withAuthorization(), 2);

    // …one to another origin is not: nothing reaches it.
    home.answer = [&](const QByteArray&) { return Recorder::redirect(elsewhere.url(QStringLiteral("/steal"))); };
    result = get(client, client.endpointUrl(QStringLiteral("messages")));
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(elsewhere.origin()), qPrintable(result.error().toString()));
    // A paging link pointing elsewhere is not followed either.
    result = get(client, elsewhere.url(QStringLiteral("/api/v2/messages.json?cursor=x")));
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("rapidpro-foreign-link"));
    // Nor is the token sent when the client's own base URL is not the origin it was entered for.
    rapidpro::RapidProClient moved(elsewhere.url(), token, secrets::originOf(home.url()));
    moved.setMaxAttempts(1);
    result = get(moved, moved.endpointUrl(QStringLiteral("messages")));
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("secret-origin"));
    bool posted = false;
    moved.post(QStringLiteral("messages"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}},
               [&](rapidpro::HttpOutcome outcome) {
                   posted = true;
                   QVERIFY(!outcome.refusal.isEmpty());
                   QVERIFY(!outcome.uncertain);
               });
    QVERIFY(posted);

    // The FHIR client: bearer credentials follow no redirect, and no link, to another origin.
    fhir::FhirClient fhirClient(home.url(QStringLiteral("/fhir/")),
                                fhir::Credentials{fhir::Credentials::Method::Bearer, token, secrets::originOf(home.url())});
    fhirClient.setMaxAttempts(1);
    const int homeBefore = home.withAuthorization();
    result = get(fhirClient, fhirClient.searchUrl(QStringLiteral("Practitioner"), {}));
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("fhir-redirect"));
    QCOMPARE(home.withAuthorization(), homeBefore + 1);
    result = get(fhirClient, elsewhere.url(QStringLiteral("/fhir/Practitioner?page=2")));
    QVERIFY(!result);

    QTest::qWait(200);
    QCOMPARE(elsewhere.heads.size(), 0);
    QCOMPARE(elsewhere.withAuthorization(), 0);
}

void TestSecrets::secretsNeverReachTheServerLogOrADump()
{
    auto& cluster = TestCluster::instance();
    const QString token = randomToken();
    const QString second = randomToken();
    const QString canary = randomToken();
    const QString database = cluster.createDatabase();
    m_databases.append(database);
    MHERO_VERIFY_OK(cluster.installEngineKey(database, m_dir.filePath(database + QStringLiteral(".key"))));
    auto itAdmin = cluster.createUser(database, UserKind::Admin, QStringLiteral("it"));
    MHERO_VERIFY_OK(itAdmin);
    {
        auto owner = cluster.connectSuperuser(database);
        MHERO_VERIFY_OK(owner);
        MHERO_VERIFY_OK(sql::execScript(owner->db(), QStringLiteral("ALTER DATABASE %1 SET log_statement = 'all'")
                                                         .arg(sql::quoteIdentifier(database))
                                                         .toUtf8()));
    }
    QFile log(cluster.cluster().logFile());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const qint64 start = log.size();

    // The real path: mhero-admin adds a source with its token, then replaces it.
    const QString connInfo = itAdmin->settings.toConnInfo(true);
    Run run = admin(connInfo,
                    {QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("rapidpro"), QStringLiteral("logged"),
                     QStringLiteral("--url"), QStringLiteral("https://rapidpro.example.org")},
                    token + QLatin1Char('\n'));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = admin(connInfo, {QStringLiteral("source"), QStringLiteral("secret"), QStringLiteral("logged")},
                second + QLatin1Char('\n'));
    QVERIFY2(run.code == 0, qPrintable(run.err));
    {
        // A value the log must show, so that the test knows it reads the statements.
        auto session = TestCluster::connectAs(*itAdmin);
        MHERO_VERIFY_OK(session);
        MHERO_VERIFY_OK(sql::exec(session->db(), QStringLiteral("SELECT ?::text"), {canary}));
    }
    QTRY_VERIFY_WITH_TIMEOUT((log.seek(start), log.readAll().contains(canary.toLatin1())), 5000);
    log.seek(start);
    const QByteArray logged = log.readAll();
    QVERIFY(logged.contains("mhero.set_source_secret("));
    QVERIFY2(!logged.contains(token.toLatin1()), "the token is in the PostgreSQL log");
    QVERIFY2(!logged.contains(second.toLatin1()), "the second token is in the PostgreSQL log");

    // A dump of the database (data and all) holds no token either: only ciphertext.
    auto binDir = LocalCluster::findBinDir();
    MHERO_VERIFY_OK(binDir);
    QProcess dump;
    dump.start(QDir(*binDir).filePath(QStringLiteral("pg_dump")),
               {QStringLiteral("--dbname"), cluster.superuser(database).toConnInfo(true)});
    QVERIFY(dump.waitForFinished(60'000));
    const QByteArray dumped = dump.readAllStandardOutput();
    QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
    QVERIFY(dumped.contains("source_secret"));
    QVERIFY(!dumped.contains(token.toLatin1()));
    QVERIFY(!dumped.contains(second.toLatin1()));
    // The column holds base64 of a sealed box, which the engine's key opens.
    auto owner = cluster.connectSuperuser(database);
    MHERO_VERIFY_OK(owner);
    auto sealed = sql::scalar(owner->db(), QStringLiteral("SELECT sealed FROM mhero.source_secret"));
    MHERO_VERIFY_OK(sealed);
    const QByteArray box = QByteArray::fromBase64(sealed->toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(box.size() >= 128 + 48);
    QVERIFY(!box.contains(second.toLatin1()));
    auto key = secrets::readKeyFile(m_dir.filePath(database + QStringLiteral(".key")));
    MHERO_VERIFY_OK(key);
    auto opened = secrets::open(*key, box);
    MHERO_VERIFY_OK(opened);
    QVERIFY(opened->contains(second.toLatin1()));
}

void TestSecrets::engineKeyFile()
{
    auto& cluster = TestCluster::instance();
    const QString database = cluster.createDatabase();
    m_databases.append(database);
    auto owner = cluster.connectSuperuser(database);
    MHERO_VERIFY_OK(owner);
    QSqlDatabase& db = owner->db();
    const QString path = m_dir.filePath(QStringLiteral("keys-%1/engine.key").arg(database));

    // Nothing yet: a run that may not create a key says what to do.
    auto missing = secrets::loadEngineKey(db, path, false);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(QLatin1String("mhero-server --init-key")), qPrintable(missing.error().message));
    // The first engine start makes it (0600) and publishes it.
    auto made = secrets::loadEngineKey(db, path, true);
    MHERO_VERIFY_OK(made);
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(sql::scalar(db, QStringLiteral("SELECT key_id FROM mhero.engine_key")).value().toString(), made->id());
    auto again = secrets::loadEngineKey(db, path, true);
    MHERO_VERIFY_OK(again);
    QCOMPARE(again->secretKey, made->secretKey);
    // A key file others may read is refused.
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther);
    auto exposed = secrets::readKeyFile(path);
    QVERIFY(!exposed);
    QCOMPARE(exposed.error().code, QStringLiteral("engine-key-permissions"));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // A second server without the key file, or with another key, is told to copy the file.
    const QString otherPath = m_dir.filePath(QStringLiteral("keys-%1/other.key").arg(database));
    auto withoutFile = secrets::loadEngineKey(db, otherPath, true);
    QVERIFY(!withoutFile);
    QCOMPARE(withoutFile.error().code, QStringLiteral("engine-key-missing"));
    QVERIFY(!QFile::exists(otherPath)); // and it did not make one of its own
    MHERO_VERIFY_OK(secrets::writeKeyFile(otherPath, secrets::generateKey()));
    auto mismatch = secrets::loadEngineKey(db, otherPath, true);
    QVERIFY(!mismatch);
    QCOMPARE(mismatch.error().code, QStringLiteral("engine-key-mismatch"));
    QVERIFY(mismatch.error().message.contains(QLatin1String("--replace-key")));
    // writeKeyFile never overwrites a key.
    QVERIFY(!secrets::writeKeyFile(path, secrets::generateKey()));
    QCOMPARE(secrets::readKeyFile(path)->id(), made->id());

    // Replacing the published key invalidates every secret sealed to the old one.
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                 "VALUES ('rp', 'rapidpro', 'https://rapidpro.example.org')")));
    MHERO_VERIFY_OK(secrets::storeSourceSecret(db, QStringLiteral("rp"), QUrl(QStringLiteral("https://rapidpro.example.org")),
                                               QStringLiteral("a-token")));
    auto sources = rapidpro::loadRapidProSources(db, QStringLiteral("rp"), &*made);
    MHERO_VERIFY_OK(sources);
    QCOMPARE(sources->first().token, QStringLiteral("a-token"));
    auto other = secrets::readKeyFile(otherPath);
    MHERO_VERIFY_OK(other);
    MHERO_VERIFY_OK(secrets::publishKey(db, *other, true));
    sources = rapidpro::loadRapidProSources(db, QStringLiteral("rp"), &*other);
    MHERO_VERIFY_OK(sources);
    QVERIFY(sources->first().token.isEmpty());
    QVERIFY(sources->first().secretError);
    QVERIFY2(sources->first().secretError->message.contains(QLatin1String("key was replaced")),
             qPrintable(sources->first().secretError->message));
    // And the migration's own case: a secret stored in clear before sealing existed.
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("UPDATE mhero.source_secret SET invalid_reason = 'upgrade'")));
    sources = rapidpro::loadRapidProSources(db, QStringLiteral("rp"), &*other);
    MHERO_VERIFY_OK(sources);
    QVERIFY(sources->first().secretError);
    QVERIFY(sources->first().secretError->message.contains(QLatin1String("must be entered again")));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
