#include "engine/ServerCli.h"

#include "Version.h"
#include "db/Connection.h"
#include "db/Database.h"
#include "secrets/SealedSecrets.h"
#include "session/UserProfile.h"
#include "engine/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcServer, "mhero.server")

namespace mhero::engine {

namespace {
#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    (void)!::write(g_signalPipe[1], &byte, 1);
}

/// Turns SIGINT/SIGTERM into a clean quit of the event loop (self-pipe: a signal handler may
/// not touch Qt).
void quitOnSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        (void)!::read(g_signalPipe[0], &byte, 1);
        qCInfo(lcServer) << "stopping on signal";
        app.quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
#else
void quitOnSignals(QCoreApplication&) { }
#endif
} // namespace

int runServer(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "mHero sync engine: runs the jobs that talk to FHIR registries and messaging platforms, next to the\n"
        "shared PostgreSQL database. Sign it in with an account of role \"service\"\n"
        "(mhero-admin user add NAME --role service). Stops cleanly on SIGINT/SIGTERM.\n\n"
        "The database is chosen by --db CONNINFO, else by MHERO_DB, else by libpq's PG* variables.\n\n"
        "Source secrets are sealed to this engine's key. On the first start the engine makes its key file\n"
        "(readable only by this account) and publishes the public key in the database; every mhero-server\n"
        "of a deployment must use the same key file. Its path is --engine-key FILE, else MHERO_ENGINE_KEY,\n"
        "else mhero/engine.key in the account's data folder."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("libpq connection string."),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Connect, check the schema and the account, then exit."));
    const QCommandLineOption keyOption(QStringLiteral("engine-key"),
                                       QStringLiteral("The engine's key file (default: %1).").arg(secrets::keyPath()),
                                       QStringLiteral("file"));
    const QCommandLineOption initKeyOption(
        QStringLiteral("init-key"),
        QStringLiteral("Make the key file if there is none, publish its public key in the database, then exit."));
    const QCommandLineOption replaceKeyOption(
        QStringLiteral("replace-key"),
        QStringLiteral("With --init-key: replace a different published key (every source secret must then be "
                       "entered again). Connect as the database owner (--db \"… user=<owner>\"): the database "
                       "refuses it to the service account."));
    const QCommandLineOption webhookOption(
        QStringLiteral("webhook-listen"),
        QStringLiteral("Take WhatsApp and Messenger webhooks on ADDRESS:PORT (plain HTTP, e.g. 127.0.0.1:8088 "
                       "behind a TLS reverse proxy): /webhooks/whatsapp/NAME and /webhooks/messenger/NAME."),
        QStringLiteral("address:port"));
    parser.addOptions({dbOption, checkOption, keyOption, initKeyOption, replaceKeyOption, webhookOption});
    parser.process(app);

    QTextStream err(stderr);
    QString connInfo = parser.value(dbOption);
    if (connInfo.isEmpty())
        connInfo = qEnvironmentVariable("MHERO_DB");
    auto parsed = ConnectionSettings::fromConnInfo(connInfo);
    if (!parsed) {
        err << "error: " << parsed.error().toString() << "\n";
        return 2;
    }
    ConnectionSettings settings = *parsed;
    settings.applicationName = QStringLiteral("mhero-server");

    const QString keyPath = secrets::keyPath(parser.value(keyOption));
    if (parser.isSet(initKeyOption)) {
        auto connection = ScopedConnection::open(settings, QStringLiteral("init-key"));
        if (!connection) {
            err << "error: " << connection.error().toString() << "\n";
            return 1;
        }
        Result<secrets::EngineKey> key = Error{};
        if (parser.isSet(replaceKeyOption)) {
            key = QFileInfo::exists(keyPath) ? secrets::readKeyFile(keyPath) : Result<secrets::EngineKey>(secrets::generateKey());
            if (key && !QFileInfo::exists(keyPath))
                if (Status written = secrets::writeKeyFile(keyPath, *key); !written)
                    key = written.error();
            if (key)
                if (Status published = secrets::publishKey(connection->db(), *key, true); !published)
                    key = published.error();
        } else {
            key = secrets::loadEngineKey(connection->db(), keyPath, true);
        }
        if (!key) {
            err << "error: " << key.error().toString() << "\n";
            return 1;
        }
        QTextStream(stdout) << "Engine key " << key->id() << " in " << keyPath
                            << " is published; administrators can now enter source secrets.\n";
        return 0;
    }

    if (parser.isSet(checkOption)) {
        auto connection = ScopedConnection::open(settings, QStringLiteral("check"));
        if (!connection) {
            err << "error: " << connection.error().toString() << "\n";
            return 1;
        }
        auto session = startSession(connection->db());
        if (!session) {
            err << "error: " << session.error().toString() << "\n";
            return 1;
        }
        QTextStream(stdout) << "OK: " << session->user.roleName << " (" << session->user.primaryRole()
                            << ") on PostgreSQL " << session->serverVersion << ", schema version "
                            << session->schemaVersion << "\n";
        return 0;
    }

    std::optional<std::pair<QHostAddress, quint16>> webhookListen;
    if (parser.isSet(webhookOption)) {
        auto listen = parseListenAddress(parser.value(webhookOption));
        if (!listen) {
            err << "error: " << listen.error().message << "\n";
            return 2;
        }
        webhookListen = *listen;
    }

    quitOnSignals(app);
    qCInfo(lcServer).noquote() << "engine key file:" << keyPath;
    engine::SyncEngine engine(settings, keyPath); // stopped (threads joined) when main returns
    if (webhookListen)
        engine.setWebhookListen(webhookListen->first, webhookListen->second);
    QObject::connect(&engine, &SyncEngine::webhookListenFailed, &app, [&app](const QString& reason) {
        // A door that cannot open will not open by itself: stop, so the service manager says so.
        qCCritical(lcServer).noquote() << reason;
        app.exit(1);
    });
    Database database;
    QTimer retry;
    retry.setSingleShot(true);
    QObject::connect(&retry, &QTimer::timeout, &database, [&] { database.open(settings); });
    QObject::connect(&database, &Database::opened, &database, [&](const Status& status) {
        if (!status) {
            qCWarning(lcServer) << "cannot connect:" << status.error().toString() << "- retrying in 10 s";
            retry.start(10'000);
            return;
        }
        database.run(
            &database, [](QSqlDatabase& db) { return startSession(db); },
            [&](const Result<SessionInfo>& session) {
                if (!session) {
                    // A wrong schema or account will not fix itself: stop, so the service manager says so.
                    qCCritical(lcServer) << session.error().toString();
                    app.exit(1);
                    return;
                }
                if (!session->user.isService)
                    qCWarning(lcServer) << "account" << session->user.roleName
                                        << "is not a service account; jobs that need the service role will be refused";
                qCInfo(lcServer).noquote()
                    << "mhero-server" << kVersion << "connected as" << session->user.roleName << "- PostgreSQL"
                    << session->serverVersion << "- schema" << session->schemaVersion;
                // Directory and messaging jobs, each on a thread of its own with its own connection.
                engine.start();
            });
    });
    QObject::connect(&database, &Database::stateChanged, &database, [](ConnectionState state, const QString& detail) {
        if (state == ConnectionState::Reconnecting)
            qCWarning(lcServer).noquote() << detail;
        else if (state == ConnectionState::Connected)
            qCInfo(lcServer).noquote() << "connected:" << detail;
    });
    database.open(settings);
    return app.exec();
}

} // namespace mhero::engine
