#pragma once

#include "Result.h"
#include "directory/DirectoryStore.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace mhero::sync {

/// Loads a FHIR Bundle file (transaction, batch, searchset or collection) into the directory as
/// source @p sourceName (kind 'file', created on first use), in one transaction: a file with a
/// malformed body changes nothing. For sites without a live registry.
///
/// Entries that cannot be used (bad ids, oversized fields…) are skipped and described in
/// @p problems ("entry 3 skipped: …"), also when the import fails; a file in which no entry can
/// be used is an error and creates no source. A resource listed twice counts once.
Result<directory::ApplyCounts> importBundleFile(QSqlDatabase& db, const QString& sourceName, const QString& region,
                                                const QByteArray& body, QStringList* problems = nullptr);

} // namespace mhero::sync
