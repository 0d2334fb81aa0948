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

Result<QSet<QString>> ChannelStore::knownExternalIds(int sourceId, const QStringList& externalIds)
{
    QSet<QString> known;
    if (externalIds.isEmpty())
        return known;
    auto query = sql::exec(m_db,
                           QStringLiteral("SELECT external_id FROM mhero.message WHERE source_id = ? "
                                          "AND external_id = ANY(string_to_array(?, ','))"),
                           {sourceId, externalIds.join(QLatin1Char(','))});
    if (!query)
        return query.error();
    while (query->next())
        known.insert(query->value(0).toString());
    return known;
}

RetryPolicy ChannelStore::retryPolicy()
{
    RetryPolicy policy;
    auto query = sql::exec(m_db, QStringLiteral("SELECT key, value #>> '{}' FROM mhero.setting WHERE key LIKE 'messaging.%'"));
    if (!query)
        return policy;
    while (query->next()) {
        const QString key = query->value(0).toString();
        bool ok = false;
        const int value = query->value(1).toInt(&ok);
        if (!ok)
            continue;
        if (key == QLatin1String("messaging.max_attempts"))
            policy.maxAttempts = std::clamp(value, 1, 100);
        else if (key == QLatin1String("messaging.retry_first_seconds"))
            policy.firstDelaySeconds = std::clamp(value, 0, 3600);
        else if (key == QLatin1String("messaging.retry_max_seconds"))
            policy.maxDelaySeconds = std::clamp(value, 1, 86400);
        else if (key == QLatin1String("messaging.uncertain_retry_seconds"))
            policy.uncertainDelaySeconds = std::clamp(value, 0, 3600);
        else if (key == QLatin1String("messaging.claim_lease_seconds"))
            policy.leaseSeconds = std::clamp(value, 1, 86400);
    }
    return policy;
}

Result<QList<OutboxItem>> ChannelStore::claim(int sourceId, const QString& worker, int limit, int leaseSeconds)
{
    auto query = sql::exec(
        m_db,
        QStringLiteral(R"sql(
WITH due AS (
    SELECT o.message_id FROM mhero.outbox o
     WHERE o.source_id = ? AND o.next_attempt_at <= now()
       AND (o.claimed_at IS NULL OR o.claimed_at < now() - make_interval(secs => ?))
     ORDER BY o.next_attempt_at, o.message_id
     LIMIT ?
       FOR UPDATE OF o SKIP LOCKED)
UPDATE mhero.outbox o
   SET claimed_by = ?, claimed_at = now(), attempts = o.attempts + 1
  FROM due
  JOIN mhero.message m ON m.id = due.message_id
  JOIN mhero.conversation c ON c.id = m.conversation_id
  JOIN mhero.contact_urn u ON u.id = c.urn_id
  LEFT JOIN mhero.channel_contact cc ON cc.source_id = m.source_id AND cc.urn_id = u.id
 WHERE o.message_id = due.message_id
RETURNING o.message_id, m.conversation_id, o.attempts, o.attempt_started_at, m.text, u.urn,
          cc.contact_uuid, coalesce(cc.status, CASE WHEN u.status <> 'active' THEN u.status END, '')
)sql"),
        {sourceId, leaseSeconds, limit, worker});
    if (!query)
        return query.error();
    QList<OutboxItem> items;
    while (query->next()) {
        OutboxItem item;
        item.messageId = query->value(0).toLongLong();
        item.conversationId = query->value(1).toLongLong();
        item.attempts = query->value(2).toInt();
        if (!query->value(3).isNull())
            item.unfinishedAttemptAt = query->value(3).toDateTime().toUTC();
        item.text = query->value(4).toString();
        item.urn = query->value(5).toString();
        item.contactUuid = query->value(6).toString();
        item.contactStatus = query->value(7).toString();
        items.append(item);
    }
    std::sort(items.begin(), items.end(), [](const OutboxItem& a, const OutboxItem& b) { return a.messageId < b.messageId; });
    return items;
}

