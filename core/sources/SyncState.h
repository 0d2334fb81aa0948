#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QString>

namespace mhero::sources {

/// mhero.sync_state: one row per source and job ("practitioners", "messages_in", …) with the
/// cursor a job resumes from and the outcome of its last run.

/// The stored cursor of @p job for @p sourceId, or an empty string.
Result<QString> loadCursor(QSqlDatabase& db, int sourceId, const QString& job);
/// Stores @p cursor (in the caller's transaction, if one is open).
Status saveCursor(QSqlDatabase& db, int sourceId, const QString& job, const QString& cursor);
/// Records when @p job last ran and its error (empty: it succeeded).
Status recordRun(QSqlDatabase& db, int sourceId, const QString& job, const QString& error);

} // namespace mhero::sources
