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
Result<directory::ApplyCounts> importBundleFile(QSqlDatabase& db, const QString& sourceName, const QString& region,
                                                const QByteArray& body);

} // namespace mhero::sync
