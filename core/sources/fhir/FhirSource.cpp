#include "sync/SourceConfig.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::sync {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::sync", text);
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

Status addFhirSource(QSqlDatabase& db, const FhirSource& source)
{
    if (source.credentials.method != fhir::Credentials::Method::None && source.credentials.secret.isEmpty())
        return Error{QStringLiteral("missing-secret"), tr("This authentication method needs a secret."), {}};
    const QJsonObject config{{QStringLiteral("server"), fhir::toString(source.kind)},
                             {QStringLiteral("auth"), fhir::toString(source.credentials.method)},
                             {QStringLiteral("page_size"), source.pageSize},
                             {QStringLiteral("patients"), source.patients},
                             {QStringLiteral("max_pages_per_run"), source.maxPages}};
    return insertSource(db, source.name, QStringLiteral("fhir"), source.baseUrl, source.region, config,
                        source.credentials.method != fhir::Credentials::Method::None ? source.credentials.secret
                                                                                      : QString());
}

Result<QList<FhirSource>> loadFhirSources(QSqlDatabase& db, const QString& name, const secrets::EngineKey* key)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.id, s.name, s.base_url, s.config::text, s.enabled, k.source_id IS NOT NULL, "
                                          "coalesce(k.sealed, ''), coalesce(k.key_id, ''), coalesce(k.invalid_reason, '') "
                                          "FROM mhero.source s LEFT JOIN mhero.source_secret k ON k.source_id = s.id "
                                          "WHERE s.kind = 'fhir' AND (? = '' AND s.enabled OR s.name = ?) "
                                          "ORDER BY s.name"),
                           {name.isNull() ? QStringLiteral("") : name, name.isNull() ? QStringLiteral("") : name});
    if (!query)
        return query.error();
    QList<FhirSource> sources;
    while (query->next()) {
        FhirSource s;
        s.id = query->value(0).toInt();
        s.name = query->value(1).toString();
        s.baseUrl = QUrl(query->value(2).toString());
        const QJsonObject config = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        s.enabled = query->value(4).toBool();
        s.kind = fhir::sourceKindFromString(config.value(QStringLiteral("server")).toString())
                     .value_or(fhir::SourceKind::Generic);
        s.credentials.method = fhir::authMethodFromString(config.value(QStringLiteral("auth")).toString())
                                   .value_or(fhir::Credentials::Method::None);
        if (s.credentials.method != fhir::Credentials::Method::None) {
            const secrets::StoredSecret stored{query->value(5).toBool(), query->value(6).toString(),
                                               query->value(7).toString(), query->value(8).toString()};
            auto opened = secrets::openRequiredSourceSecret(key, stored, s.name, s.baseUrl);
            if (!opened)
                s.secretError = opened.error();
            else {
                s.credentials.secret = opened->secret;
                s.credentials.origin = opened->origin;
            }
        }
        s.region = config.value(QStringLiteral("region")).toString();
        s.pageSize = std::clamp(config.value(QStringLiteral("page_size")).toInt(500), 10, 5000);
        s.patients = config.value(QStringLiteral("patients")).toBool() || s.kind == fhir::SourceKind::OpenMrs;
        s.maxPages = std::clamp(config.value(QStringLiteral("max_pages_per_run")).toInt(FhirSource::kDefaultMaxPages),
                                1, 1'000'000);
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no FHIR source named \"%1\".").arg(name), {}};
    return sources;
}

} // namespace mhero::sync
