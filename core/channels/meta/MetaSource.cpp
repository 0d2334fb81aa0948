#include "channels/meta/MetaSource.h"

#include "db/Sql.h"
#include "sources/SourceConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mhero::meta {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::meta", text);
}

bool isMetaId(const QString& id)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,40}$"));
    return digits.match(id).hasMatch();
}
} // namespace

QString packSecrets(const QString& accessToken, const QString& appSecret, const QString& verifyToken)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("access_token"), accessToken.trimmed()},
                                                       {QStringLiteral("app_secret"), appSecret.trimmed()},
                                                       {QStringLiteral("verify_token"), verifyToken.trimmed()}})
                                 .toJson(QJsonDocument::Compact));
}

Status unpackSecrets(const QString& packed, MetaSource& source)
{
    const QJsonObject object = QJsonDocument::fromJson(packed.toUtf8()).object();
    source.accessToken = object.value(QStringLiteral("access_token")).toString();
    source.appSecret = object.value(QStringLiteral("app_secret")).toString();
    source.verifyToken = object.value(QStringLiteral("verify_token")).toString();
    if (source.accessToken.isEmpty() || source.appSecret.isEmpty() || source.verifyToken.isEmpty())
        return Error{QStringLiteral("missing-secret"),
                     tr("%1 needs three secrets: the access token, the app secret and the webhook verify token, "
                        "one per line.")
                         .arg(source.platform == MetaSource::Platform::WhatsApp ? QStringLiteral("WhatsApp")
                                                                                 : QStringLiteral("Messenger")),
                     {}};
    return {};
}

Status addMetaSource(QSqlDatabase& db, const MetaSource& source)
{
    MetaSource check = source;
    const QString packed = packSecrets(source.accessToken, source.appSecret, source.verifyToken);
    if (Status complete = unpackSecrets(packed, check); !complete)
        return complete;
    QJsonObject config;
    if (source.platform == MetaSource::Platform::WhatsApp) {
        if (!isMetaId(source.phoneNumberId) || !isMetaId(source.businessAccountId))
            return Error{QStringLiteral("invalid-id"),
                         tr("The phone number id and the WhatsApp Business Account id are numbers, as Meta's "
                            "WhatsApp Manager shows them."),
                         {}};
        config.insert(QStringLiteral("phone_number_id"), source.phoneNumberId);
        config.insert(QStringLiteral("waba_id"), source.businessAccountId);
    } else {
        if (!isMetaId(source.pageId))
            return Error{QStringLiteral("invalid-id"), tr("The Page id is a number, as the Page's settings show it."), {}};
        config.insert(QStringLiteral("page_id"), source.pageId);
    }
    QUrl graphUrl = source.graphUrl;
    if (!graphUrl.path().endsWith(QLatin1Char('/')))
        graphUrl.setPath(graphUrl.path() + QLatin1Char('/'));
    return sources::insertSource(db, source.name, source.kind(), graphUrl, source.region, config, packed);
}

Result<QList<MetaSource>> loadMetaSources(QSqlDatabase& db, const QString& name, const secrets::EngineKey* key)
{
    const QString wanted = name.isNull() ? QStringLiteral("") : name;
    auto query = sql::exec(db,
                           QStringLiteral("SELECT s.id, s.name, s.kind, s.base_url, s.config::text, s.enabled, "
                                          "k.source_id IS NOT NULL, coalesce(k.sealed, ''), coalesce(k.key_id, ''), "
                                          "coalesce(k.invalid_reason, '') "
                                          "FROM mhero.source s LEFT JOIN mhero.source_secret k ON k.source_id = s.id "
                                          "WHERE s.kind IN ('whatsapp', 'messenger') AND (? = '' AND s.enabled OR s.name = ?) "
                                          "ORDER BY s.name"),
                           {wanted, wanted});
    if (!query)
        return query.error();
    QList<MetaSource> sources;
    while (query->next()) {
        MetaSource s;
        s.id = query->value(0).toInt();
        s.name = query->value(1).toString();
        s.platform = query->value(2).toString() == QLatin1String("whatsapp") ? MetaSource::Platform::WhatsApp
                                                                               : MetaSource::Platform::Messenger;
        s.graphUrl = QUrl(query->value(3).toString());
        const QJsonObject config = QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object();
        s.enabled = query->value(5).toBool();
        s.phoneNumberId = config.value(QStringLiteral("phone_number_id")).toString();
        s.businessAccountId = config.value(QStringLiteral("waba_id")).toString();
        s.pageId = config.value(QStringLiteral("page_id")).toString();
        s.region = config.value(QStringLiteral("region")).toString();
        const secrets::StoredSecret stored{query->value(6).toBool(), query->value(7).toString(),
                                           query->value(8).toString(), query->value(9).toString()};
        auto opened = secrets::openRequiredSourceSecret(key, stored, s.name, s.graphUrl);
        if (!opened)
            s.secretError = opened.error();
        else if (Status unpacked = unpackSecrets(opened->secret, s); !unpacked)
            s.secretError = unpacked.error();
        else
            s.tokenOrigin = opened->origin;
        sources.append(s);
    }
    if (!name.isEmpty() && sources.isEmpty())
        return Error{QStringLiteral("no-source"), tr("There is no WhatsApp or Messenger source named \"%1\".").arg(name), {}};
    return sources;
}

channels::SourceEntry sourceEntry(const MetaSource& source)
{
    channels::SourceEntry entry;
    entry.id = source.id;
    entry.name = source.name;
    entry.kind = source.kind();
    entry.secretError = source.secretError;
    entry.fingerprint = channels::fingerprintOf({source.graphUrl.toString(), source.phoneNumberId, source.businessAccountId, source.pageId,
                             source.region, source.accessToken, source.appSecret, source.verifyToken,
                             source.tokenOrigin, source.secretError ? source.secretError->toString() : QString(),
                             QString::number(source.enabled)});
    return entry;
}

} // namespace mhero::meta
