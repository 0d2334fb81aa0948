#include "channels/OutboxStore.h"

#include "templates/TemplateText.h"


#include "db/Sql.h"
#include "net/HttpSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace mhero::channels {

OutboundMessage OutboxItem::outbound() const
{
    OutboundMessage message;
    message.messageId = messageId;
    message.text = text;
    message.urn = urn;
    message.channelContactId = channelContactId;
    message.unfinishedAttemptAt = unfinishedAttemptAt;
    message.attachments = attachments;
    message.lastInboundAt = lastInboundAt;
    message.platformTemplate = platformTemplate;
    return message;
}

Result<QList<OutboundAttachment>> OutboxStore::loadAttachments(qint64 messageId)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("SELECT content_type, coalesce(file_name, ''), bytes FROM mhero.media "
                                          "WHERE message_id = ? AND state = 'stored' ORDER BY position"),
                           {messageId});
    if (!query)
        return query.error();
    QList<OutboundAttachment> attachments;
    while (query->next())
        attachments.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toByteArray()});
    return attachments;
}

Result<QSet<QString>> OutboxStore::knownExternalIds(int sourceId, const QStringList& externalIds)
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

RetryPolicy OutboxStore::retryPolicy()
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

namespace {
/// The platform template a reply goes as, its parameters recovered from the text (see
/// PlatformTemplate::parameters).
PlatformTemplate platformTemplate(const QString& name, const QString& language, const QString& body,
                                  const QString& text, const QString& problem)
{
    PlatformTemplate t{name, language, {}, {}};
    if (!problem.isEmpty()) {
        // mhero.whatsapp_template_problem(): paused, deleted, not approved… since it was queued.
        t.problem = QCoreApplication::translate("mhero::channels::OutboxStore",
                                                "It cannot go as the WhatsApp template %1: %2.")
                        .arg(name, problem);
        return t;
    }
    const auto values = templates::placeholderValues(body, text);
    if (!values) {
        t.problem = QCoreApplication::translate("mhero::channels::OutboxStore",
                                                "The text no longer follows the template's wording, so it cannot "
                                                "go as the approved WhatsApp template %1.")
                        .arg(name);
        return t;
    }
    for (const QString& placeholder : templates::placeholders(body))
        t.parameters.append(values->value(placeholder));
    return t;
}
} // namespace

