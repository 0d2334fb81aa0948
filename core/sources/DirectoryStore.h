#pragma once

#include "Result.h"
#include "sources/DirectoryRecords.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace mhero::sources {

/// What one applied page changed.
struct ApplyCounts
{
    int people = 0;
    int roles = 0;
    int places = 0;
    int codes = 0;
    int deleted = 0;
    int invalidPhones = 0;
};

/// Writes batches of the directory's records (sources/DirectoryRecords.h), from whichever source
/// adapter read them, into the directory. Each batch ("page") is one transaction: the rows go into
/// temporary staging tables with COPY, one statement per table merges them (insert or update,
/// deduplicated, unchanged rows left alone), facility/job/cadre are resolved, and the sync cursor
/// is stored — so a crash or a bad page leaves the database exactly as it was before that page.
///
/// Blocking: use it on the sync engine's thread or in a command-line tool.
class DirectoryStore final
{
public:
    explicit DirectoryStore(QSqlDatabase& db);

    /// Applies @p page for source @p sourceId; when @p cursor is set, also stores it as the cursor
    /// of @p job in sync_state, in the same transaction.
    Result<ApplyCounts> apply(int sourceId, const RecordBatch& page, const QString& job,
                              const std::optional<QString>& cursor);

    /// A first sync into an empty directory: drops the search indexes of the people and their
    /// phones so they are built once at the end (restoreIndexes()) rather than row by row. Returns
    /// whether they are deferred (false when the directory already holds people).
    Result<bool> deferIndexes();
    /// Creates the indexes a first sync deferred, if any (also those of an interrupted one).
    Status restoreIndexes();

    /// Recounts the directory page's filter choices (districts, facilities, cadres).
    Status refreshFacets();
    /// At the end of a run: fresh planner statistics when the run wrote many rows.
    Status finishRun();

    /// Stored cursor of @p job for @p sourceId, or an empty string.
    Result<QString> cursor(int sourceId, const QString& job);
    /// Records the outcome of a run in sync_state (its own transaction).
    Status recordRun(int sourceId, const QString& job, const QString& error);

    /// Time spent so far in each phase of apply() (stage, merge statements, commit…), in
    /// microseconds: for the benchmark's breakdown.
    [[nodiscard]] const QMap<QString, qint64>& phaseMicroseconds() const { return m_phaseUs; }

private:
    /// Adds the time since @p timer was (re)started to @p phase and restarts it.
    void lap(const QString& phase, QElapsedTimer& timer);

    Status ensureStaging();
    Status stage(const RecordBatch& page, ApplyCounts& counts);
    Status merge(int sourceId, const RecordBatch& page);
    Status analyze();

    static constexpr qint64 kAnalyzeAfterRows = 2000;

    QSqlDatabase& m_db;
    bool m_stagingReady = false;
    QMap<QString, qint64> m_phaseUs;
    qint64 m_rowsWritten = 0; ///< people and roles applied through this store
    qint64 m_rowsAnalyzed = 0; ///< m_rowsWritten at the last analyze()
};

} // namespace mhero::sources
