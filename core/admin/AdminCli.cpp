#include "admin/AdminCli.h"

#include "Await.h"
#include "Version.h"
#include "admin/DemoData.h"
#include "admin/Settings.h"
#include "admin/UserAdmin.h"
#include "db/Connection.h"
#include "db/LocalCluster.h"
#include "db/Migrator.h"
#include "db/Sql.h"
#include "messaging/Quarantine.h"
#include "channels/rapidpro/RapidProSync.h"
#include "secrets/SealedSecrets.h"
#include "sources/SyncProgress.h"
#include "sources/fhir/FhirFileSource.h"
#include "sources/fhir/FhirSource.h"
#include "templates/TemplateStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace mhero {

namespace {
constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

const QLatin1StringView kCommands{
    "Commands:\n"
    "  migrate                      Apply pending schema migrations (needs the database owner).\n"
    "  status                       Show the schema version and pending migrations.\n"
    "  user add NAME --role ROLE    Create a user; ROLE is agent, supervisor, admin or service.\n"
    "                               The password is read from stdin with --password-stdin,\n"
    "                               otherwise generated and printed once.\n"
    "  user list                    List users.\n"
    "  user disable NAME            Stop a user from signing in (history is kept).\n"
    "  user enable NAME             Let a disabled user sign in again.\n"
    "  local init [--port N]        Create this computer's private PostgreSQL cluster, its\n"
    "                               database \"mhero\", and apply the migrations.\n"
    "  local start|stop|status      Start, stop or show the private cluster.\n"
    "  local destroy                Stop the private cluster and delete it with all its data.\n"
    "  demo load                    Load the demo data set and the demo users.\n"
    "  source add fhir NAME --url URL [--kind ihris|openmrs|generic] [--auth none|basic|bearer]\n"
    "                    [--region LR] [--patients] [--page-size N]\n"
    "                               Add a FHIR registry. The secret (\"user:password\" for basic,\n"
    "                               the token for bearer) is read from stdin, or from the\n"
    "                               environment variable named by --secret-env.\n"
    "  source add rapidpro NAME --url URL [--region LR]\n"
    "                               Add a RapidPro workspace (its root URL, e.g. https://textit.in).\n"
    "                               The API token is read from stdin, or from the environment\n"
    "                               variable named by --secret-env.\n"
    "  source secret NAME           Enter a source's secret again (after its URL changed, after an\n"
    "                               upgrade, or to replace it). Read from stdin or --secret-env.\n"
    "  source set-url NAME --url URL\n"
    "                               Point a source at another URL. Its secret stops working until it\n"
    "                               is entered again (a secret is sent only where it was entered for).\n"
    "  source list                  List sources, their secrets' state and their last sync.\n"
    "  source quarantine NAME [--clear]\n"
    "                               Inbound messages of NAME set aside because mHero cannot store\n"
    "                               them (an unknown kind of address, an unreadable entry), with the\n"
    "                               reason; --clear forgets them once dealt with (administrators).\n"
    "\n"
    "                               Secrets are sealed here to the sync engine's public key before\n"
    "                               they reach the database: start mhero-server once (or run\n"
    "                               \"mhero-server --init-key\") before adding sources with secrets.\n"
    "  sync --once [NAME]           Run every job of every enabled source (or of NAME) once: FHIR\n"
    "                               directory sync; RapidPro contacts, inbound messages, outbox,\n"
    "                               delivery statuses. Prints what each did. Opens the sources'\n"
    "                               secrets with the engine key file (--engine-key FILE, else\n"
    "                               MHERO_ENGINE_KEY, else the local cluster's with --local, else\n"
    "                               mhero/engine.key in the account's data folder).\n"
    "  import FILE.json [--source NAME] [--region LR]\n"
    "                               Load a FHIR Bundle file (transaction, batch, searchset or\n"
    "                               collection) into the directory, as source NAME (default \"file\").\n"
    "  setting list                 Show the deployment's settings, their values and what they do.\n"
    "  setting get KEY              Show one setting.\n"
    "  setting set KEY VALUE        Change a setting, e.g. \"setting set messaging.free_text_policy\n"
    "                               free_text\" lets agents type their own replies. The database\n"
    "                               checks the value and keeps the change in the audit log.\n"
    "  templates export FILE.json   Write the approved version of every template in use (\"-\" for\n"
    "                               stdout).\n"
    "  templates import FILE.json   Load templates as drafts authored by the connected user, all or\n"
    "                               nothing; connect as an mHero supervisor or administrator.\n"
    "                               A supervisor who did not import them approves them.\n"
    "\n"
    "The database is chosen by --db CONNINFO (a libpq connection string such as\n"
    "\"host=db.example.org dbname=mhero user=it_admin sslmode=verify-full\"), else by the\n"
    "MHERO_DB environment variable, else by --local (this computer's private cluster, as its\n"
    "superuser), else by libpq's PG* environment variables.\n"};

struct Target
{
    ConnectionSettings settings;
    QString description;
};
} // namespace

