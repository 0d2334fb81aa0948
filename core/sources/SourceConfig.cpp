#include "sources/SourceConfig.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"
#include "secrets/SealedSecrets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mhero::sources {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::sources", text);
}
} // namespace

Status insertSource(QSqlDatabase& db, const QString& name, const QString& kind, const QUrl& baseUrl,
                    const QString& region, QJsonObject config, const QString& secret)
{
    if (!baseUrl.isValid() || (baseUrl.scheme() != QLatin1String("http") && baseUrl.scheme() != QLatin1String("https")))
        return Error{QStringLiteral("invalid-url"), tr("The server address must be an http:// or https:// URL."),
                     baseUrl.toString()};
    if (!region.isEmpty() && !phone::isKnownRegion(region))
        return Error{QStringLiteral("invalid-region"),
                     tr("\"%1\" is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).").arg(region),
                     {}};
    config.insert(QStringLiteral("region"), region.toUpper());
    auto transaction = sql::Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto inserted = sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) "
                                             "VALUES (?, ?, ?, ?::jsonb)"),
                              {name, kind, baseUrl.toString(),
                               QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
    if (inserted && !secret.isEmpty())
        if (Status stored = secrets::storeSourceSecret(db, name, baseUrl, secret); !stored)
            inserted = stored.error();
    if (!inserted) { // rolled back
        Error error = inserted.error();
        if (error.code == sql::state::UniqueViolation)
            error.message = tr("A source named \"%1\" already exists.").arg(name);
        return error;
    }
    return transaction->commit();
}

} // namespace mhero::sources
