#include "db/Migrator.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>

#include <algorithm>

namespace mhero {

namespace {
// Key of the session advisory lock that serialises migrators ("mhero" in ASCII).
constexpr qint64 kMigrationLock = 0x6d6865726fLL;

const QByteArray kBootstrap = QByteArrayLiteral("SET client_min_messages = warning;\n"
                                                "CREATE SCHEMA IF NOT EXISTS mhero;\n"
                                                "CREATE TABLE IF NOT EXISTS mhero.schema_migrations (\n"
                                                "    version    integer PRIMARY KEY,\n"
                                                "    name       text NOT NULL,\n"
                                                "    checksum   text NOT NULL,\n"
                                                "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                                                "    applied_by name NOT NULL DEFAULT session_user\n"
                                                ");\n"
                                                "CREATE TABLE IF NOT EXISTS mhero.schema_definitions (\n"
                                                "    name       text PRIMARY KEY,\n"
                                                "    checksum   text NOT NULL,\n"
                                                "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                                                "    applied_by name NOT NULL DEFAULT session_user\n"
                                                ");\n"
                                                "RESET client_min_messages;\n");

/// Runs @p scripts (multi-statement, through libpq) in one transaction: all or nothing, and the
/// connection is usable afterwards either way.
Status runScripts(QSqlDatabase& db, const QList<QByteArray>& scripts)
{
    Status step = sql::execScript(db, "BEGIN");
    for (const QByteArray& script : scripts)
        if (step)
            step = sql::execScript(db, script);
    if (step)
        step = sql::execScript(db, "COMMIT");
    if (!step)
        (void)sql::execScript(db, "ROLLBACK");
    return step;
}

QString checksumOf(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

QList<Migration> Migrator::bundled()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> result;
    const QDir dir(QStringLiteral(":/sql/migrations"));
    for (const QString& fileName : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(fileName);
        Q_ASSERT_X(match.hasMatch(), "Migrator::bundled", "migration file names are NNNN_name.sql");
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Migration migration;
        migration.version = match.captured(1).toInt();
        migration.name = match.captured(2);
        migration.sql = file.readAll();
        migration.checksum = checksumOf(migration.sql);
        result.append(migration);
    }
    return result;
}

QList<Definition> Migrator::bundledDefinitions()
{
    static const QRegularExpression pattern(QStringLiteral("^([a-z][a-z0-9_]*)\\.sql$"));
    QList<Definition> result;
    const QDir dir(QStringLiteral(":/sql/functions"));
    for (const QString& fileName : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(fileName);
        Q_ASSERT_X(match.hasMatch(), "Migrator::bundledDefinitions", "definition file names are name.sql");
        QFile file(dir.filePath(fileName));
        if (!match.hasMatch() || !file.open(QIODevice::ReadOnly))
            continue;
        Definition definition;
        definition.name = match.captured(1);
        definition.sql = file.readAll();
        definition.checksum = checksumOf(definition.sql);
        result.append(definition);
    }
    return result;
}

Migrator::Migrator(QList<Migration> migrations, QList<Definition> definitions)
    : m_migrations(std::move(migrations))
    , m_definitions(std::move(definitions))
{
    std::sort(m_definitions.begin(), m_definitions.end(),
              [](const Definition& a, const Definition& b) { return a.name < b.name; });
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

Result<SchemaStatus> Migrator::status(QSqlDatabase& db) const
{
    SchemaStatus status;
    status.latest = latestVersion();
    auto exists = sql::scalar(db, QStringLiteral("SELECT to_regclass('mhero.schema_migrations') IS NOT NULL"));
    if (!exists)
        return exists.error();
    QList<int> applied;
    if (exists->toBool()) {
        auto query = sql::exec(db, QStringLiteral("SELECT version FROM mhero.schema_migrations ORDER BY version"));
        if (!query)
            return query.error();
        while (query->next())
            applied.append(query->value(0).toInt());
    }
    status.current = applied.isEmpty() ? 0 : applied.constLast();
    for (const Migration& migration : m_migrations)
        if (!applied.contains(migration.version))
            status.pending.append(migration.version);
    // Definitions: only the owner and administrators may read their bookkeeping; for the others
    // the list stays empty (checkCompatible() does not look at it).
    auto readable = sql::scalar(db, QStringLiteral("SELECT CASE WHEN to_regclass('mhero.schema_definitions') IS NULL "
                                                   "THEN false ELSE has_table_privilege('mhero.schema_definitions', "
                                                   "'SELECT') END"));
    if (!readable)
        return readable.error();
    if (readable->toBool() || status.current == 0) {
        QHash<QString, QString> recorded;
        if (readable->toBool()) {
            auto query = sql::exec(db, QStringLiteral("SELECT name, checksum FROM mhero.schema_definitions"));
            if (!query)
                return query.error();
            while (query->next())
                recorded.insert(query->value(0).toString(), query->value(1).toString());
        }
        for (const Definition& definition : m_definitions)
            if (recorded.value(definition.name) != definition.checksum)
                status.pendingDefinitions.append(definition.name);
    }
    return status;
}

Status Migrator::checkCompatible(QSqlDatabase& db) const
{
    auto status = this->status(db);
    if (!status)
        return status.error();
    if (status->current == 0)
        return Error{QStringLiteral("schema-missing"),
                     QCoreApplication::translate(
                         "mhero::Migrator",
                         "This database has no mHero schema yet. An administrator must run \"mhero-admin migrate\"."),
                     {}};
    if (status->current > status->latest)
        return Error{QStringLiteral("schema-newer"),
                     QCoreApplication::translate(
                         "mhero::Migrator",
                         "The database uses schema version %1, but this program knows only up to version %2. "
                         "Install the newer mHero release.")
                         .arg(status->current)
                         .arg(status->latest),
                     {}};
    if (!status->pending.isEmpty())
        return Error{QStringLiteral("schema-older"),
                     QCoreApplication::translate("mhero::Migrator",
                                                 "The database uses schema version %1; this program needs version %2. "
                                                 "An administrator must run \"mhero-admin migrate\".")
                         .arg(status->current)
                         .arg(status->latest),
                     {}};
    return {};
}

Result<int> Migrator::migrate(QSqlDatabase& db, const std::function<void(const Migration&)>& onApply,
                              const std::function<void(const Definition&)>& onDefinition) const
{
    if (Status locked = sql::execScript(db, "SELECT pg_advisory_lock(" + QByteArray::number(kMigrationLock) + ')');
        !locked)
        return locked.error();
    const auto unlock = qScopeGuard(
        [&db] { (void)sql::execScript(db, "SELECT pg_advisory_unlock(" + QByteArray::number(kMigrationLock) + ')'); });

    if (Status bootstrapped = sql::execScript(db, kBootstrap); !bootstrapped)
        return bootstrapped.error();

    QHash<int, QString> applied;
    {
        auto query = sql::exec(db, QStringLiteral("SELECT version, checksum FROM mhero.schema_migrations"));
        if (!query)
            return query.error();
        while (query->next())
            applied.insert(query->value(0).toInt(), query->value(1).toString());
    }
    const int newest = applied.isEmpty() ? 0 : *std::max_element(applied.keyBegin(), applied.keyEnd());
    if (newest > latestVersion())
        return Error{QStringLiteral("schema-newer"),
                     QCoreApplication::translate(
                         "mhero::Migrator",
                         "The database uses schema version %1, but this program knows only up to version %2. "
                         "Use the newer mhero-admin.")
                         .arg(newest)
                         .arg(latestVersion()),
                     {}};

    int count = 0;
    for (const Migration& migration : m_migrations) {
        if (auto it = applied.constFind(migration.version); it != applied.cend()) {
            if (*it != migration.checksum)
                return Error{
                    QStringLiteral("schema-checksum"),
                    QCoreApplication::translate("mhero::Migrator",
                                                "Migration %1 (%2) differs from the one applied to this database.")
                        .arg(migration.version)
                        .arg(migration.name),
                    QCoreApplication::translate("mhero::Migrator",
                                                "A shipped migration must never be edited; add a new one instead.")};
            continue;
        }
        if (onApply)
            onApply(migration);
        const QByteArray record = "INSERT INTO mhero.schema_migrations (version, name, checksum) VALUES ("
            + QByteArray::number(migration.version) + ", " + sql::quoteLiteral(migration.name).toUtf8() + ", "
            + sql::quoteLiteral(migration.checksum).toUtf8() + ')';
        if (Status step = runScripts(db, {migration.sql, record}); !step) {
            const Error& error = step.error();
            return Error{error.code,
                         QCoreApplication::translate("mhero::Migrator", "Migration %1 (%2) failed: %3")
                             .arg(migration.version)
                             .arg(migration.name, error.message),
                         error.detail};
        }
        ++count;
    }
    if (Status defined = applyDefinitions(db, onDefinition); !defined)
        return defined.error();
    if (Status locked = lockDownDatabase(db); !locked)
        return locked.error();
    return count;
}

Status Migrator::applyDefinitions(QSqlDatabase& db, const std::function<void(const Definition&)>& onDefinition) const
{
    QHash<QString, QString> recorded;
    {
        auto query = sql::exec(db, QStringLiteral("SELECT name, checksum FROM mhero.schema_definitions"));
        if (!query)
            return query.error();
        while (query->next())
            recorded.insert(query->value(0).toString(), query->value(1).toString());
    }
    for (const Definition& definition : m_definitions) {
        if (recorded.value(definition.name) == definition.checksum)
            continue;
        if (onDefinition)
            onDefinition(definition);
        // Bodies are checked when called, not when defined (as pg_dump does), so definitions may
        // name each other in any order; the path is the one every mHero function pins.
        const QByteArray record = "INSERT INTO mhero.schema_definitions (name, checksum) VALUES ("
            + sql::quoteLiteral(definition.name).toUtf8() + ", " + sql::quoteLiteral(definition.checksum).toUtf8()
            + ") ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now(), "
              "applied_by = session_user";
        const QByteArray settings = "SET LOCAL check_function_bodies = off; "
                                    "SET LOCAL search_path = mhero, pg_catalog, pg_temp; "
                                    "SET LOCAL client_min_messages = warning";
        if (Status step = runScripts(db, {settings, definition.sql, record}); !step) {
            const Error& error = step.error();
            return Error{error.code,
                         QCoreApplication::translate("mhero::Migrator", "Definition %1 failed: %2")
                             .arg(definition.name, error.message),
                         error.detail};
        }
    }
    // Administrators see what is in force (mhero-admin status).
    return sql::execScript(db, "DO $$ BEGIN IF to_regrole('mhero_admin') IS NOT NULL THEN "
                               "GRANT SELECT ON mhero.schema_definitions TO mhero_admin; END IF; END $$");
}

Status Migrator::lockDownDatabase(QSqlDatabase& db, const QString& database)
{
    // One DO block, so that the name is quoted by the server and the checks and the change see
    // the same catalogue.
    const QByteArray name = database.isEmpty() ? QByteArrayLiteral("pg_catalog.current_database()")
                                               : sql::quoteLiteral(database).toUtf8();
    return sql::execScript(
        db, "DO $lock$\n"
            "DECLARE\n"
            "    db name := " + name + ";\n"
            "BEGIN\n"
            "    IF to_regrole('mhero_service') IS NULL THEN\n"
            "        RETURN;\n"
            "    END IF;\n"
            "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_database d\n"
            "                   WHERE d.datname = db AND pg_catalog.pg_has_role(d.datdba, 'USAGE')) THEN\n"
            "        RETURN;\n"
            "    END IF;\n"
            "    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', db);\n"
            "    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO mhero_service', db);\n"
            "END\n"
            "$lock$");
}

} // namespace mhero
