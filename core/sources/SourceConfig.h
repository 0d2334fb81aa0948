#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace mhero::sources {

/// Adds a row of mhero.source of @p kind and, when @p secret is not empty, its secret (sealed to
/// the sync engine's key and bound to the URL's origin, secrets::storeSourceSecret()), in one
/// transaction: without a published engine key, nothing is added. Checks the
/// URL (http/https) and the default phone region first; a taken name is said in words.
/// Every kind of source (a FHIR registry, a RapidPro workspace…) is added through here.
Status insertSource(QSqlDatabase& db, const QString& name, const QString& kind, const QUrl& baseUrl,
                    const QString& region, QJsonObject config, const QString& secret);

} // namespace mhero::sources
