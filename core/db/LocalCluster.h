#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"

#include <QString>
#include <QStringList>

namespace mhero {

/// A private PostgreSQL cluster managed by mHero itself ("This computer" in the sign-in dialog,
/// the demo, and the test suite): initdb + pg_ctl under one folder, listening only on a Unix
/// socket in that folder (on Windows: 127.0.0.1), never touching a system service.
///
/// Layout under baseDir(): data/ (the cluster), run/ (socket), log/postgresql.log, and
/// dba-password (the cluster superuser "mhero_dba"'s password, readable only by its owner).
/// PostgreSQL refuses to run as root; when mHero runs as root the server runs as the system user
/// "postgres" (MHERO_PG_RUN_AS overrides) and the folder must be reachable by that user.
///
/// All calls block (they run initdb, pg_ctl, …): call them from a worker thread or a CLI.
class LocalCluster final
{
public:
    static constexpr QLatin1StringView kSuperuser{"mhero_dba"};

    struct InitOptions
    {
        int port = 0; ///< 0: pick a free one
        /// Skip fsync and friends: for throw-away test clusters only, never for real data.
        bool throwAway = false;
    };

    /// The default folder: <user data dir>/local-db, or /var/lib/mhero/local-db for root
    /// (root's home is unreachable for the "postgres" user). MHERO_LOCAL_DB overrides.
    static QString defaultBaseDir();

    /// Finds initdb and pg_ctl: MHERO_PG_BINDIR, `pg_config --bindir`, the newest
    /// /usr/lib/postgresql/N/bin, then PATH.
    static Result<QString> findBinDir();

    /// A TCP port nobody listens on now.
    static int findFreePort();

    /// This computer's physical memory in bytes, 0 when it cannot be read.
    static qint64 physicalMemory();

    /// The memory lines of a private cluster's configuration for a computer with @p physicalBytes
    /// of memory (0: unknown). PostgreSQL's defaults (128 MB of shared buffers) are sized for the
    /// smallest machines: a national directory of a million people (about 370 MB of rows and
    /// 250 MB of search indexes) then comes from the operating system page by page, and every
    /// large search evicts the pages others need. The private cluster shares the workstation with
    /// the console and everything else, so it takes an eighth of the memory for shared buffers
    /// (at least 128 MB, at most 1 GB), tells the planner that half of it caches files, and gives
    /// index builds (a first sync rebuilds the search indexes) a thirty-second, 64–512 MB.
    /// A throw-away cluster (tests) keeps the smallest sizes.
    static QString memoryConfig(qint64 physicalBytes, bool throwAway = false);

    explicit LocalCluster(QString baseDir = defaultBaseDir());

    [[nodiscard]] QString baseDir() const { return m_baseDir; }
    [[nodiscard]] QString dataDir() const;
    [[nodiscard]] QString socketDir() const;
    [[nodiscard]] QString logFile() const;

    /// True when the folder holds an initialised cluster.
    [[nodiscard]] bool exists() const;
    [[nodiscard]] bool isRunning() const;
    /// The port written at init time (0 if none).
    [[nodiscard]] int port() const;

    Status init(const InitOptions& options) const;
    /// Starts the server if it is not running, waiting until it accepts connections.
    Status start(int timeoutSeconds = 60) const;
    Status stop(int timeoutSeconds = 60) const;
    /// Stops the server if it runs, then deletes the whole folder.
    Status destroy() const;

    /// Connects as the cluster superuser (migrations, demo data, test set-up).
    [[nodiscard]] Result<ConnectionSettings> superuserSettings(const QString& database
                                                               = QStringLiteral("postgres")) const;
    /// Connects as an ordinary user of this cluster.
    [[nodiscard]] ConnectionSettings userSettings(const QString& user, const QString& password,
                                                  const QString& database) const;

    /// Makes the cluster ready for the console: starts it if needed, creates @p database if
    /// missing and applies pending migrations as the superuser. Returns how many were applied.
    Result<int> prepare(const QString& database = QStringLiteral("mhero")) const;

    /// Creates @p database (owned by the superuser) unless it exists; true if it was created.
    Result<bool> ensureDatabase(const QString& database, const QString& templateDatabase = {}) const;

private:
    Result<QString> runTool(const QString& tool, const QStringList& arguments, int timeoutSeconds,
                            int* exitCode = nullptr) const;
    [[nodiscard]] QString passwordFile() const;
    [[nodiscard]] QString configFile() const;

    QString m_baseDir;
};

} // namespace mhero
