#include "channels/ChannelStore.h"

#include "db/Sql.h"
#include "text/CleanText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace mhero::channels {

namespace {
QString tr(const char* text)
{
    // The context lupdate files these strings under (the class's), so that they are translated.
    return QCoreApplication::translate("mhero::channels::ChannelStore", text);
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

Result<int> ChannelStore::ingestInbound(int sourceId, const QList<channels::InboundMessage>& messages,
                                        QStringList* problems)
{
    QJsonArray payload;
    for (const channels::InboundMessage& m : messages) {
        QJsonArray attachments;
        for (const channels::MediaReference& a : m.attachments)
            attachments.append(QJsonObject{{QStringLiteral("content_type"), text::cleanMessageText(a.contentType)},
                                           {QStringLiteral("url"), text::cleanMessageText(a.url)}});
        // NUL and lone surrogates: jsonb cannot hold the first, and neither is text anyone wrote.
        const QString body = text::cleanMessageText(m.text);
        if (problems && body != m.text)
            problems->append(tr("message %1: control characters or broken characters removed from its text")
                                 .arg(m.externalId));
        QJsonObject entry{
            {QStringLiteral("external_id"), m.externalId},
            {QStringLiteral("external_num"), m.externalNum ? QJsonValue(double(*m.externalNum)) : QJsonValue()},
            {QStringLiteral("contact_uuid"), m.channelContactId.isEmpty() ? QJsonValue() : QJsonValue(m.channelContactId)},
            {QStringLiteral("contact_name"), text::cleanName(m.contactName)},
            {QStringLiteral("text"), body},
            {QStringLiteral("attachments"), attachments},
            // PostgreSQL keeps the platform's microseconds, which order messages of the same millisecond.
            {QStringLiteral("created_at"), m.createdOnText.isEmpty() ? timestamp(m.createdOn) : QJsonValue(m.createdOnText)},
        };
        // Nothing to show (a sticker, an unsupported media type): stored as such, with its type.
        if (body.trimmed().isEmpty() && attachments.isEmpty()) {
            entry.insert(QStringLiteral("text"), QString());
            entry.insert(QStringLiteral("unsupported"),
                         m.kind.isEmpty() ? QStringLiteral("unknown") : text::cleanName(m.kind).left(40));
        }
        if (m.urn.isEmpty()) {
            // Quarantined by ingest_inbound(), with this reason, for an administrator to see.
            const QString problem = tr("unusable address \"%1\"").arg(text::cleanMessageText(m.addressAsGiven.left(80)));
            entry.insert(QStringLiteral("problem"), problem);
            if (problems)
                problems->append(tr("message %1: %2").arg(m.externalId, problem));
        }
        entry.insert(QStringLiteral("urn"), m.urn);
        payload.append(entry);
    }
    return callCount(m_db, QStringLiteral("ingest_inbound"), sourceId, payload);
}

Result<int> ChannelStore::ingestContacts(int sourceId, const QList<channels::ContactUpdate>& contacts)
{
    QJsonArray payload;
    for (const channels::ContactUpdate& c : contacts)
        payload.append(QJsonObject{{QStringLiteral("contact_uuid"), c.channelContactId},
                                   {QStringLiteral("name"), text::cleanName(c.name)},
                                   {QStringLiteral("language"), c.language},
                                   {QStringLiteral("status"), c.status},
                                   {QStringLiteral("urns"), QJsonArray::fromStringList(c.urns)},
                                   {QStringLiteral("modified_on"), timestamp(c.modifiedOn)}});
    return callCount(m_db, QStringLiteral("ingest_contacts"), sourceId, payload);
}

Result<int> ChannelStore::applyStatuses(int sourceId, const QList<channels::StatusUpdate>& updates, bool keepEarly)
{
    QJsonArray payload;
    for (const channels::StatusUpdate& u : updates)
        payload.append(QJsonObject{
            {QStringLiteral("external_id"), u.externalId},
            {QStringLiteral("external_num"), u.externalNum ? QJsonValue(double(*u.externalNum)) : QJsonValue()},
            {QStringLiteral("status"), u.status},
            {QStringLiteral("channel_status"), u.channelStatus},
            {QStringLiteral("at"), timestamp(u.at)},
            {QStringLiteral("error"), u.error},
            {QStringLiteral("error_code"), u.errorCode ? QJsonValue(*u.errorCode) : QJsonValue()},
        });
    auto applied = callCount(m_db, QStringLiteral("apply_statuses"), sourceId, payload);
    if (!applied || !keepEarly || payload.isEmpty())
        return applied;
    // Statuses of messages not known (yet): kept for the sender to apply when it records the id.
    auto kept = sql::exec(m_db, QStringLiteral(R"sql(
INSERT INTO mhero.early_status (source_id, external_id, status)
SELECT ?, e->>'external_id', e FROM jsonb_array_elements(?::jsonb) e
 WHERE coalesce(e->>'external_id', '') <> ''
   AND NOT EXISTS (SELECT FROM mhero.message m WHERE m.source_id = ? AND m.external_id = e->>'external_id')
)sql"),
                          {sourceId, compact(payload), sourceId});
    if (!kept)
        return kept.error();
    return applied;
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

Status ChannelStore::resolveBroadcast(qint64 messageId, const channels::ChannelMessage& message)
{
    const QString status = message.status.isEmpty() ? QStringLiteral("queued") : message.status;
    auto query = sql::exec(
        m_db,
        QStringLiteral("UPDATE mhero.message SET external_id = ?, external_num = ?, status = ?, channel_status = ?, "
                       "status_changed_at = now(), "
                       "sent_at = CASE WHEN ? IN ('sent', 'delivered', 'read') THEN coalesce(sent_at, now()) END, "
                       "delivered_at = CASE WHEN ? IN ('delivered', 'read') THEN coalesce(delivered_at, now()) END, "
                       "failed_at = CASE WHEN ? = 'failed' THEN now() END WHERE id = ?"),
        {message.externalId,
         message.externalNum ? QVariant::fromValue(*message.externalNum) : QVariant(QMetaType(QMetaType::LongLong)),
         status, message.channelStatus, status, status, status, messageId});
    if (!query)
        return query.error();
    return {};
}

} // namespace mhero::channels
