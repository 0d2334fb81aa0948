#pragma once

#include "Result.h"
#include "fhir/FhirPage.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace mhero::directory {

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

/// Writes FHIR pages into the directory. Each page is one transaction: the rows go into
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
    Result<ApplyCounts> apply(int sourceId, const fhir::Page& page, const QString& job,
                              const std::optional<QString>& cursor);

    /// Recounts the directory page's filter choices (districts, facilities, cadres).
    Status refreshFacets();

    /// Stored cursor of @p job for @p sourceId, or an empty string.
    Result<QString> cursor(int sourceId, const QString& job);
    /// Records the outcome of a run in sync_state (its own transaction).
    Status recordRun(int sourceId, const QString& job, const QString& error);

private:
    Status ensureStaging();
    Status stage(const fhir::Page& page, ApplyCounts& counts);
    Status merge(int sourceId, const fhir::Page& page);

    QSqlDatabase& m_db;
    bool m_stagingReady = false;
};

} // namespace mhero::directory
