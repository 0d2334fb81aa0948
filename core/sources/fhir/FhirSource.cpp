#include "sources/fhir/FhirSource.h"

#include "db/Sql.h"
#include "sources/SourceConfig.h"
#include "sources/fhir/FhirSync.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::fhir {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::fhir", text);
}
} // namespace

Status addFhirSource(QSqlDatabase& db, const FhirSource& source)
{
    if (source.credentials.method != Credentials::Method::None && source.credentials.secret.isEmpty())
        return Error{QStringLiteral("missing-secret"), tr("This authentication method needs a secret."), {}};
    const QJsonObject config{{QStringLiteral("server"), toString(source.kind)},
                             {QStringLiteral("auth"), toString(source.credentials.method)},
                             {QStringLiteral("page_size"), source.pageSize},
                             {QStringLiteral("patients"), source.patients},
                             {QStringLiteral("max_pages_per_run"), source.maxPages}};
    return sources::insertSource(db, source.name, QStringLiteral("fhir"), source.baseUrl, source.region, config,
                                 source.credentials.method != Credentials::Method::None ? source.credentials.secret
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
        s.kind = sourceKindFromString(config.value(QStringLiteral("server")).toString()).value_or(SourceKind::Generic);
        s.credentials.method
            = authMethodFromString(config.value(QStringLiteral("auth")).toString()).value_or(Credentials::Method::None);
        if (s.credentials.method != Credentials::Method::None) {
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
        s.patients = config.value(QStringLiteral("patients")).toBool() || s.kind == SourceKind::OpenMrs;
        s.maxPages = std::clamp(config.value(QStringLiteral("max_pages_per_run")).toInt(FhirSource::kDefaultMaxPages),
                                1, 1'000'000);
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no FHIR source named \"%1\".").arg(name), {}};
    return sources;
}

std::unique_ptr<sources::SourceAdapter> createSync(QSqlDatabase& db, FhirSource source)
{
    return std::make_unique<FhirSync>(db, std::move(source));
}

} // namespace mhero::fhir
