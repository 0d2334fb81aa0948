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

Status addFhirSource(QSqlDatabase& db, const FhirSource& source)
{
    if (!source.baseUrl.isValid()
        || (source.baseUrl.scheme() != QLatin1String("http") && source.baseUrl.scheme() != QLatin1String("https")))
        return Error{QStringLiteral("invalid-url"), tr("The server address must be an http:// or https:// URL."),
                     source.baseUrl.toString()};
    if (!source.region.isEmpty() && !phone::isKnownRegion(source.region))
        return Error{
            QStringLiteral("invalid-region"),
            tr("\"%1\" is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).").arg(source.region),
            {}};
    if (source.credentials.method != fhir::Credentials::Method::None && source.credentials.secret.isEmpty())
        return Error{QStringLiteral("missing-secret"), tr("This authentication method needs a secret."), {}};
    QJsonObject config{{QStringLiteral("server"), fhir::toString(source.kind)},
                       {QStringLiteral("auth"), fhir::toString(source.credentials.method)},
                       {QStringLiteral("region"), source.region.toUpper()},
                       {QStringLiteral("page_size"), source.pageSize},
                       {QStringLiteral("patients"), source.patients}};
    if (Status begin = sql::execScript(db, "BEGIN"); !begin)
        return begin;
    auto inserted = sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) "
                                             "VALUES (?, 'fhir', ?, ?::jsonb)"),
                              {source.name, source.baseUrl.toString(),
                               QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
    if (inserted && source.credentials.method != fhir::Credentials::Method::None)
        inserted = sql::exec(db, QStringLiteral("SELECT mhero.set_source_secret(?, ?)"),
                             {source.name, source.credentials.secret});
    if (!inserted) {
        (void)sql::execScript(db, "ROLLBACK");
        Error error = inserted.error();
        if (error.code == sql::state::UniqueViolation)
            error.message = tr("A source named \"%1\" already exists.").arg(source.name);
        return error;
    }
    return sql::execScript(db, "COMMIT");
}

Result<QList<FhirSource>> loadFhirSources(QSqlDatabase& db, const QString& name)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.id, s.name, s.base_url, s.config::text, s.enabled, k.secret "
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
        s.credentials.secret = query->value(5).toString();
        s.region = config.value(QStringLiteral("region")).toString();
        s.pageSize = std::clamp(config.value(QStringLiteral("page_size")).toInt(500), 10, 5000);
        s.patients = config.value(QStringLiteral("patients")).toBool() || s.kind == fhir::SourceKind::OpenMrs;
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no FHIR source named \"%1\".").arg(name), {}};
    return sources;
}

} // namespace mhero::sync
