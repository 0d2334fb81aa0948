#pragma once

#include "Result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

namespace mhero::sources {

/// Where a running directory sync has got to, for every console: the engine (mhero-server, the
/// in-console engine, `mhero-admin sync`) writes it to the source's `directory` row of
/// mhero.sync_state and says so with NOTIFY mhero_sync (payload: the source id); the directory
/// page shows it. Writes are throttled (one every two seconds at most, plus the first), each in
/// its own short statement between pages, never inside a page's transaction.
class SyncProgress
{
public:
    SyncProgress(QSqlDatabase& db, int sourceId);

    /// A page of @p pass is stored: @p pages pages and @p resources resources so far in the pass.
    /// Returns true when it was written (a line worth printing for a command-line user too).
    bool report(const QString& pass, int pages, int resources);
    /// The run ended (either way): the progress is cleared and consoles are told.
    void clear();

    static constexpr int kIntervalMs = 2000;

private:
    Status write(const QString& progressJson);

    QSqlDatabase& m_db;
    int m_sourceId;
    QElapsedTimer m_sinceWrite;
};

/// A sync under way, as the directory page shows it.
struct RunningSync
{
    QString source;
    QString pass; ///< FHIR resource type being read
    int pages = 0;
    int resources = 0;
    QDateTime at; ///< when the engine last reported
};
/// The syncs under way whose engine reported within the last five minutes, by source name.
Result<QList<RunningSync>> loadRunningSyncs(QSqlDatabase& db);

} // namespace mhero::sources
