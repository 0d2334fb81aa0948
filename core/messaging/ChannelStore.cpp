#include "messaging/ChannelStore.h"

#include "db/Sql.h"
#include "net/HttpSupport.h"
#include "text/CleanText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::messaging {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::messaging", text);
}

QString compact(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonValue timestamp(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

Result<int> callCount(QSqlDatabase& db, const QString& function, int sourceId, const QJsonArray& payload)
{
    if (payload.isEmpty())
        return 0;
    auto value = sql::scalar(db, QStringLiteral("SELECT mhero.%1(?, ?::jsonb)").arg(function), {sourceId, compact(payload)});
    if (!value)
        return value.error();
    return value->toInt();
}
} // namespace

Result<int> ChannelStore::ingestInbound(int sourceId, const QList<rapidpro::Message>& messages, const QString& region,
                                        QStringList* problems)
{
    QJsonArray payload;
    for (const rapidpro::Message& m : messages) {
        if (m.direction != QLatin1String("in"))
            continue;
        QJsonArray attachments;
        for (const rapidpro::Attachment& a : m.attachments)
            attachments.append(QJsonObject{{QStringLiteral("content_type"), text::cleanMessageText(a.contentType)},
                                           {QStringLiteral("url"), text::cleanMessageText(a.url)}});
        // NUL and lone surrogates: jsonb cannot hold the first, and neither is text anyone wrote.
        const QString body = text::cleanMessageText(m.text);
        if (problems && body != m.text)
            problems->append(tr("message %1: control characters or broken characters removed from its text")
                                 .arg(m.externalId()));
        QJsonObject entry{
            {QStringLiteral("external_id"), m.externalId()},
            {QStringLiteral("external_num"), m.id ? QJsonValue(double(*m.id)) : QJsonValue()},
            {QStringLiteral("contact_uuid"), m.contactUuid.isEmpty() ? QJsonValue() : QJsonValue(m.contactUuid)},
            {QStringLiteral("contact_name"), text::cleanName(m.contactName)},
            {QStringLiteral("text"), body},
            {QStringLiteral("attachments"), attachments},
            // PostgreSQL keeps RapidPro's microseconds, which order messages of the same millisecond.
            {QStringLiteral("created_at"), m.createdOnText.isEmpty() ? timestamp(m.createdOn) : QJsonValue(m.createdOnText)},
        };
        // Nothing to show (a sticker, an unsupported media type): stored as such, with its type.
        if (body.trimmed().isEmpty() && attachments.isEmpty()) {
            entry.insert(QStringLiteral("text"), QString());
            entry.insert(QStringLiteral("unsupported"),
                         m.type.isEmpty() ? QStringLiteral("unknown") : text::cleanName(m.type).left(40));
        }
        const QString urn = rapidpro::normaliseUrn(m.urn, region);
        if (urn.isEmpty()) {
            // Quarantined by ingest_inbound(), with this reason, for an administrator to see.
            const QString problem = tr("unusable address \"%1\"").arg(text::cleanMessageText(m.urn.left(80)));
            entry.insert(QStringLiteral("problem"), problem);
            if (problems)
                problems->append(tr("message %1: %2").arg(m.externalId(), problem));
        }
        entry.insert(QStringLiteral("urn"), urn);
        payload.append(entry);
    }
    return callCount(m_db, QStringLiteral("ingest_inbound"), sourceId, payload);
}

Result<int> ChannelStore::ingestContacts(int sourceId, const QList<rapidpro::Contact>& contacts, const QString& region)
{
    QJsonArray payload;
    for (const rapidpro::Contact& c : contacts) {
        QJsonArray urns;
        for (const QString& urn : c.urns)
            if (const QString normal = rapidpro::normaliseUrn(urn, region); !normal.isEmpty())
                urns.append(normal);
        payload.append(QJsonObject{{QStringLiteral("contact_uuid"), c.uuid},
                                   {QStringLiteral("name"), text::cleanName(c.name)},
                                   {QStringLiteral("language"), c.language},
                                   {QStringLiteral("status"), c.status},
                                   {QStringLiteral("urns"), urns},
                                   {QStringLiteral("modified_on"), timestamp(c.modifiedOn)}});
    }
    return callCount(m_db, QStringLiteral("ingest_contacts"), sourceId, payload);
}

Result<int> ChannelStore::applyStatuses(int sourceId, const QList<rapidpro::Message>& messages)
{
    QJsonArray payload;
    for (const rapidpro::Message& m : messages) {
        const QString status = rapidpro::mheroStatus(m.status);
        if (m.direction != QLatin1String("out") || status.isEmpty())
            continue;
        const QDateTime at = m.modifiedOn.isValid() ? m.modifiedOn : m.sentOn;
        payload.append(QJsonObject{
            {QStringLiteral("external_id"), m.externalId()},
            {QStringLiteral("external_num"), m.id ? QJsonValue(double(*m.id)) : QJsonValue()},
            {QStringLiteral("status"), status},
            {QStringLiteral("channel_status"), m.status},
            {QStringLiteral("at"), timestamp(at)},
            {QStringLiteral("error"), status == QLatin1String("failed")
                                          ? tr("RapidPro could not deliver it (the channel or the number failed).")
                                          : QString()},
        });
    }
    return callCount(m_db, QStringLiteral("apply_statuses"), sourceId, payload);
}

Result<QDateTime> ChannelStore::unsettledSince(int sourceId)
{
    // Accepted but not yet sent: followed for three days; sent: a day more for delivery and read
    // receipts (many SMS channels never send receipts, so "sent" may be the last word).
    auto value = sql::scalar(m_db,
                             QStringLiteral("SELECT min(created_at) FROM mhero.message "
                                            "WHERE source_id = ? AND direction = 'out' AND external_id IS NOT NULL "
                                            "AND ((status = 'queued' AND created_at > now() - interval '3 days') "
                                            "  OR (status = 'sent' AND created_at > now() - interval '1 day'))"),
                             {sourceId});
    if (!value)
        return value.error();
    return value->isNull() ? QDateTime() : value->toDateTime().toUTC();
}

Result<QList<std::pair<qint64, qint64>>> ChannelStore::pendingBroadcasts(int sourceId)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("SELECT id, substr(external_id, 11)::bigint FROM mhero.message "
                                          "WHERE source_id = ? AND direction = 'out' AND external_id ~ '^broadcast:[0-9]+$' "
                                          "AND created_at > now() - interval '3 days' ORDER BY id LIMIT 100"),
                           {sourceId});
    if (!query)
        return query.error();
    QList<std::pair<qint64, qint64>> pending;
    while (query->next())
        pending.append({query->value(0).toLongLong(), query->value(1).toLongLong()});
    return pending;
}

Status ChannelStore::resolveBroadcast(qint64 messageId, const rapidpro::Message& message)
{
    QString status = rapidpro::mheroStatus(message.status);
    if (status.isEmpty())
        status = QStringLiteral("queued");
    auto query = sql::exec(
        m_db,
        QStringLiteral("UPDATE mhero.message SET external_id = ?, external_num = ?, status = ?, channel_status = ?, "
                       "status_changed_at = now(), "
                       "sent_at = CASE WHEN ? IN ('sent', 'delivered', 'read') THEN coalesce(sent_at, now()) END, "
                       "delivered_at = CASE WHEN ? IN ('delivered', 'read') THEN coalesce(delivered_at, now()) END, "
                       "failed_at = CASE WHEN ? = 'failed' THEN now() END WHERE id = ?"),
        {message.externalId(), message.id ? QVariant::fromValue(*message.id) : QVariant(QMetaType(QMetaType::LongLong)),
         status, message.status, status, status, status, messageId});
    if (!query)
        return query.error();
    return {};
}

} // namespace mhero::messaging
