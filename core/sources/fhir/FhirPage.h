#pragma once

#include "Result.h"
#include "sources/DirectoryRecords.h"
#include "sources/fhir/FhirSettings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace mhero::fhir {

inline constexpr QLatin1StringView kIhrisJobSystem{"http://ihris.org/fhir/CodeSystem/ihris-job"};
inline constexpr QLatin1StringView kIhrisCadreSystem{"http://ihris.org/fhir/CodeSystem/ihris-cadre"};

/// How FHIR maps to the directory's records (sources/DirectoryRecords.h): Practitioner and
/// Patient → PersonRecord (language from `communication`, phones from `telecom`);
/// PractitionerRole → RoleRecord (its first `location` reference); Location and Organization →
/// PlaceRecord (`partOf`, `type`); iHRIS's job CodeSystem → JobRecord; a DELETE entry of a
/// history Bundle → DeletedRecord.

/// One Bundle, parsed and mapped to the directory's records (the RecordBatch it is, which
/// DirectoryStore writes) plus what only FHIR has: paging links, totals, lastUpdated bounds.
/// Entries that cannot be used are skipped and explained in `problems`; a Bundle that is not
/// JSON, not a Bundle, or hostile in shape is an Error.
struct Page : sources::RecordBatch
{
    QString bundleType;
    QUrl next;
    std::optional<qint64> total;
    int entryCount = 0;
    QStringList problems;
    QDateTime maxLastUpdated; ///< newest meta.lastUpdated among the page's entries
    QDateTime minLastUpdated;
};

struct ParseOptions
{
    QString defaultRegion; ///< for phone numbers without a country code
    SourceKind kind = SourceKind::Generic;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
    bool fromFile = false; ///< errors speak of "the file", not of "the server"
};

/// Parses a FHIR R4 Bundle (searchset, history, transaction, batch, collection). Pure: no I/O.
Result<Page> parsePage(const QByteArray& body, const ParseOptions& options);

/// The message of an OperationOutcome body (its issues' diagnostics/details), or empty when
/// @p body is not one.
QString operationOutcomeText(const QByteArray& body);

/// Parses a FHIR instant/dateTime ("2026-11-25T06:47:00.123Z", "2026-11-25").
QDateTime parseInstant(const QString& text);
/// Formats an instant for `_lastUpdated=gt…` and `_since=`: UTC with milliseconds.
QString formatInstant(const QDateTime& instant);

} // namespace mhero::fhir