Result<QList<OutboxItem>> OutboxStore::claim(int sourceId, const QString& worker, int limit, int leaseSeconds)
{
    auto query = sql::exec(m_db, QStringLiteral(R"sql(
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
  LEFT JOIN mhero.template_version v ON v.id = m.template_version_id AND v.whatsapp_template_name IS NOT NULL
                                     AND EXISTS (SELECT FROM mhero.channel_kind k JOIN mhero.source s ON s.kind = k.kind
                                                  WHERE s.id = m.source_id AND k.templates)
 WHERE o.message_id = due.message_id
RETURNING o.message_id, m.conversation_id, o.attempts, o.attempt_started_at, m.text, u.urn,
          cc.contact_uuid, CASE WHEN u.status <> 'active' THEN u.status ELSE coalesce(cc.status, '') END,
          m.attachments::text, c.last_inbound_at, v.whatsapp_template_name, v.whatsapp_language,
          (SELECT b.body FROM mhero.template_body b
            WHERE v.id IS NOT NULL AND b.template_version_id = v.id AND mhero.text_follows_template(b.body, m.text)
            ORDER BY b.language LIMIT 1),
          CASE WHEN v.id IS NOT NULL THEN mhero.whatsapp_template_problem(v.id, m.source_id) END
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
        item.channelContactId = query->value(6).toString();
        item.contactStatus = query->value(7).toString();
        for (const QJsonValue& a : QJsonDocument::fromJson(query->value(8).toString().toUtf8()).array()) {
            const QJsonObject o = a.toObject();
            item.attachments.append({o.value(QLatin1String("content_type")).toString(),
                                     o.value(QLatin1String("file_name")).toString(),
                                     {}});
        }
        if (!query->value(9).isNull())
            item.lastInboundAt = query->value(9).toDateTime().toUTC();
        if (!query->value(10).isNull())
            item.platformTemplate = platformTemplate(query->value(10).toString(), query->value(11).toString(),
                                                     query->value(12).toString(), item.text,
                                                     query->value(13).toString());
        items.append(item);
    }
    std::sort(items.begin(), items.end(), [](const OutboxItem& a, const OutboxItem& b) { return a.messageId < b.messageId; });
    return items;
}

Result<bool> OutboxStore::markAttemptStarted(qint64 messageId, const QString& worker)
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

Status OutboxStore::recordAccepted(qint64 messageId, const ChannelMessage& accepted)
{
    auto transaction = sql::Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    const QString status = accepted.status.isEmpty() ? QStringLiteral("queued") : accepted.status;
    const bool failed = status == QLatin1String("failed");
    const QString reason = accepted.failureReason.isEmpty()
        ? tr("The messaging platform accepted the message but will not deliver it.")
        : accepted.failureReason;
    auto updated = sql::exec(
        m_db,
        QStringLiteral("UPDATE mhero.message SET external_id = ?, external_num = ?, status = ?, channel_status = ?, "
                       "status_changed_at = now(), "
                       // Sent when the attempt began (committed before the request left): a
                       // platform's "read up to" watermark (Messenger) is in its own time of the
                       // send, which is before its answer reached us.
                       "sent_at = CASE WHEN ? IN ('sent', 'delivered', 'read') THEN coalesce(sent_at, "
                       "(SELECT o.attempt_started_at FROM mhero.outbox o WHERE o.message_id = ?), now()) END, "
                       "failed_at = CASE WHEN ? THEN now() END, error = CASE WHEN ? THEN ? END WHERE id = ?"),
        {accepted.externalId,
         accepted.externalNum ? QVariant::fromValue(*accepted.externalNum) : QVariant(QMetaType(QMetaType::LongLong)),
         status, accepted.channelStatus, status, messageId, failed, failed, reason, messageId});
    if (updated)
        updated = sql::exec(m_db, QStringLiteral("DELETE FROM mhero.outbox WHERE message_id = ?"), {messageId});
    // Statuses that came before this record of the send (ChannelStore::applyStatuses, keepEarly),
    // one at a time in order of arrival (apply_statuses moves a message one step per call).
    if (updated && !accepted.externalId.isEmpty()) {
        updated = sql::exec(m_db, QStringLiteral("WITH early AS (DELETE FROM mhero.early_status e USING mhero.message m "
                                                 "WHERE m.id = ? AND e.source_id = m.source_id "
                                                 "AND e.external_id = m.external_id "
                                                 "RETURNING e.source_id, e.status, e.received_at) "
                                                 "SELECT min(source_id), jsonb_agg(status ORDER BY received_at)::text "
                                                 "FROM early HAVING count(*) > 0"),
                            {messageId});
        if (updated && updated->next()) {
            const int sourceId = updated->value(0).toInt();
            const QJsonArray early = QJsonDocument::fromJson(updated->value(1).toString().toUtf8()).array();
            for (const QJsonValue& one : early) {
                if (!updated)
                    break;
                updated = sql::exec(m_db, QStringLiteral("SELECT mhero.apply_statuses(?, jsonb_build_array(?::jsonb))"),
                                    {sourceId, QString::fromUtf8(QJsonDocument(one.toObject()).toJson(QJsonDocument::Compact))});
            }
        }
    }
    if (!updated)
        return updated.error(); // rolled back
    return transaction->commit();
}

Status OutboxStore::recordFailure(const OutboxItem& item, const QString& error, bool uncertain, bool permanent,
                                  const RetryPolicy& policy, const QString& platform, std::optional<int> errorCode)
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
    auto transaction = sql::Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    const QString shown = uncertain ? tr("%1 (%2 may or may not have accepted it)").arg(error, platform) : error;
    auto query = sql::exec(m_db,
                           QStringLiteral("UPDATE mhero.message SET status = 'failed', error = ?, error_code = ?, "
                                          "failed_at = now(), status_changed_at = now() "
                                          "WHERE id = ? AND status = 'queued'"),
                           {shown, errorCode ? QVariant(*errorCode) : QVariant(QMetaType(QMetaType::Int)), item.messageId});
    if (query)
        query = sql::exec(m_db,
                          QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = 'infinity', last_error = ?, "
                                         "claimed_by = NULL, claimed_at = NULL, "
                                         "attempt_started_at = CASE WHEN ? THEN attempt_started_at END "
                                         "WHERE message_id = ?"),
                          {shown, uncertain, item.messageId});
    if (!query)
        return query.error(); // rolled back
    return transaction->commit();
}

Status OutboxStore::release(const OutboxItem& item, int delayMs)
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

} // namespace mhero::channels
