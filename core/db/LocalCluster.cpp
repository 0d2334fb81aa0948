#include "db/LocalCluster.h"

#include "db/Connection.h"
#include "db/Migrator.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVersionNumber>

#include <algorithm>

#ifdef Q_OS_WIN
#include <windows.h>
#endif
#ifdef Q_OS_UNIX
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mhero {

namespace {

Error clusterError(const QString& message, const QString& detail = {})
{
    return Error{QStringLiteral("local-cluster"), message, detail};
}

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

QString runAsUser()
{
    const QString user = qEnvironmentVariable("MHERO_PG_RUN_AS");
    return user.isEmpty() ? QStringLiteral("postgres") : user;
}

QString randomSecret(int length)
{
    static const QLatin1StringView alphabet{"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"};
    QString secret;
    secret.reserve(length);
    auto* random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        secret += alphabet.at(int(random->bounded(alphabet.size())));
    return secret;
}

/// Hands @p path to the user the server runs as (root only) and makes it private to them.
Status makePrivate(const QString& path)
{
#ifdef Q_OS_UNIX
    if (runningAsRoot()) {
        const QByteArray user = runAsUser().toLocal8Bit();
        const passwd* account = ::getpwnam(user.constData());
        if (!account)
            return clusterError(
                QCoreApplication::translate("mhero::LocalCluster",
                                            "PostgreSQL cannot run as root, and the system user \"%1\" does not exist.")
                    .arg(QString::fromLocal8Bit(user)),
                QCoreApplication::translate("mhero::LocalCluster",
                                            "Install the postgresql package, or set MHERO_PG_RUN_AS to another user."));
        if (::chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) != 0)
            return clusterError(
                QCoreApplication::translate("mhero::LocalCluster", "Cannot make the user \"%2\" the owner of %1.")
                    .arg(path, QString::fromLocal8Bit(user)));
    }
    ::chmod(QFile::encodeName(path).constData(), 0700);
#else
    Q_UNUSED(path)
#endif
    return {};
}
} // namespace

QString LocalCluster::defaultBaseDir()
{
    if (const QString dir = qEnvironmentVariable("MHERO_LOCAL_DB"); !dir.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(dir));
    if (runningAsRoot())
        return QStringLiteral("/var/lib/mhero/local-db");
    QString dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dataDir).filePath(QStringLiteral("mhero/local-db"));
}

Result<QString> LocalCluster::findBinDir()
{
    const auto hasTools = [](const QString& dir) {
        return QFileInfo(QDir(dir).filePath(QStringLiteral("initdb"))).isExecutable()
            || QFileInfo(QDir(dir).filePath(QStringLiteral("initdb.exe"))).isExecutable();
    };
    if (const QString dir = qEnvironmentVariable("MHERO_PG_BINDIR"); !dir.isEmpty()) {
        if (hasTools(dir))
            return dir;
        return clusterError(
            QCoreApplication::translate("mhero::LocalCluster", "MHERO_PG_BINDIR (%1) does not contain initdb.")
                .arg(dir));
    }
    // Debian/Ubuntu keep the server tools out of PATH, one folder per major version: take the newest.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(), [](const QString& a, const QString& b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString& major : majors) {
        const QString dir = versions.filePath(major + QStringLiteral("/bin"));
        if (hasTools(dir))
            return dir;
    }
    QProcess pgConfig;
    pgConfig.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
        if (hasTools(dir))
            return dir;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty())
        return QFileInfo(initdb).absolutePath();
    return clusterError(QCoreApplication::translate("mhero::LocalCluster",
                                                    "PostgreSQL server programs (initdb, pg_ctl) were not found."),
                        QCoreApplication::translate(
                            "mhero::LocalCluster",
                            "Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) or set MHERO_PG_BINDIR."));
}

int LocalCluster::findFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

LocalCluster::LocalCluster(QString baseDir)
    : m_baseDir(QDir::cleanPath(std::move(baseDir)))
{ }

QString LocalCluster::dataDir() const
{
    return m_baseDir + QStringLiteral("/data");
}

QString LocalCluster::socketDir() const
{
    return m_baseDir + QStringLiteral("/run");
}