Result<bool> ChannelStore::markAttemptStarted(qint64 messageId, const QString& worker)
{
    // Its own statement, committed (autocommit) before the request leaves: if the process dies
    // now, whoever takes the row over knows an attempt may have reached the platform.
    auto query = sql::exec(m_db,
                           QStringLiteral("UPDATE mhero.outbox SET attempt_started_at = now(), claimed_at = now() "
                                          "WHERE message_id = ? AND claimed_by = ? RETURNING message_id"),
                           {messageId, worker});
    if (!query)
        return query.error();
    return query->next();
}

Status ChannelStore::recordAccepted(qint64 messageId, const rapidpro::Message& accepted)
{
    if (Status begin = sql::execScript(m_db, "BEGIN"); !begin)
        return begin;
    QString status = rapidpro::mheroStatus(accepted.status);
    if (status.isEmpty())
        status = QStringLiteral("queued");
    const bool failed = status == QLatin1String("failed");
    auto updated = sql::exec(
        m_db,
        QStringLiteral("UPDATE mhero.message SET external_id = ?, external_num = ?, status = ?, channel_status = ?, "
                       "status_changed_at = now(), "
                       "sent_at = CASE WHEN ? IN ('sent', 'delivered', 'read') THEN coalesce(sent_at, now()) END, "
                       "failed_at = CASE WHEN ? THEN now() END, error = CASE WHEN ? THEN ? END WHERE id = ?"),
        {accepted.externalId(), accepted.id ? QVariant::fromValue(*accepted.id) : QVariant(QMetaType(QMetaType::LongLong)),
         status, accepted.status, status, failed, failed,
         tr("RapidPro did not send it: the contact is blocked, stopped or archived there, or has no usable address."),
         messageId});
    if (updated)
        updated = sql::exec(m_db, QStringLiteral("DELETE FROM mhero.outbox WHERE message_id = ?"), {messageId});
    if (!updated) {
        (void)sql::execScript(m_db, "ROLLBACK");
        return updated.error();
    }
    return sql::execScript(m_db, "COMMIT");
}

Status ChannelStore::recordFailure(const OutboxItem& item, const QString& error, bool uncertain, bool permanent,
                                   const RetryPolicy& policy)
{
    const bool last = permanent || item.attempts >= policy.maxAttempts;
    if (!last) {
        int delayMs = net::backoffMs(item.attempts, policy.firstDelaySeconds * 1000, policy.maxDelaySeconds * 1000);
        if (uncertain)
            delayMs = std::max(delayMs, policy.uncertainDelaySeconds * 1000);
        auto query = sql::exec(m_db,
                               QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = now() + make_interval(secs => ?), "
                                              "last_error = ?, claimed_by = NULL, claimed_at = NULL, "
                                              "attempt_started_at = CASE WHEN ? THEN attempt_started_at END "
                                              "WHERE message_id = ?"),
                               {delayMs / 1000.0, error, uncertain, item.messageId});
        if (!query)
            return query.error();
        return {};
    }
    // The end of the road: the message shows as failed with the reason, and an agent may retry.
    // The outbox row stays (never due) so a retry still knows about an unfinished attempt.
    if (Status begin = sql::execScript(m_db, "BEGIN"); !begin)
        return begin;
    const QString shown = uncertain ? tr("%1 (RapidPro may or may not have accepted it)").arg(error) : error;
    auto query = sql::exec(m_db,
                           QStringLiteral("UPDATE mhero.message SET status = 'failed', error = ?, failed_at = now(), "
                                          "status_changed_at = now() WHERE id = ? AND status = 'queued'"),
                           {shown, item.messageId});
    if (query)
        query = sql::exec(m_db,
                          QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = 'infinity', last_error = ?, "
                                         "claimed_by = NULL, claimed_at = NULL, "
                                         "attempt_started_at = CASE WHEN ? THEN attempt_started_at END "
                                         "WHERE message_id = ?"),
                          {shown, uncertain, item.messageId});
    if (!query) {
        (void)sql::execScript(m_db, "ROLLBACK");
        return query.error();
    }
    return sql::execScript(m_db, "COMMIT");
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

Status ChannelStore::release(const OutboxItem& item, int delayMs)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = now() + make_interval(secs => ?), "
                                          "attempts = greatest(attempts - 1, 0), claimed_by = NULL, claimed_at = NULL "
                                          "WHERE message_id = ?"),
                           {std::max(delayMs, 0) / 1000.0, item.messageId});
    if (!query)
        return query.error();
    return {};
}

} // namespace mhero::messaging
