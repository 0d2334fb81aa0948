#include "messaging/RapidProSource.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::messaging {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::messaging", text);
}
} // namespace

Status addRapidProSource(QSqlDatabase& db, const RapidProSource& source)
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
    if (source.token.trimmed().isEmpty())
        return Error{QStringLiteral("missing-secret"), tr("A RapidPro source needs an API token."), {}};
    const QJsonObject config{{QStringLiteral("region"), source.region.toUpper()},
                             {QStringLiteral("poll_seconds"), source.pollSeconds},
                             {QStringLiteral("overlap_seconds"), source.overlapSeconds},
                             {QStringLiteral("history_days"), source.historyDays}};
    if (Status begin = sql::execScript(db, "BEGIN"); !begin)
        return begin;
    auto inserted = sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) "
                                             "VALUES (?, 'rapidpro', ?, ?::jsonb)"),
                              {source.name, source.baseUrl.toString(),
                               QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
    if (inserted)
        inserted = sql::exec(db, QStringLiteral("SELECT mhero.set_source_secret(?, ?)"),
                             {source.name, source.token.trimmed()});
    if (!inserted) {
        (void)sql::execScript(db, "ROLLBACK");
        Error error = inserted.error();
        if (error.code == sql::state::UniqueViolation)
            error.message = tr("A source named \"%1\" already exists.").arg(source.name);
        return error;
    }
    return sql::execScript(db, "COMMIT");
}

Result<QList<RapidProSource>> loadRapidProSources(QSqlDatabase& db, const QString& name)
{
    const QString wanted = name.isNull() ? QStringLiteral("") : name;
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.id, s.name, s.base_url, s.config::text, s.enabled, k.secret "
                                          "FROM mhero.source s LEFT JOIN mhero.source_secret k ON k.source_id = s.id "
                                          "WHERE s.kind = 'rapidpro' AND (? = '' AND s.enabled OR s.name = ?) "
                                          "ORDER BY s.name"),
                           {wanted, wanted});
    if (!query)
        return query.error();
    QList<RapidProSource> sources;
    while (query->next()) {
        RapidProSource s;
        s.id = query->value(0).toInt();
        s.name = query->value(1).toString();
        s.baseUrl = QUrl(query->value(2).toString());
        const QJsonObject config = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        s.enabled = query->value(4).toBool();
        s.token = query->value(5).toString();
        s.region = config.value(QStringLiteral("region")).toString();
        s.pollSeconds = std::clamp(config.value(QStringLiteral("poll_seconds")).toInt(5), 1, 3600);
        s.overlapSeconds = std::clamp(config.value(QStringLiteral("overlap_seconds")).toInt(300), 0, 86400);
        s.historyDays = std::clamp(config.value(QStringLiteral("history_days")).toInt(7), 0, 3650);
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no RapidPro source named \"%1\".").arg(name), {}};
    return sources;
}

} // namespace mhero::messaging
