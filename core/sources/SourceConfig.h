#pragma once

#include "Result.h"
#include "secrets/SealedSecrets.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
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

/// A row of mhero.source with its sealed secret, as every kind's loader starts from.
struct SourceRow
{
    int id = 0;
    QString name;
    QString kind;
    QUrl baseUrl;
    QJsonObject config;
    bool enabled = true;
    secrets::StoredSecret secret;
};

/// The enabled sources of @p kinds (or the one named @p name, enabled or not), by name. Readable
/// only by a connection that may read mhero.source_secret (the sync engine, the owner).
Result<QList<SourceRow>> loadSourceRows(QSqlDatabase& db, const QStringList& kinds, const QString& name = {});

} // namespace mhero::sources