AdminCli::AdminCli(QTextStream& out, QTextStream& err, QTextStream& in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{ }

int AdminCli::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("mHero administration: schema, users, local database, demo data.\n\n") + kCommands);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("libpq connection string."),
                                      QStringLiteral("conninfo"));
    const QCommandLineOption localOption(QStringLiteral("local"),
                                         QStringLiteral("Use this computer's private cluster (as its superuser)."));
    const QCommandLineOption localDirOption(
        QStringLiteral("local-dir"),
        QStringLiteral("Folder of the private cluster (default: %1).").arg(LocalCluster::defaultBaseDir()),
        QStringLiteral("dir"));
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("agent, supervisor, admin or service."),
                                        QStringLiteral("role"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"),
                                               QStringLiteral("Name shown in the console."), QStringLiteral("text"));
    const QCommandLineOption languagesOption(QStringLiteral("languages"),
                                             QStringLiteral("Languages the user answers in, e.g. en,fr."),
                                             QStringLiteral("list"), QStringLiteral("en"));
    const QCommandLineOption passwordStdinOption(QStringLiteral("password-stdin"),
                                                 QStringLiteral("Read the password from the first line of stdin."));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port for a new local cluster."),
                                        QStringLiteral("port"));
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("FHIR base URL."), QStringLiteral("url"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), QStringLiteral("ihris, openmrs or generic."),
                                        QStringLiteral("kind"), QStringLiteral("generic"));
    const QCommandLineOption authOption(QStringLiteral("auth"), QStringLiteral("none, basic or bearer."),
                                        QStringLiteral("method"), QStringLiteral("none"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
                                          QStringLiteral("Default phone region (ISO country code), e.g. LR."),
                                          QStringLiteral("code"));
    const QCommandLineOption secretEnvOption(QStringLiteral("secret-env"),
                                             QStringLiteral("Read the source secret from this environment variable."),
                                             QStringLiteral("variable"));
    const QCommandLineOption patientsOption(QStringLiteral("patients"), QStringLiteral("Also read Patient resources."));
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"), QStringLiteral("Resources per page (_count)."),
                                            QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption onceOption(QStringLiteral("once"), QStringLiteral("sync: run once and exit."));
    const QCommandLineOption sourceOption(QStringLiteral("source"), QStringLiteral("import: source name."),
                                          QStringLiteral("name"), QStringLiteral("file"));
    const QCommandLineOption engineKeyOption(QStringLiteral("engine-key"),
                                             QStringLiteral("sync: the sync engine's key file."), QStringLiteral("file"));
    const QCommandLineOption clearOption(QStringLiteral("clear"),
                                         QStringLiteral("source quarantine: forget the entries listed."));
    parser.addOptions({clearOption, dbOption, localOption, localDirOption, roleOption, displayNameOption, languagesOption,
                       passwordStdinOption, portOption, urlOption, kindOption, authOption, regionOption,
                       secretEnvOption, patientsOption, pageSizeOption, onceOption, sourceOption, engineKeyOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See the list of commands above."));

    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << "\n"
              << "Try \"mhero-admin --help\".\n";
        return kUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        return kOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << "mhero-admin " << kVersion << "\n";
        return kOk;
    }

    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        m_err << "No command given. Try \"mhero-admin --help\".\n";
        return kUsage;
    }
    const QString command = words.value(0);
    const QString sub = words.value(1);
    const LocalCluster cluster(parser.isSet(localDirOption) ? parser.value(localDirOption)
                                                            : LocalCluster::defaultBaseDir());

    const auto fail = [this](const Error& error) {
        m_err << "error: " << error.message;
        if (!error.code.isEmpty())
            m_err << " [" << error.code << "]";
        m_err << "\n";
        if (!error.detail.isEmpty())
            m_err << "  " << QString(error.detail).replace(QLatin1Char('\n'), QLatin1String("\n  ")) << "\n";
        return kFailed;
    };

    // ---- the private local cluster ----------------------------------------------------------
    if (command == QLatin1String("local")) {
        if (sub == QLatin1String("init")) {
            const LocalCluster& target = cluster;
            if (!target.exists()) {
                m_out << "Creating the local PostgreSQL cluster in " << target.baseDir() << " …\n";
                m_out.flush();
                LocalCluster::InitOptions options;
                options.port = parser.value(portOption).toInt();
                if (Status status = target.init(options); !status)
                    return fail(status.error());
            } else {
                m_out << "The local cluster in " << target.baseDir() << " exists already.\n";
            }
            auto applied = target.prepare(QStringLiteral("mhero"));
            if (!applied)
                return fail(applied.error());
            if (*applied > 0)
                m_out << "Applied " << *applied << " migration(s).\n";
            m_out << "Local database ready in " << target.baseDir() << " (database \"mhero\", socket folder "
                  << target.socketDir() << ", port " << target.port() << ").\n"
                  << "Add people with: mhero-admin --local user add NAME --role agent|supervisor|admin\n";
            return kOk;
        }
        if (sub == QLatin1String("start")) {
            if (Status status = cluster.start(); !status)
                return fail(status.error());
            m_out << "The local cluster is running (" << cluster.socketDir() << ", port " << cluster.port() << ").\n";
            return kOk;
        }
        if (sub == QLatin1String("stop")) {
            if (Status status = cluster.stop(); !status)
                return fail(status.error());
            m_out << "The local cluster is stopped.\n";
            return kOk;
        }
        if (sub == QLatin1String("status")) {
            if (!cluster.exists()) {
                m_out << "No local cluster in " << cluster.baseDir() << ".\n";
                return kFailed;
            }
            const bool running = cluster.isRunning();
            m_out << "Local cluster in " << cluster.baseDir() << ": " << (running ? "running" : "stopped") << ", port "
                  << cluster.port() << ".\n";
            return running ? kOk : kFailed;
        }
        if (sub == QLatin1String("destroy")) {
            if (Status status = cluster.destroy(); !status)
                return fail(status.error());
            m_out << "Deleted " << cluster.baseDir() << ".\n";
            return kOk;
        }
        m_err << "Unknown local command \"" << sub << "\". Try \"mhero-admin --help\".\n";
        return kUsage;
    }

    // ---- everything else works on one database ----------------------------------------------
    const QStringList known{QStringLiteral("migrate"), QStringLiteral("status"), QStringLiteral("user"),
                            QStringLiteral("source"),  QStringLiteral("sync"),   QStringLiteral("import"),
                            QStringLiteral("demo"),    QStringLiteral("templates"), QStringLiteral("setting")};
    if (!known.contains(command)) {
        m_err << "Unknown command \"" << command << "\". Try \"mhero-admin --help\".\n";
        return kUsage;
    }

    ConnectionSettings settings;
    QString connInfo = parser.value(dbOption);
    if (connInfo.isEmpty())
        connInfo = qEnvironmentVariable("MHERO_DB");
    if (!connInfo.isEmpty()) {
        auto parsed = ConnectionSettings::fromConnInfo(connInfo);
        if (!parsed)
            return fail(parsed.error());
        settings = *parsed;
    } else if (parser.isSet(localOption)) {
        if (Status status = cluster.start(); !status)
            return fail(status.error());
        auto local = cluster.superuserSettings(QStringLiteral("mhero"));
        if (!local)
            return fail(local.error());
        settings = *local;
    }
    settings.applicationName = QStringLiteral("mhero-admin");
    auto connection = ScopedConnection::open(settings, QStringLiteral("admin"));
    if (!connection)
        return fail(connection.error());
    QSqlDatabase& db = connection->db();

    if (command == QLatin1String("migrate")) {
        const Migrator migrator;
        int definitions = 0;
        auto applied = migrator.migrate(
            db,
            [this](const Migration& m) {
                m_out << "Applying migration " << m.version << " (" << m.name << ")\n";
                m_out.flush();
            },
            [&definitions](const Definition&) { ++definitions; });
        if (!applied)
            return fail(applied.error());
        if (definitions > 0)
            m_out << "Applied " << definitions << " changed function definition(s).\n";
        m_out << (*applied == 0 && definitions == 0 ? "The schema is up to date" : "Migrated") << " (version "
              << migrator.latestVersion() << ").\n";
        return kOk;
    }
    if (command == QLatin1String("status")) {
        auto status = Migrator().status(db);
        if (!status)
            return fail(status.error());
        m_out << "Schema version: " << status->current << " (this program knows " << status->latest << ")\n";
        if (!status->pending.isEmpty()) {
            m_out << "Pending migrations:";
            for (int version : status->pending)
                m_out << " " << version;
            m_out << "\n";
        }
        if (!status->pendingDefinitions.isEmpty())
            m_out << "Function definitions to apply (changed since the last migrate): "
                  << status->pendingDefinitions.join(QStringLiteral(", ")) << "\n";
        return status->current > status->latest ? kFailed : kOk;
    }
    if (command == QLatin1String("user")) {
        if (sub == QLatin1String("add")) {
            const QString name = words.value(2);
            const auto kind = userKindFromString(parser.value(roleOption));
            if (name.isEmpty() || !kind) {
                m_err << "Usage: mhero-admin user add NAME --role agent|supervisor|admin|service "
                         "[--display-name TEXT] [--languages en,fr] [--password-stdin]\n";
                return kUsage;
            }
            QString password;
            const bool generated = !parser.isSet(passwordStdinOption);
            if (generated)
                password = users::generatePassword();
            else
                password = m_in.readLine().trimmed();
            const QStringList languages = parser.value(languagesOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (Status status = users::add(db, name, *kind, parser.value(displayNameOption), languages, password);
                !status)
                return fail(status.error());
            m_out << "Created " << toString(*kind) << " \"" << name << "\".\n";
            if (generated)
                m_out << "Password (shown once, hand it over privately): " << password << "\n";
            return kOk;
        }
        if (sub == QLatin1String("list")) {
            auto list = users::list(db);
            if (!list)
                return fail(list.error());
            m_out << qSetFieldWidth(24) << Qt::left << "NAME" << qSetFieldWidth(12) << "ROLE" << qSetFieldWidth(10)
                  << "ACTIVE" << qSetFieldWidth(0) << "DISPLAY NAME\n";
            for (const UserRecord& user : *list)
                m_out << qSetFieldWidth(24) << user.name << qSetFieldWidth(12) << toString(user.kind)
                      << qSetFieldWidth(10) << (user.active ? "yes" : "no") << qSetFieldWidth(0) << user.displayName
                      << "\n";
            return kOk;
        }
        if (sub == QLatin1String("disable") || sub == QLatin1String("enable")) {
            const QString name = words.value(2);
            if (name.isEmpty()) {
                m_err << "Usage: mhero-admin user " << sub << " NAME\n";
                return kUsage;
            }
            if (Status status = users::setActive(db, name, sub == QLatin1String("enable")); !status)
                return fail(status.error());
            m_out << (sub == QLatin1String("enable") ? "Enabled" : "Disabled") << " \"" << name << "\".\n";
            return kOk;
        }
        m_err << "Unknown user command \"" << sub << "\". Try \"mhero-admin --help\".\n";
        return kUsage;
    }
    if (command == QLatin1String("demo")) {
        if (sub != QLatin1String("load")) {
            m_err << "Usage: mhero-admin demo load\n";
            return kUsage;
        }
        auto loaded = demo::load(db);
        if (!loaded)
            return fail(loaded.error());
        m_out << loaded.value() << "\n";
        return kOk;
    }
    if (command == QLatin1String("source")) {
        if (sub == QLatin1String("add") && words.value(2) == QLatin1String("rapidpro")) {
            rapidpro::RapidProSource source;
            source.name = words.value(3);
            source.baseUrl = QUrl(parser.value(urlOption));
            if (source.name.isEmpty() || !parser.isSet(urlOption)) {
                m_err << "Usage: mhero-admin source add rapidpro NAME --url URL [--region LR] [--secret-env VAR]\n";
                return kUsage;
            }
            source.region = parser.value(regionOption).toUpper();
            source.token = parser.isSet(secretEnvOption)
                ? qEnvironmentVariable(parser.value(secretEnvOption).toLocal8Bit().constData())
                : m_in.readLine().trimmed();
            if (Status status = rapidpro::addRapidProSource(db, source); !status)
                return fail(status.error());
            m_out << "Added RapidPro source \"" << source.name << "\" (" << source.baseUrl.toString() << ").\n";
            return kOk;
        }
        if (sub == QLatin1String("add")) {
            const QString type = words.value(2);
            fhir::FhirSource source;
            source.name = words.value(3);
            source.baseUrl = QUrl(parser.value(urlOption));
            const auto kind = fhir::sourceKindFromString(parser.value(kindOption));
            const auto method = fhir::authMethodFromString(parser.value(authOption));
            if (type != QLatin1String("fhir") || source.name.isEmpty() || !parser.isSet(urlOption) || !kind
                || !method) {
                m_err << "Usage: mhero-admin source add fhir NAME --url URL [--kind ihris|openmrs|generic] "
                         "[--auth none|basic|bearer] [--region LR] [--secret-env VAR] [--patients] [--page-size N]\n"
                         "       mhero-admin source add rapidpro NAME --url URL [--region LR] [--secret-env VAR]\n";
                return kUsage;
            }
            source.kind = *kind;
            source.credentials.method = *method;
            source.region = parser.value(regionOption).toUpper();
            source.patients = parser.isSet(patientsOption);
            source.pageSize = parser.value(pageSizeOption).toInt();
            if (source.pageSize < 10 || source.pageSize > 5000) {
                m_err << "--page-size must be between 10 and 5000.\n";
                return kUsage;
            }
            if (*method != fhir::Credentials::Method::None) {
                source.credentials.secret = parser.isSet(secretEnvOption)
                    ? qEnvironmentVariable(parser.value(secretEnvOption).toLocal8Bit().constData())
                    : m_in.readLine().trimmed();
            }
            if (Status status = fhir::addFhirSource(db, source); !status)
                return fail(status.error());
            m_out << "Added FHIR source \"" << source.name << "\" (" << fhir::toString(source.kind) << ", "
                  << source.baseUrl.toString() << ").\n";
            return kOk;
        }
        if (sub == QLatin1String("secret")) {
            const QString name = words.value(2);
            if (name.isEmpty() || words.size() != 3) {
                m_err << "Usage: mhero-admin source secret NAME [--secret-env VAR]   (the secret is read from stdin)\n";
                return kUsage;
            }
            auto url = sql::exec(db, QStringLiteral("SELECT base_url FROM mhero.source WHERE name = ?"), {name});
            if (!url)
                return fail(url.error());
            if (!url->next())
                return fail(Error{QStringLiteral("no-source"), QStringLiteral("There is no source named \"%1\".").arg(name), {}});
            const QUrl baseUrl(url->value(0).toString());
            const QString secret = parser.isSet(secretEnvOption)
                ? qEnvironmentVariable(parser.value(secretEnvOption).toLocal8Bit().constData())
                : m_in.readLine().trimmed();
            if (secret.isEmpty())
                return fail(Error{QStringLiteral("missing-secret"), QStringLiteral("No secret was given."), {}});
            if (Status status = secrets::storeSourceSecret(db, name, baseUrl, secret); !status)
                return fail(status.error());
            m_out << "Stored the secret of \"" << name << "\", sealed to the sync engine's key; it is sent only to "
                  << secrets::originOf(baseUrl) << ".\n";
            return kOk;
        }
        if (sub == QLatin1String("set-url")) {
            const QString name = words.value(2);
            const QUrl baseUrl(parser.value(urlOption));
            if (name.isEmpty() || !parser.isSet(urlOption) || words.size() != 3) {
                m_err << "Usage: mhero-admin source set-url NAME --url URL\n";
                return kUsage;
            }
            if (secrets::originOf(baseUrl).isEmpty())
                return fail(Error{QStringLiteral("invalid-url"),
                                  QStringLiteral("The server address must be an http:// or https:// URL."), baseUrl.toString()});
            auto updated = sql::exec(db,
                                     QStringLiteral("UPDATE mhero.source SET base_url = ?, updated_at = now() "
                                                    "WHERE name = ? RETURNING id"),
                                     {baseUrl.toString(), name});
            if (!updated)
                return fail(updated.error());
            if (!updated->next())
                return fail(Error{QStringLiteral("no-source"), QStringLiteral("There is no source named \"%1\".").arg(name), {}});
            m_out << "\"" << name << "\" now points to " << baseUrl.toString() << ".\n";
            auto invalid = sql::exec(db,
                                     QStringLiteral("SELECT invalid_reason FROM mhero.source_secret WHERE source_id = ?"),
                                     {updated->value(0)});
            if (invalid && invalid->next() && !invalid->value(0).isNull())
                m_out << "Its secret must be entered again: mhero-admin source secret " << name << "\n";
            return kOk;
        }
        if (sub == QLatin1String("list")) {
            auto query = sql::exec(
                db,
                QStringLiteral(
                    "SELECT s.name, s.kind, coalesce(s.base_url, ''), s.enabled, "
                    "coalesce(to_char(st.last_success_at, 'YYYY-MM-DD HH24:MI'), 'never'), coalesce(st.last_error, ''), "
                    "CASE WHEN k.source_id IS NULL THEN '' WHEN k.invalid_reason IS NOT NULL THEN "
                    "'must be entered again (' || CASE k.invalid_reason WHEN 'url_changed' THEN 'the URL changed' "
                    "WHEN 'upgrade' THEN 'stored before secrets were sealed' WHEN 'key_replaced' THEN "
                    "'the engine key was replaced' ELSE k.invalid_reason END || '): mhero-admin source secret ' "
                    "|| s.name ELSE 'sealed to engine key ' || k.key_id || ', sent only to ' || k.origin END "
                    "FROM mhero.source s LEFT JOIN mhero.sync_state st ON st.source_id = s.id "
                    "AND st.job = CASE s.kind WHEN 'rapidpro' THEN 'messages_in' ELSE 'directory' END "
                    "LEFT JOIN mhero.source_secret k ON k.source_id = s.id "
                    "ORDER BY s.name"));
            if (!query)
                return fail(query.error());
            m_out << qSetFieldWidth(20) << Qt::left << "NAME" << qSetFieldWidth(10) << "KIND" << qSetFieldWidth(9)
                  << "ENABLED" << qSetFieldWidth(18) << "LAST SYNC" << qSetFieldWidth(0) << "URL\n";
            while (query->next()) {
                m_out << qSetFieldWidth(20) << query->value(0).toString() << qSetFieldWidth(10)
                      << query->value(1).toString() << qSetFieldWidth(9) << (query->value(3).toBool() ? "yes" : "no")
                      << qSetFieldWidth(18) << query->value(4).toString() << qSetFieldWidth(0)
                      << query->value(2).toString() << "\n";
                if (!query->value(6).toString().isEmpty())
                    m_out << "    secret: " << query->value(6).toString() << "\n";
                if (!query->value(5).toString().isEmpty())
                    m_out << "    last error: " << query->value(5).toString() << "\n";
            }
            return kOk;
        }
        if (sub == QLatin1String("quarantine") && words.size() == 3) {
            const QString name = words.value(2);
            auto entries = messaging::quarantinedEntries(db, name);
            if (!entries)
                return fail(entries.error());
            if (entries->isEmpty()) {
                m_out << "Nothing from \"" << name << "\" was set aside.\n";
                return kOk;
            }
            for (const messaging::QuarantinedEntry& entry : *entries)
                m_out << entry.lastSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
                      << entry.externalId << "  " << entry.reason << "\n    " << entry.entry << "\n";
            if (!parser.isSet(clearOption)) {
                m_out << entries->size() << " entries set aside. Once dealt with (e.g. the contact fixed in "
                      << "RapidPro): mhero-admin source quarantine " << name << " --clear\n";
                return kOk;
            }
            auto cleared = messaging::clearQuarantine(db, name);
            if (!cleared)
                return fail(cleared.error());
            m_out << "Forgot " << *cleared << " entries.\n";
            return kOk;
        }
        m_err << "Usage: mhero-admin source add fhir|rapidpro NAME --url URL … | source secret NAME | "
                 "source set-url NAME --url URL | source list | source quarantine NAME [--clear]\n";
        return kUsage;
    }
    if (command == QLatin1String("sync")) {
        if (!parser.isSet(onceOption)) {
            m_err << "mhero-admin runs one sync with --once; the scheduled sync is mhero-server's job.\n";
            return kUsage;
        }
        // A named source is of one kind; without a name, every enabled source of every kind.
        QString kind;
        if (!sub.isEmpty()) {
            auto found = sql::exec(db, QStringLiteral("SELECT kind FROM mhero.source WHERE name = ?"), {sub});
            if (!found)
                return fail(found.error());
            if (!found->next())
                return fail(Error{QStringLiteral("no-source"), QStringLiteral("There is no source named \"%1\".").arg(sub), {}});
            kind = found->value(0).toString();
        }
        // The engine's key opens the secrets; without it, sources with secrets say so and fail.
        QString keyFile = parser.value(engineKeyOption);
        if (keyFile.isEmpty() && qEnvironmentVariableIsEmpty("MHERO_ENGINE_KEY") && connInfo.isEmpty()
            && parser.isSet(localOption))
            keyFile = QDir(cluster.baseDir()).filePath(QStringLiteral("engine.key"));
        keyFile = secrets::keyPath(keyFile);
        auto engineKey = secrets::loadEngineKey(db, keyFile, false);
        const secrets::EngineKey* key = engineKey ? &engineKey.value() : nullptr;
        const auto explainKey = [&engineKey](auto& list) {
            for (auto& source : list)
                if (!engineKey && source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
                    source.secretError = engineKey.error(); // what IT needs to read
        };
        int exitCode = kOk;
        if (kind.isEmpty() || kind == QLatin1String("rapidpro")) {
            auto channels = rapidpro::loadRapidProSources(db, sub, key);
            if (!channels)
                return fail(channels.error());
            explainKey(*channels);
            for (const rapidpro::RapidProSource& source : std::as_const(*channels))
                if (syncRapidProOnce(db, source) != kOk)
                    exitCode = kFailed;
            if (kind == QLatin1String("rapidpro"))
                return exitCode;
        }
        auto sources = fhir::loadFhirSources(db, sub, key);
        if (!sources)
            return fail(sources.error());
        explainKey(*sources);
        if (sources->isEmpty() && kind.isEmpty()) {
            m_out << "No FHIR sources are configured (mhero-admin source add fhir …).\n";
            return exitCode;
        }
        for (const fhir::FhirSource& source : std::as_const(*sources)) {
            m_out << "Syncing \"" << source.name << "\" from " << source.baseUrl.toString() << " …\n";
            m_out.flush();
            QEventLoop loop;
            mhero::sources::SyncReport report;
            const auto job = fhir::createSync(db, source);
            mhero::sources::SyncProgress progress(db, source.id);
            QObject::connect(job.get(), &mhero::sources::SourceAdapter::progress, &loop,
                             [&](const QString& pass, int pages, int resources) {
                                 if (progress.report(pass, pages, resources)) {
                                     m_out << "  " << pass << ": " << pages << " pages, " << resources
                                           << " resources so far\n";
                                     m_out.flush();
                                 }
                             });
            QObject::connect(job.get(), &mhero::sources::SourceAdapter::finished, &loop,
                             [&](const mhero::sources::SyncReport& r) {
                                 progress.clear();
                                 report = r;
                                 loop.quit();
                             });
            job->start();
            loop.exec();
            m_out << "  " << report.pages << " pages: " << report.people << " people, " << report.roles << " roles, "
                  << report.places << " places, " << report.codes << " codes, " << report.deleted << " deleted, "
                  << report.invalidPhones << " invalid phone numbers; " << report.retries << " retries; "
                  << QString::number(report.elapsedMs / 1000.0, 'f', 1) << " s\n";
            for (const QString& problem : std::as_const(report.problems).mid(0, 20))
                m_out << "  warning: " << problem << "\n";
            if (report.problems.size() > 20)
                m_out << "  … and " << report.problems.size() - 20 << " more warnings\n";
            if (report.error) {
                fail(*report.error);
                exitCode = kFailed;
            }
        }
        return exitCode;
    }
    if (command == QLatin1String("setting")) {
        const QString key = words.value(2);
        const auto print = [this](const settings::Setting& s, bool verbose) {
            m_out << qSetFieldWidth(34) << Qt::left << s.key << qSetFieldWidth(16)
                  << (s.value.isEmpty() ? QStringLiteral("(default)") : s.value) << qSetFieldWidth(0) << s.allowed
                  << "\n";
            if (verbose) {
                m_out << "  " << s.description << "\n";
                if (s.updatedAt.isValid())
                    m_out << "  Last changed " << s.updatedAt.toLocalTime().toString(Qt::ISODate) << " by "
                          << s.updatedBy << ".\n";
            }
        };
        if (sub == QLatin1String("list") && words.size() == 2) {
            auto all = settings::list(db);
            if (!all)
                return fail(all.error());
            m_out << qSetFieldWidth(34) << Qt::left << "KEY" << qSetFieldWidth(16) << "VALUE" << qSetFieldWidth(0)
                  << "ALLOWED\n";
            for (const settings::Setting& s : *all)
                print(s, false);
            return kOk;
        }
        if (sub == QLatin1String("get") && words.size() == 3) {
            auto one = settings::get(db, key);
            if (!one)
                return fail(one.error());
            print(*one, true);
            return kOk;
        }
        if (sub == QLatin1String("set") && words.size() == 4) {
            if (Status status = settings::set(db, key, words.value(3)); !status)
                return fail(status.error());
            auto one = settings::get(db, key);
            if (!one)
                return fail(one.error());
            m_out << "Set " << key << " to " << one->value << ".\n";
            return kOk;
        }
        m_err << "Usage: mhero-admin setting list | get KEY | set KEY VALUE\n";
        return kUsage;
    }
    if (command == QLatin1String("templates")) {
        const QString path = words.value(2);
        if ((sub != QLatin1String("export") && sub != QLatin1String("import")) || path.isEmpty()) {
            m_err << "Usage: mhero-admin templates export|import FILE.json\n";
            return kUsage;
        }
        if (sub == QLatin1String("export")) {
            auto json = templates::exportJson(db);
            if (!json)
                return fail(json.error());
            if (path == QLatin1String("-")) {
                m_out << QString::fromUtf8(*json);
                return kOk;
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*json) != json->size())
                return fail(Error{QStringLiteral("file"), QStringLiteral("Cannot write %1").arg(path), file.errorString()});
            const auto count = QJsonDocument::fromJson(*json).object().value(QStringLiteral("templates")).toArray().size();
            m_out << "Exported " << count << " approved templates to " << path << ".\n";
            return kOk;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error{QStringLiteral("file"), QStringLiteral("Cannot read %1").arg(path), file.errorString()});
        auto imported = templates::importJson(db, file.readAll());
        if (!imported)
            return fail(imported.error());
        m_out << "Imported " << path << ": " << imported->created << " new templates, " << imported->updated
              << " new draft versions of existing templates. They await a supervisor's approval.\n";
        return kOk;
    }
    if (command == QLatin1String("import")) {
        const QString path = sub;
        QFile file(path);
        if (path.isEmpty()) {
            m_err << "Usage: mhero-admin import FILE.json [--source NAME] [--region LR]\n";
            return kUsage;
        }
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error{QStringLiteral("file"), QStringLiteral("Cannot read %1").arg(path), file.errorString()});
        QStringList skipped;
        auto imported = fhir::importBundleFile(db, parser.value(sourceOption), parser.value(regionOption).toUpper(),
                                               file.readAll(), &skipped);
        // Every entry left out is named, with why, whether or not the rest could be imported.
        for (const QString& problem : std::as_const(skipped))
            m_err << path << ": " << problem << "\n";
        if (!imported)
            return fail(imported.error());
        m_out << "Imported " << path << " as source \"" << parser.value(sourceOption) << "\": " << imported->people
              << " people, " << imported->roles << " roles, " << imported->places << " places, " << imported->codes
              << " codes, " << imported->deleted << " deleted, " << imported->invalidPhones
              << " invalid phone numbers";
        if (!skipped.isEmpty())
            m_out << "; " << skipped.size() << " problems (listed above)";
        m_out << ".\n";
        return kOk;
    }
    return kUsage;
}

