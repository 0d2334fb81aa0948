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
    auto rows = sources::loadSourceRows(db, {QStringLiteral("fhir")}, name);
    if (!rows)
        return rows.error();
    QList<FhirSource> sources;
    for (const sources::SourceRow& row : std::as_const(*rows)) {
        FhirSource s;
        s.id = row.id;
        s.name = row.name;
        s.baseUrl = row.baseUrl;
        const QJsonObject& config = row.config;
        s.enabled = row.enabled;
        s.kind = sourceKindFromString(config.value(QStringLiteral("server")).toString()).value_or(SourceKind::Generic);
        s.credentials.method
            = authMethodFromString(config.value(QStringLiteral("auth")).toString()).value_or(Credentials::Method::None);
        if (s.credentials.method != Credentials::Method::None) {
            auto opened = secrets::openRequiredSourceSecret(key, row.secret, s.name, s.baseUrl);
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
