#pragma once

#include "Result.h"
#include "sources/DirectoryStore.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace mhero::fhir {

/// Loads a FHIR Bundle file (transaction, batch, searchset or collection) into the directory as
/// source @p sourceName (kind 'file', created on first use), in one transaction: a file with a
/// malformed body changes nothing. For sites without a live registry.
///
/// Entries that cannot be used (bad ids, oversized fields…) are skipped and described in
/// @p problems ("entry 3 skipped: …"), also when the import fails; a file in which no entry can
/// be used is an error and creates no source. A resource listed twice counts once.
///
/// The file source adapter, and the front door mhero-admin's `import` includes. It lives with FHIR
/// rather than in a sources/file/ folder of its own because what it depends on is the format
/// (FhirPage), not the transport: reading a file is one line, parsing FHIR is the adapter. A CSV
/// file would be imported from sources/csv/ the same way.
Result<sources::ApplyCounts> importBundleFile(QSqlDatabase& db, const QString& sourceName, const QString& region,
                                              const QByteArray& body, QStringList* problems = nullptr);

} // namespace mhero::fhir