QString LocalCluster::logFile() const
{
    return m_baseDir + QStringLiteral("/log/postgresql.log");
}

QString LocalCluster::passwordFile() const
{
    return m_baseDir + QStringLiteral("/dba-password");
}

QString LocalCluster::configFile() const
{
    return dataDir() + QStringLiteral("/mhero.conf");
}

bool LocalCluster::exists() const
{
    return QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION")) && QFileInfo::exists(passwordFile());
}

int LocalCluster::port() const
{
    QFile file(configFile());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression portLine(QStringLiteral("^port\\s*=\\s*(\\d+)"),
                                             QRegularExpression::MultilineOption);
    const auto match = portLine.match(QString::fromUtf8(file.readAll()));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

Result<QString> LocalCluster::runTool(const QString& tool, const QStringList& arguments, int timeoutSeconds,
                                      int* exitCode) const
{
    auto binDir = findBinDir();
    if (!binDir)
        return binDir.error();
    QString program = QDir(*binDir).filePath(tool);
    QStringList args = arguments;
    if (runningAsRoot()) {
        args.prepend(program);
        args = QStringList{QStringLiteral("-u"), runAsUser(), QStringLiteral("--")} + args;
        program = QStringLiteral("runuser");
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_baseDir);
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(program, args);
    if (!process.waitForStarted(10'000))
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "Cannot run %1.").arg(program),
                            process.errorString());
    if (!process.waitForFinished(timeoutSeconds * 1000)) {
        process.kill();
        process.waitForFinished(2000);
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "%1 did not finish within %2 s.")
                                .arg(tool)
                                .arg(timeoutSeconds));
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (exitCode) {
        *exitCode = process.exitCode();
        return output;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "%1 failed (exit code %2).")
                                .arg(tool)
                                .arg(process.exitCode()),
                            output.trimmed());
    return output;
}

Status LocalCluster::init(const InitOptions& options) const
{
    if (exists())
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "A local database already exists in %1.")
                                .arg(m_baseDir));
    QDir base(m_baseDir);
    if (!base.mkpath(QStringLiteral("data")) || !base.mkpath(QStringLiteral("run"))
        || !base.mkpath(QStringLiteral("log")))
        return clusterError(
            QCoreApplication::translate("mhero::LocalCluster", "Cannot create the folder %1.").arg(m_baseDir));
#ifdef Q_OS_UNIX
    // The server user only needs to pass through the base folder.
    ::chmod(QFile::encodeName(m_baseDir).constData(), runningAsRoot() ? 0711 : 0700);
