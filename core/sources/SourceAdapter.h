#pragma once

#include "Result.h"

#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mhero::sources {

/// What one sync of one source did.
struct SyncReport
{
    QString source;
    int pages = 0;
    int people = 0;
    int roles = 0;
    int places = 0;
    int codes = 0;
    int deleted = 0;
    int invalidPhones = 0;
    int retries = 0;
    qint64 elapsedMs = 0;
    /// Where the time went (parse, waiting for pages, each write phase), in microseconds.
    QMap<QString, qint64> phaseMicroseconds;
    QStringList problems; ///< entries skipped, features the source lacks
    std::optional<Error> error; ///< set when the sync stopped early
};

/// The seam every source of the directory plugs into: one run of one source, started by the
/// engine (or `mhero-admin sync`), asynchronous, ending with a SyncReport.
///
/// An adapter owns everything about its source's format and transport (URLs, paging, auth,
/// parsing) and hands the directory only its own records: it turns each page or chunk it reads
/// into a RecordBatch (sources/DirectoryRecords.h) and writes it with DirectoryStore::apply(),
/// passing the cursor of its job ("practitioners", "rows", …) so the batch and the position to
/// resume from commit in one transaction. A crash, a bad page or a stopped run then loses
/// nothing, and the next run continues from the last stored cursor (DirectoryStore::cursor()).
/// progress() lets the engine publish how far the run has got (SyncProgress).
///
/// FHIR registries are one adapter (sources/fhir/FhirSync, made by fhir::createSync() of the
/// folder's front door FhirSource.h); a CSV export or another registry would be another one
/// beside it, in a folder of its own (sources/csv/…), with its wire types kept inside that folder
/// and only its front doors (`<Name>Source.h`) included from outside. A one-shot file whose
/// batches need no cursor can skip the run and call DirectoryStore directly, as
/// sources/fhir/FhirFileSource does.
///
/// Writes on the thread it lives in, with a connection of that thread.
class SourceAdapter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceAdapter)

public:
    using QObject::QObject;
    ~SourceAdapter() override = default;

    /// Starts the run; finished() follows exactly once, also when the run cannot start.
    virtual void start() = 0;

Q_SIGNALS:
    /// @p pages pages (or batches) and @p resources records read so far in @p pass.
    void progress(const QString& pass, int pages, int resources);
    void finished(const mhero::sources::SyncReport& report);
};

} // namespace mhero::sources

Q_DECLARE_METATYPE(mhero::sources::SyncReport)
