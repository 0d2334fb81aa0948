#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

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

/// One repeatable definition ("functions/start_conversation.sql"): a routine's whole definition
/// with its privileges, applied again whenever the file changes, after the versioned migrations
/// (Flyway's repeatable migrations). A change to a function is then a diff of that function.
struct Definition
{
    QString name; ///< the file name without ".sql" (the function's name)
    QByteArray sql;
    QString checksum; ///< SHA-256 of the file
};

/// Where a database stands against the migrations this program carries.
struct SchemaStatus
{
    int current = 0; ///< highest applied version; 0: no mHero schema yet
    int latest = 0; ///< highest version this program knows
    QList<int> pending;
    /// Definitions whose file differs from what was last applied (or never applied).
    QStringList pendingDefinitions;
    [[nodiscard]] bool upToDate() const
    {
        return current == latest && pending.isEmpty() && pendingDefinitions.isEmpty();
    }
};

/// Applies the SQL migrations embedded in the program (resources/sql/migrations), each once, in
/// order, in its own transaction, recorded in mhero.schema_migrations; then every definition
/// (resources/sql/functions) whose checksum differs from the one recorded in
/// mhero.schema_definitions, each in its own transaction with its bookkeeping row. Concurrent
/// migrators serialise on an advisory lock, so two administrators (or two consoles on a local
/// database) cannot apply the same migration twice.
///
/// Definitions come last, so they always win: a versioned migration must not define a function
/// that has a file (tst_migrator refuses it), and a function's file is the only place it changes.
class Migrator final
{
public:
    /// The migrations compiled into this program.
    static QList<Migration> bundled();
    /// The definitions compiled into this program, by name.
    static QList<Definition> bundledDefinitions();

    explicit Migrator(QList<Migration> migrations = bundled(), QList<Definition> definitions = bundledDefinitions());

    [[nodiscard]] int latestVersion() const;
    [[nodiscard]] const QList<Migration>& migrations() const { return m_migrations; }
    [[nodiscard]] const QList<Definition>& definitions() const { return m_definitions; }

    /// Reads the schema version; works for any mHero user (schema_migrations is readable by all).
    [[nodiscard]] Result<SchemaStatus> status(QSqlDatabase& db) const;

    /// Applies every pending migration, then every changed definition; returns how many
    /// migrations were applied (@p onDefinition hears of each definition applied). Refuses a
    /// database whose schema is newer than this program, or whose applied migrations differ
    /// from ours. A definition that fails leaves the previous one in force and stops here.
    [[nodiscard]] Result<int> migrate(QSqlDatabase& db, const std::function<void(const Migration&)>& onApply = {},
                                      const std::function<void(const Definition&)>& onDefinition = {}) const;

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
    Status applyDefinitions(QSqlDatabase& db, const std::function<void(const Definition&)>& onDefinition) const;

    QList<Migration> m_migrations;
    QList<Definition> m_definitions;
};

} // namespace mhero