#endif
    for (const QString& dir : {dataDir(), socketDir(), QString(m_baseDir + QStringLiteral("/log"))})
        if (Status status = makePrivate(dir); !status)
            return status;
    if (runningAsRoot()) {
        QProcess probe;
        probe.start(QStringLiteral("runuser"),
                    {QStringLiteral("-u"), runAsUser(), QStringLiteral("--"), QStringLiteral("test"),
                     QStringLiteral("-w"), dataDir()});
        if (!probe.waitForFinished(10'000) || probe.exitCode() != 0)
            return clusterError(
                QCoreApplication::translate(
                    "mhero::LocalCluster",
                    "The folder %1 cannot be reached by the user \"%2\" that PostgreSQL runs as "
                    "(it refuses to run as root).")
                    .arg(m_baseDir, runAsUser()),
                QCoreApplication::translate(
                    "mhero::LocalCluster",
                    "Choose a folder outside root's home, for example with MHERO_LOCAL_DB=/var/lib/mhero/local-db."));
    }

    // The superuser's password: kept beside the cluster, readable only by the account that owns it.
    const QString password = randomSecret(32);
    const QString initPasswordFile = socketDir() + QStringLiteral("/initdb-password");
    for (const QString& path : {passwordFile(), initPasswordFile}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return clusterError(QCoreApplication::translate("mhero::LocalCluster", "Cannot write %1.").arg(path),
                                file.errorString());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.write(password.toUtf8() + '\n');
    }
    if (Status status = makePrivate(initPasswordFile); !status)
        return status;

    QStringList initdbArguments{QStringLiteral("--pgdata=") + dataDir(),
                                QStringLiteral("--username=") + kSuperuser,
                                QStringLiteral("--pwfile=") + initPasswordFile,
                                QStringLiteral("--auth=scram-sha-256"),
                                QStringLiteral("--encoding=UTF8"),
                                QStringLiteral("--locale=C.UTF-8"),
                                QStringLiteral("--no-instructions")};
    if (options.throwAway)
        initdbArguments << QStringLiteral("--no-sync");
    auto output = runTool(QStringLiteral("initdb"), initdbArguments, 180);
    QFile::remove(initPasswordFile);
    if (!output)
        return output.error();

    const int port = options.port > 0 ? options.port : findFreePort();
    QString config
        = QStringLiteral("# Written by mHero (LocalCluster::init). Private cluster: local connections only.\n");
#ifdef Q_OS_WIN
    config += QStringLiteral("listen_addresses = '127.0.0.1'\n");
#else
    config += QStringLiteral("listen_addresses = ''\n");
    config += QStringLiteral("unix_socket_directories = '%1'\n").arg(socketDir());
    config += QStringLiteral("unix_socket_permissions = 0700\n");
#endif
    config += QStringLiteral("port = %1\n").arg(port);
    config += QStringLiteral("password_encryption = scram-sha-256\n");
    config += QStringLiteral("max_connections = 200\n");
    config += memoryConfig(options.throwAway ? 0 : physicalMemory(), options.throwAway);
    config += QStringLiteral("log_min_messages = warning\n");
    config += QStringLiteral("log_line_prefix = '%m [%p] %q%u@%d '\n");
    if (options.throwAway)
        config += QStringLiteral("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
    {
        QFile file(configFile());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return clusterError(
                QCoreApplication::translate("mhero::LocalCluster", "Cannot write %1.").arg(configFile()),
                file.errorString());
        file.write(config.toUtf8());
    }
    if (Status status = makePrivate(configFile()); !status)
        return status;
    QFile conf(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append))
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "Cannot write %1.").arg(conf.fileName()),
                            conf.errorString());
    conf.write("\ninclude_if_exists = 'mhero.conf'\n");
    return {};
}

qint64 LocalCluster::physicalMemory()
{
#if defined(Q_OS_WIN)
    MEMORYSTATUSEX status{};
    status.dwLength = sizeof(status);
    return GlobalMemoryStatusEx(&status) ? qint64(status.ullTotalPhys) : 0;
#elif defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? qint64(pages) * pageSize : 0;
#else
    return 0;
#endif
}

QString LocalCluster::memoryConfig(qint64 physicalBytes, bool throwAway)
{
    constexpr qint64 MB = 1024 * 1024;
    const qint64 memoryMB = throwAway ? 0 : physicalBytes / MB;
    const qint64 sharedBuffers = std::clamp<qint64>(memoryMB / 8, 128, 1024);
    const qint64 maintenance = std::clamp<qint64>(memoryMB / 32, 64, 512);
    // The planner's default (4 GB) assumes more file cache than a small workstation has.
    const qint64 cache = memoryMB > 0 ? std::max<qint64>(memoryMB / 2, 2 * sharedBuffers) : 4096;
    return QStringLiteral("shared_buffers = %1MB\nmaintenance_work_mem = %2MB\neffective_cache_size = %3MB\n")
        .arg(sharedBuffers)
        .arg(maintenance)
        .arg(cache);
}

bool LocalCluster::isRunning() const
{
    if (!exists())
        return false;
    int exitCode = -1;
    auto output = runTool(QStringLiteral("pg_ctl"), {QStringLiteral("status"), QStringLiteral("--pgdata=") + dataDir()},
                          30, &exitCode);
    return output.ok() && exitCode == 0;
}

