#include "sources/SyncState.h"

#include "db/Sql.h"

#include <QSqlQuery>

namespace mhero::sources {

Result<QString> loadCursor(QSqlDatabase& db, int sourceId, const QString& job)
{
    auto query = sql::exec(db, QStringLiteral("SELECT cursor FROM mhero.sync_state WHERE source_id = ? AND job = ?"),
                           {sourceId, job});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

Status saveCursor(QSqlDatabase& db, int sourceId, const QString& job, const QString& cursor)
{
    auto query = sql::exec(db,
                           QStringLiteral("INSERT INTO mhero.sync_state (source_id, job, cursor, last_run_at) "
                                          "VALUES (?, ?, ?, now()) ON CONFLICT (source_id, job) DO UPDATE "
                                          "SET cursor = EXCLUDED.cursor, last_run_at = now()"),
                           {sourceId, job, cursor});
    if (!query)
        return query.error();
    return {};
}

Status recordRun(QSqlDatabase& db, int sourceId, const QString& job, const QString& error)
{
    auto query = sql::exec(db,
                           QStringLiteral("INSERT INTO mhero.sync_state (source_id, job, last_run_at, last_success_at, "
                                          "last_error) VALUES (?, ?, now(), CASE WHEN ? = '' THEN now() END, "
                                          "nullif(?, '')) ON CONFLICT (source_id, job) DO UPDATE SET "
                                          "last_run_at = now(), last_success_at = CASE WHEN EXCLUDED.last_error IS "
                                          "NULL THEN now() ELSE sync_state.last_success_at END, "
                                          "last_error = EXCLUDED.last_error"),
                           {sourceId, job, error, error});
    if (!query)
        return query.error();
    return {};
}

} // namespace mhero::sources
