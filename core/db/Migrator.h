#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace mhero {

/// One versioned SQL migration ("0001_foundation.sql").
struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
    QString checksum; ///< SHA-256 of the file, to notice a migration edited after it shipped
};

/// Where a database stands against the migrations this program carries.
struct SchemaStatus
{
    int current = 0; ///< highest applied version; 0: no mHero schema yet
    int latest = 0; ///< highest version this program knows
    QList<int> pending;
    [[nodiscard]] bool upToDate() const { return current == latest && pending.isEmpty(); }
};

/// Applies the SQL migrations embedded in the program (resources/sql/migrations), each once, in
/// order, in its own transaction, recorded in mhero.schema_migrations. Concurrent migrators
/// serialise on an advisory lock, so two administrators (or two consoles on a local database)
/// cannot apply the same migration twice.
class Migrator final
{
public:
    /// The migrations compiled into this program.
    static QList<Migration> bundled();

    explicit Migrator(QList<Migration> migrations = bundled());

    [[nodiscard]] int latestVersion() const;
    [[nodiscard]] const QList<Migration>& migrations() const { return m_migrations; }

    /// Reads the schema version; works for any mHero user (schema_migrations is readable by all).
    [[nodiscard]] Result<SchemaStatus> status(QSqlDatabase& db) const;

    /// Applies every pending migration; returns how many were applied. Refuses a database whose
    /// schema is newer than this program, or whose applied migrations differ from ours.
    [[nodiscard]] Result<int> migrate(QSqlDatabase& db,
                                      const std::function<void(const Migration&)>& onApply = {}) const;

    /// For the console and server: ok when the schema is exactly the one this program knows;
    /// otherwise an Error with code "schema-missing", "schema-older" or "schema-newer".
    [[nodiscard]] Status checkCompatible(QSqlDatabase& db) const;

    /// Database-wide hardening that lives in pg_database rather than in the schema, so that
    /// CREATE DATABASE … TEMPLATE and a plain pg_restore do not carry it: PUBLIC may not create
    /// temporary tables in @p database (only the sync engine's role, which stages directory
    /// pages in them, and the owner). Defence in depth behind the definer functions' pinned
    /// search_path (migration 11). migrate() applies it every time; does nothing when the mHero
    /// roles do not exist yet or the connected role does not own the database.
    [[nodiscard]] static Status lockDownDatabase(QSqlDatabase& db, const QString& database = {});

private:
    QList<Migration> m_migrations;
};

} // namespace mhero
