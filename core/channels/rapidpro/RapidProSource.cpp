#include "channels/rapidpro/RapidProSource.h"

#include "db/Sql.h"
#include "sources/SourceConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::rapidpro {

channels::SourceEntry sourceEntry(const RapidProSource& source)
{
    channels::SourceEntry entry;
    entry.id = source.id;
    entry.name = source.name;
    entry.kind = QStringLiteral("rapidpro");
    entry.secretError = source.secretError;
    entry.fingerprint = channels::fingerprintOf({source.baseUrl.toString(), source.token, source.tokenOrigin,
                             source.secretError ? source.secretError->toString() : QString(), source.region,
                             QString::number(source.pollSeconds), QString::number(source.overlapSeconds),
                             QString::number(source.historyDays), QString::number(source.maxPages),
                             QString::number(source.sendPerSecond, 'g', 10), QString::number(source.enabled)});
    return entry;
}

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::rapidpro", text); // lupdate's context for tr() here
}
} // namespace

Status addRapidProSource(QSqlDatabase& db, const RapidProSource& source)
{
    if (source.token.trimmed().isEmpty())
        return Error{QStringLiteral("missing-secret"), tr("A RapidPro source needs an API token."), {}};
    QJsonObject config{{QStringLiteral("poll_seconds"), source.pollSeconds},
                       {QStringLiteral("overlap_seconds"), source.overlapSeconds},
                       {QStringLiteral("history_days"), source.historyDays},
                       {QStringLiteral("max_pages_per_run"), source.maxPages}};
    if (source.sendPerSecond > 0)
        config.insert(QStringLiteral("send_per_second"), source.sendPerSecond);
    return sources::insertSource(db, source.name, QStringLiteral("rapidpro"), source.baseUrl, source.region, config,
                                 source.token.trimmed());
}

Result<QList<RapidProSource>> loadRapidProSources(QSqlDatabase& db, const QString& name, const secrets::EngineKey* key)
{
    auto rows = sources::loadSourceRows(db, {QStringLiteral("rapidpro")}, name);
    if (!rows)
        return rows.error();
    QList<RapidProSource> sources;
    for (const sources::SourceRow& row : std::as_const(*rows)) {
        RapidProSource s;
        s.id = row.id;
        s.name = row.name;
        s.baseUrl = row.baseUrl;
        const QJsonObject& config = row.config;
        s.enabled = row.enabled;
        auto opened = secrets::openRequiredSourceSecret(key, row.secret, s.name, s.baseUrl);
        if (!opened)
            s.secretError = opened.error();
        else {
            s.token = opened->secret;
            s.tokenOrigin = opened->origin;
        }
        s.region = config.value(QStringLiteral("region")).toString();
        s.pollSeconds = std::clamp(config.value(QStringLiteral("poll_seconds")).toInt(5), 1, 3600);
        s.overlapSeconds = std::clamp(config.value(QStringLiteral("overlap_seconds")).toInt(300), 0, 86400);
        s.historyDays = std::clamp(config.value(QStringLiteral("history_days")).toInt(7), 0, 3650);
        s.maxPages = std::clamp(
            config.value(QStringLiteral("max_pages_per_run")).toInt(RapidProSource::kDefaultMaxPages), 1, 1'000'000);
        s.sendPerSecond = std::clamp(config.value(QStringLiteral("send_per_second")).toDouble(0), 0.0, 1000.0);
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no RapidPro source named \"%1\".").arg(name), {}};
    return sources;
}

} // namespace mhero::rapidpro