Status LocalCluster::start(int timeoutSeconds) const
{
    if (!exists())
        return clusterError(
            QCoreApplication::translate("mhero::LocalCluster", "There is no local database in %1 yet.").arg(m_baseDir),
            QCoreApplication::translate("mhero::LocalCluster",
                                        "Create it with \"mhero-admin local init\" (scripts/demo does this)."));
    if (isRunning())
        return {};
    auto output = runTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("start"), QStringLiteral("--pgdata=") + dataDir(),
                           QStringLiteral("--log=") + logFile(), QStringLiteral("--wait"),
                           QStringLiteral("--timeout=%1").arg(timeoutSeconds), QStringLiteral("--silent")},
                          timeoutSeconds + 10);
    if (!output) {
        QFile log(logFile());
        QString tail;
        if (log.open(QIODevice::ReadOnly))
            tail = QString::fromUtf8(log.readAll().right(2000));
        return clusterError(
            QCoreApplication::translate("mhero::LocalCluster", "The local database server did not start."),
            output.error().detail + QLatin1Char('\n') + tail);
    }
    return {};
}

Status LocalCluster::stop(int timeoutSeconds) const
{
    if (!isRunning())
        return {};
    auto output = runTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("stop"), QStringLiteral("--pgdata=") + dataDir(),
                           QStringLiteral("--mode=fast"), QStringLiteral("--wait"),
                           QStringLiteral("--timeout=%1").arg(timeoutSeconds), QStringLiteral("--silent")},
                          timeoutSeconds + 10);
    if (!output)
        return output.error();
    return {};
}

Status LocalCluster::destroy() const
{
    if (exists())
        if (Status status = stop(); !status)
            return status;
    if (!QDir(m_baseDir).removeRecursively())
        return clusterError(QCoreApplication::translate("mhero::LocalCluster", "Cannot delete %1.").arg(m_baseDir));
    return {};
}

Result<ConnectionSettings> LocalCluster::superuserSettings(const QString& database) const
{
    QFile file(passwordFile());
    if (!file.open(QIODevice::ReadOnly))
        return clusterError(QCoreApplication::translate("mhero::LocalCluster",
                                                        "Cannot read the local database's administrator password (%1).")
                                .arg(passwordFile()),
                            file.errorString());
    return userSettings(QString(kSuperuser), QString::fromUtf8(file.readAll()).trimmed(), database);
}

ConnectionSettings LocalCluster::userSettings(const QString& user, const QString& password,
                                              const QString& database) const
{
    ConnectionSettings settings;
#ifdef Q_OS_WIN
    settings.host = QStringLiteral("127.0.0.1");
#else
    settings.host = socketDir();
#endif
    settings.port = port();
    settings.user = user;
    settings.password = password;
    settings.database = database;
    settings.connectTimeoutSeconds = 10;
    return settings;
}

Result<int> LocalCluster::prepare(const QString& database) const
{
    if (Status status = start(); !status)
        return status.error();
    auto created = ensureDatabase(database);
    if (!created)
        return created.error();
    auto settings = superuserSettings(database);
    if (!settings)
        return settings.error();
    auto connection = ScopedConnection::open(*settings, QStringLiteral("local-prepare"));
    if (!connection)
        return connection.error();
    return Migrator().migrate(connection->db());
}

Result<bool> LocalCluster::ensureDatabase(const QString& database, const QString& templateDatabase) const
{
    auto settings = superuserSettings();
    if (!settings)
        return settings.error();
    auto connection = ScopedConnection::open(*settings, QStringLiteral("local-admin"));
    if (!connection)
        return connection.error();
    auto found = sql::scalar(connection->db(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"),
                             {database});
    if (!found)
        return found.error();
    if (found->toInt() > 0)
        return false;
    QString statement = QStringLiteral("CREATE DATABASE %1").arg(sql::quoteIdentifier(database));
    if (!templateDatabase.isEmpty())
        statement += QStringLiteral(" TEMPLATE %1").arg(sql::quoteIdentifier(templateDatabase));
    if (auto created = sql::exec(connection->db(), statement); !created)
        return created.error();
    // A copy of a migrated database does not inherit its database-wide grants (pg_database).
    if (!templateDatabase.isEmpty())
        if (Status locked = Migrator::lockDownDatabase(connection->db(), database); !locked)
            return locked.error();
    return true;
}

} // namespace mhero