int AdminCli::syncRapidProOnce(QSqlDatabase& db, const rapidpro::RapidProSource& source)
{
    const auto fail = [this](const Error& error) {
        m_err << "error: " << error.toString() << "\n";
        return kFailed;
    };
    const QString key = QStringLiteral("hashtextextended('mhero.sync.channel.%1', 0)").arg(source.id);
    auto locked = sql::scalar(db, QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(key));
    if (!locked)
        return fail(locked.error());
    if (!locked->toBool()) {
        m_out << "\"" << source.name << "\" is served by a running sync engine (mhero-server); skipped.\n";
        return kOk;
    }
    const auto unlock = qScopeGuard([&] { (void)sql::scalar(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key)); });
    m_out << "Syncing \"" << source.name << "\" (RapidPro at " << source.baseUrl.toString() << ") …\n";
    m_out.flush();
    rapidpro::RapidProSync job(source, db, QStringLiteral("mhero-admin:%1").arg(QCoreApplication::applicationPid()));
    int exitCode = kOk;
    const auto report = [&](const char* what, const auto& result, const auto& describe) {
        if (result)
            m_out << "  " << what << ": " << describe(*result) << "\n";
        else {
            m_out << "  " << what << ": failed\n";
            fail(result.error());
            exitCode = kFailed;
        }
        m_out.flush();
    };
    const auto count = [](int n) { return QString::number(n); };
    report("contacts changed", await<int>([&](auto done) { job.pollContacts(done); }), count);
    report("new inbound messages", await<int>([&](auto done) { job.pollInbound(done); }), count);
    report("outbox", await<channels::SendReport>([&](auto done) { job.sendOutbox(done); }),
           [](const channels::SendReport& r) {
               return QStringLiteral("%1 sent, %2 found already sent, %3 to retry, %4 failed, %5 throttled")
                   .arg(r.sent).arg(r.adopted).arg(r.retrying).arg(r.failed).arg(r.throttled);
           });
    report("delivery statuses changed", await<int>([&](auto done) { job.pollStatuses(done); }), count);
    return exitCode;
}

} // namespace mhero
