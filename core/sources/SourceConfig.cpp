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

Result<QList<SourceRow>> loadSourceRows(QSqlDatabase& db, const QStringList& kinds, const QString& name)
{
    const QString wanted = name.isNull() ? QStringLiteral("") : name;
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.id, s.name, s.kind, s.base_url, s.config::text, s.enabled, "
                                          "k.source_id IS NOT NULL, coalesce(k.sealed, ''), coalesce(k.key_id, ''), "
                                          "coalesce(k.invalid_reason, '') "
                                          "FROM mhero.source s LEFT JOIN mhero.source_secret k ON k.source_id = s.id "
                                          "WHERE s.kind = ANY (?::text[]) AND (? = '' AND s.enabled OR s.name = ?) "
                                          "ORDER BY s.name"),
                           {QString(QLatin1Char('{') + kinds.join(QLatin1Char(',')) + QLatin1Char('}')), wanted, wanted});
    if (!query)
        return query.error();
    QList<SourceRow> rows;
    while (query->next()) {
        SourceRow row;
        row.id = query->value(0).toInt();
        row.name = query->value(1).toString();
        row.kind = query->value(2).toString();
        row.baseUrl = QUrl(query->value(3).toString());
        row.config = QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object();
        row.enabled = query->value(5).toBool();
        row.secret = secrets::StoredSecret{query->value(6).toBool(), query->value(7).toString(),
                                           query->value(8).toString(), query->value(9).toString()};
        rows.append(row);
    }
    return rows;
}

} // namespace mhero::sources
