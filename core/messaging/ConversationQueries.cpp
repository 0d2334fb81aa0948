#include "messaging/ConversationQueries.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>

namespace mhero::messaging {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::messaging", text); // lupdate's context for tr() here
}

// Keyset values travel as text with microseconds: a QDateTime would round them to milliseconds
// and the next page would skip or repeat rows.
constexpr auto kKeyFormat = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

QString keyOf(const char* column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', %2)").arg(QLatin1String(column), QLatin1String(kKeyFormat));
}

// The queue line's columns over "c" (conversation rows already filtered and limited).
QString queueSelect()
{
    return QStringLiteral(
               "SELECT c.id, c.urn_id, u.urn, u.scheme, coalesce(hw.display_name, cc.name, u.display, u.urn), "
               "coalesce(hw.id, 0), coalesce(hw.cadre, ''), coalesce(hw.facility, ''), coalesce(c.assignee::text, ''), "
               "coalesce(a.display_name, c.assignee::text, ''), c.status, coalesce(c.last_message_text, ''), "
               "coalesce(c.last_message_direction, ''), c.last_activity_at, %1, c.unread_count, c.window_ends_at, "
               "CASE WHEN u.status IN ('stopped', 'blocked') THEN u.status "
               "     WHEN cc.status IN ('stopped', 'blocked') THEN cc.status ELSE '' END, coalesce(s.name, '') ")
        .arg(keyOf("c.last_activity_at"));
}

QString queueJoins()
{
    return QStringLiteral(
        "JOIN mhero.contact_urn u ON u.id = c.urn_id "
        "LEFT JOIN mhero.health_worker hw ON hw.id = u.health_worker_id "
        "LEFT JOIN mhero.channel_contact cc ON cc.source_id = c.channel_source_id AND cc.urn_id = c.urn_id "
        "LEFT JOIN mhero.app_user a ON a.role_name = c.assignee "
        "LEFT JOIN mhero.source s ON s.id = c.channel_source_id ");
}

ConversationRow readConversation(const QSqlQuery& q)
{
    ConversationRow r;
    r.id = q.value(0).toLongLong();
    r.urnId = q.value(1).toLongLong();
    r.urn = q.value(2).toString();
    r.scheme = q.value(3).toString();
    r.contactName = q.value(4).toString();
    r.healthWorkerId = q.value(5).toLongLong();
    r.cadre = q.value(6).toString();
    r.facility = q.value(7).toString();
    r.assignee = q.value(8).toString();
    r.assigneeName = q.value(9).toString();
    r.status = q.value(10).toString();
    r.lastMessageText = q.value(11).toString();
    r.lastMessageDirection = q.value(12).toString();
    r.lastActivityAt = q.value(13).toDateTime();
    r.activityKey = q.value(14).toString();
    r.unreadCount = q.value(15).toInt();
    r.windowEndsAt = q.value(16).toDateTime();
    r.optOutStatus = q.value(17).toString();
    r.optedOut = !r.optOutStatus.isEmpty();
    r.channelName = q.value(18).toString();
    return r;
}

QString messageSelect()
{
    // The attachments come from mhero.media (the columns consoles may read; never the bytes).
    return QStringLiteral(
               "SELECT m.id, m.direction, m.text, "
               "coalesce((SELECT json_agg(json_build_object('position', md.position, 'content_type', "
               "md.content_type, 'file_name', md.file_name, 'size', md.size, 'state', md.state, 'error', "
               "md.error) ORDER BY md.position) FROM mhero.media md WHERE md.message_id = m.id), '[]')::text, "
               "coalesce(m.author::text, ''), "
               "coalesce(a.display_name, m.author::text, ''), m.status, coalesce(m.error, ''), "
               "m.created_at, %1, m.sent_at, m.delivered_at, m.read_at, m.failed_at, "
               "coalesce(m.template_version_id, 0), coalesce(m.unsupported_type, ''), "
               "coalesce(o.attempts, 0), coalesce(o.last_error, ''), "
               "CASE WHEN isfinite(o.next_attempt_at) THEN o.next_attempt_at END, "
               "coalesce(NOT s.enabled, false), coalesce(s.name, '') "
               "FROM mhero.message m LEFT JOIN mhero.app_user a ON a.role_name = m.author "
               "LEFT JOIN mhero.outbox o ON o.message_id = m.id AND m.status = 'queued' "
               "LEFT JOIN mhero.source s ON s.id = m.source_id ")
        .arg(keyOf("m.created_at"));
}

MessageRow readMessage(const QSqlQuery& q)
{
    MessageRow m;
    m.id = q.value(0).toLongLong();
    m.direction = q.value(1).toString();
    m.text = q.value(2).toString();
    const QJsonArray attachments = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
    for (const QJsonValue& a : attachments) {
        const QJsonObject o = a.toObject();
        Attachment attachment;
        attachment.position = o.value(QLatin1String("position")).toInt();
        attachment.contentType = o.value(QLatin1String("content_type")).toString();
        attachment.fileName = o.value(QLatin1String("file_name")).toString();
        attachment.size
            = o.value(QLatin1String("size")).isDouble() ? qint64(o.value(QLatin1String("size")).toDouble()) : -1;
        attachment.state = o.value(QLatin1String("state")).toString();
        attachment.error = o.value(QLatin1String("error")).toString();
        m.attachments.append(attachment);
    }
    m.author = q.value(4).toString();
    m.authorName = q.value(5).toString();
    m.status = q.value(6).toString();
    m.error = q.value(7).toString();
    m.createdAt = q.value(8).toDateTime();
    m.createdKey = q.value(9).toString();
    m.sentAt = q.value(10).toDateTime();
    m.deliveredAt = q.value(11).toDateTime();
    m.readAt = q.value(12).toDateTime();
    m.failedAt = q.value(13).toDateTime();
    m.templateVersionId = q.value(14).toLongLong();
    m.unsupportedType = q.value(15).toString();
    m.attempts = q.value(16).toInt();
    m.lastError = q.value(17).toString();
    m.nextAttemptAt = q.value(18).toDateTime();
    m.channelOff = q.value(19).toBool();
    m.channelName = q.value(20).toString();
    return m;
}

QString displayNameOf(QSqlDatabase& db, const QString& role)
{
    auto name = sql::scalar(
        db, QStringLiteral("SELECT coalesce((SELECT display_name FROM mhero.app_user WHERE role_name = ?), ?)"),
        {role, role});
    return name ? name->toString() : role;
}

// Turns a refusal of the definer functions into words for the agent; the hint stays as detail.
Error explain(QSqlDatabase& db, const Error& error)
{
    const QString hint = errorHint(error);
    Error e{error.code, error.message, hint};
    if (hint.startsWith(QLatin1String("assigned:")))
        e.message = tr("%1 has this conversation.").arg(displayNameOf(db, hint.mid(9)));
    else if (hint == QLatin1String("opted-out"))
        e.message = tr("This person has opted out of messages; nothing can be sent to them.");
    else if (hint == QLatin1String("templates-only"))
        e.message = tr("This deployment sends approved templates only: choose a template (Ctrl+T).");
    else if (hint.startsWith(QLatin1String("conversation:")))
        e.message = tr("This person has a newer open conversation; continue there.");
    else if (hint == QLatin1String("no-address"))
        e.message = tr("This person has no valid phone number to write to; correct it in the registry.");
    else if (hint == QLatin1String("media-type"))
        e.message = tr("This channel cannot send this kind of file: %1").arg(error.message);
    else if (hint.startsWith(QLatin1String("media-size:")))
        e.message = tr("The file is too large for this channel (at most %1 MB).")
                        .arg(hint.mid(11).toDouble() / (1024 * 1024), 0, 'f', 1);
    else if (hint == QLatin1String("media-empty"))
        e.message = tr("The file is empty.");
    else if (hint == QLatin1String("no-sms-channel"))
        e.message = tr("No SMS channel is set up: ask IT to connect a RapidPro workspace.");
    else if (hint == QLatin1String("not-whatsapp"))
        e.message = tr("This conversation is not with a WhatsApp number.");
    else if (hint == QLatin1String("no-channel"))
        e.message = tr("No messaging channel is set up (or several are): ask IT to connect one RapidPro workspace.");
    return e;
}

Status callVoid(QSqlDatabase& db, const QString& statement, const QVariantList& values)
{
    auto result = sql::exec(db, statement, values);
    if (!result)
        return explain(db, result.error());
    return {};
}

} // namespace

QString errorHint(const Error& error)
{
    const QStringList lines = error.detail.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("HINT:")))
            return trimmed.mid(5).trimmed();
    }
    return {};
}

QueueQuery buildQueueQuery(QueueView view, const std::optional<QueueCursor>& after, int limit)
{
    // Each view matches one partial index of migration 3, in its order, so a page is an index range
    // scan however many conversations there are; the joins run on the page's rows only.
    QString where;
    switch (view) {
    case QueueView::Unassigned:
        where = QStringLiteral("c.status <> 'resolved' AND c.assignee IS NULL");
        break;
    case QueueView::Mine:
        where = QStringLiteral("c.status <> 'resolved' AND c.assignee = session_user");
        break;
    case QueueView::Open:
        where = QStringLiteral("c.status <> 'resolved'");
        break;
    case QueueView::Resolved:
        where = QStringLiteral("c.status = 'resolved'");
        break;
    }
    QueueQuery q;
    if (after) {
        where += QStringLiteral(" AND (c.last_activity_at, c.id) < (?::timestamptz, ?)");
        q.values << after->activityKey << after->id;
    }
    q.values << limit;
    q.sql = queueSelect()
        + QStringLiteral("FROM (SELECT * FROM mhero.conversation c WHERE %1 "
                         "ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?) c ")
              .arg(where)
        + queueJoins() + QStringLiteral("ORDER BY c.last_activity_at DESC, c.id DESC");
    return q;
}

Result<QueuePage> loadQueue(QSqlDatabase& db, QueueView view, const std::optional<QueueCursor>& after, int limit)
{
    const QueueQuery q = buildQueueQuery(view, after, limit);
    auto query = sql::exec(db, q.sql, q.values);
    if (!query)
        return query.error();
    QueuePage page;
    while (query->next())
        page.rows.append(readConversation(*query));
    if (page.rows.size() == limit)
        page.next = QueueCursor{page.rows.constLast().activityKey, page.rows.constLast().id};
    return page;
}

Result<std::optional<ConversationRow>> loadConversation(QSqlDatabase& db, qint64 id)
{
    auto query = sql::exec(db,
                           queueSelect() + QStringLiteral("FROM mhero.conversation c ") + queueJoins()
                               + QStringLiteral("WHERE c.id = ?"),
                           {id});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ConversationRow>{};
    return std::optional<ConversationRow>{readConversation(*query)};
}

bool belongsTo(const ConversationRow& row, QueueView view, const QString& me)
{
    const bool resolved = row.status == QLatin1String("resolved");
    switch (view) {
    case QueueView::Unassigned:
        return !resolved && row.assignee.isEmpty();
    case QueueView::Mine:
        return !resolved && row.assignee == me;
    case QueueView::Open:
        return !resolved;
    case QueueView::Resolved:
        return resolved;
    }
    return false;
}

bool queueOrderBefore(const ConversationRow& a, const ConversationRow& b)
{
    // The keys are fixed-width ISO text in UTC, so they compare as the timestamps do.
    if (a.activityKey != b.activityKey)
        return a.activityKey > b.activityKey;
    return a.id > b.id;
}

Result<QueueCounts> loadCounts(QSqlDatabase& db)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT unassigned, mine, open, resolved, mine_unread "
                                          "FROM mhero.conversation_counts()"));
    if (!query)
        return query.error();
    QueueCounts c;
    if (query->next()) {
        c.unassigned = query->value(0).toLongLong();
        c.mine = query->value(1).toLongLong();
        c.open = query->value(2).toLongLong();
        c.resolved = query->value(3).toLongLong();
        c.mineUnread = query->value(4).toLongLong();
    }
    return c;
}

Result<ThreadPage> loadThread(QSqlDatabase& db, qint64 conversationId, const std::optional<ThreadCursor>& before,
                              int limit)
{
    QString statement = messageSelect() + QStringLiteral("WHERE m.conversation_id = ? ");
    QVariantList values{conversationId};
    if (before) {
        statement += QStringLiteral("AND (m.created_at, m.id) < (?::timestamptz, ?) ");
        values << before->createdKey << before->id;
    }
    statement += QStringLiteral("ORDER BY m.created_at DESC, m.id DESC LIMIT ?");
    values << limit + 1; // one more tells whether older messages remain
    auto query = sql::exec(db, statement, values);
    if (!query)
        return query.error();
    ThreadPage page;
    while (query->next())
        page.rows.prepend(readMessage(*query));
    if (page.rows.size() > limit) {
        page.rows.removeFirst();
        page.older = ThreadCursor{page.rows.constFirst().createdKey, page.rows.constFirst().id};
    }
    return page;
}

Result<QList<MessageRow>> loadThreadChanges(QSqlDatabase& db, qint64 conversationId, qint64 afterId,
                                            const QList<qint64>& recheck)
{
    QStringList ids;
    for (qint64 id : recheck)
        ids << QString::number(id);
    auto query
        = sql::exec(db,
                    messageSelect()
                        + QStringLiteral("WHERE m.conversation_id = ? AND (m.id > ? OR m.id = ANY (?::bigint[])) "
                                         "ORDER BY m.created_at, m.id"),
                    {conversationId, afterId, QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))});
    if (!query)
        return query.error();
    QList<MessageRow> rows;
    while (query->next())
        rows.append(readMessage(*query));
    return rows;
}

Result<ContactCard> loadContactCard(QSqlDatabase& db, qint64 conversationId)
{
    auto query = sql::exec(
        db,
        QStringLiteral(
            "SELECT u.id, u.urn, coalesce(hw.id, 0), coalesce(hw.display_name, cc.name, u.display, u.urn), "
            "coalesce(cc.name, u.display, ''), coalesce(hw.cadre, ''), coalesce(hw.job, ''), coalesce(hw.facility, "
            "''), "
            "coalesce(hw.district, ''), "
            "coalesce((SELECT string_agg(coalesce(p.e164, p.raw), '\n' ORDER BY p.e164 NULLS LAST, p.raw) "
            "          FROM mhero.health_worker_phone p WHERE p.health_worker_id = hw.id), ''), "
            "coalesce(hw.language, cc.language, c.language, ''), coalesce(s.name, ''), coalesce(hw.active, true), "
            "CASE WHEN u.status IN ('stopped', 'blocked') THEN u.status "
            "     WHEN cc.status IN ('stopped', 'blocked') THEN cc.status ELSE '' END, "
            "coalesce(hw.given_name, ''), coalesce(hw.family_name, ''), coalesce(c.language, '') "
            "FROM mhero.conversation c JOIN mhero.contact_urn u ON u.id = c.urn_id "
            "LEFT JOIN mhero.health_worker hw ON hw.id = u.health_worker_id "
            "LEFT JOIN mhero.channel_contact cc ON cc.source_id = c.channel_source_id AND cc.urn_id = c.urn_id "
            "LEFT JOIN mhero.source s ON s.id = hw.source_id WHERE c.id = ?"),
        {conversationId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error{QStringLiteral("no-row"), tr("This conversation no longer exists."), {}};
    ContactCard card;
    card.urnId = query->value(0).toLongLong();
    card.urn = query->value(1).toString();
    card.healthWorkerId = query->value(2).toLongLong();
    card.name = query->value(3).toString();
    card.platformName = query->value(4).toString();
    card.cadre = query->value(5).toString();
    card.job = query->value(6).toString();
    card.facility = query->value(7).toString();
    card.district = query->value(8).toString();
    const QString phones = query->value(9).toString();
    if (!phones.isEmpty())
        card.phones = phones.split(QLatin1Char('\n'));
    card.language = query->value(10).toString();
    card.source = query->value(11).toString();
    card.active = query->value(12).toBool();
    card.optOutStatus = query->value(13).toString();
    card.givenName = query->value(14).toString();
    card.familyName = query->value(15).toString();
    card.conversationLanguage = query->value(16).toString();
    return card;
}

Result<QString> loadFreeTextPolicy(QSqlDatabase& db)
{
    auto value = sql::scalar(db,
                             QStringLiteral("SELECT coalesce((SELECT value #>> '{}' FROM mhero.setting "
                                            "WHERE key = 'messaging.free_text_policy'), 'templates_only')"));
    if (!value)
        return value.error();
    return value->toString();
}

Result<QList<Assignable>> loadAssignable(QSqlDatabase& db)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT role_name, display_name FROM mhero.app_user "
                                          "WHERE active AND kind IN ('agent', 'supervisor') ORDER BY display_name"));
    if (!query)
        return query.error();
    QList<Assignable> people;
    while (query->next())
        people.append({query->value(0).toString(), query->value(1).toString()});
    return people;
}

Result<ClaimOutcome> claim(QSqlDatabase& db, qint64 conversationId)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT who, coalesce((SELECT display_name FROM mhero.app_user WHERE "
                                          "role_name = who), who::text), who = session_user "
                                          "FROM mhero.claim_conversation(?) AS who"),
                           {conversationId});
    if (!query)
        return explain(db, query.error());
    if (!query->next())
        return Error{QStringLiteral("no-row"), tr("The server did not answer the claim."), {}};
    return ClaimOutcome{query->value(0).toString(), query->value(1).toString(), query->value(2).toBool()};
}

Status release(QSqlDatabase& db, qint64 conversationId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.assign_conversation(?, NULL)"), {conversationId});
}

Status assign(QSqlDatabase& db, qint64 conversationId, const QString& roleName)
{
    return callVoid(db, QStringLiteral("SELECT mhero.assign_conversation(?, ?::name)"), {conversationId, roleName});
}

Status resolve(QSqlDatabase& db, qint64 conversationId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.resolve_conversation(?)"), {conversationId});
}

Status reopen(QSqlDatabase& db, qint64 conversationId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.reopen_conversation(?)"), {conversationId});
}

Status markRead(QSqlDatabase& db, qint64 conversationId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.mark_conversation_read(?)"), {conversationId});
}

Result<qint64> reply(QSqlDatabase& db, qint64 conversationId, const QString& text, qint64 templateVersionId)
{
    auto id
        = sql::scalar(db, QStringLiteral("SELECT mhero.reply(?, ?, ?::bigint)"),
                      {conversationId, text,
                       templateVersionId > 0 ? QVariant(templateVersionId) : QVariant(QMetaType::fromType<qint64>())});
    if (!id)
        return explain(db, id.error());
    return id->toLongLong();
}

Result<qint64> replyWithMedia(QSqlDatabase& db, qint64 conversationId, const QString& text, qint64 templateVersionId,
                              const OutgoingAttachment& attachment)
{
    auto id
        = sql::scalar(db, QStringLiteral("SELECT mhero.reply_with_media(?, ?, ?::bigint, ?, ?, ?::bytea, ?::bytea)"),
                      {conversationId, text,
                       templateVersionId > 0 ? QVariant(templateVersionId) : QVariant(QMetaType::fromType<qint64>()),
                       attachment.contentType, attachment.fileName, attachment.bytes,
                       attachment.thumbnail.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                      : QVariant(attachment.thumbnail)});
    if (!id)
        return explain(db, id.error());
    return id->toLongLong();
}

Status retry(QSqlDatabase& db, qint64 messageId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.retry_message(?)"), {messageId});
}

Status linkContact(QSqlDatabase& db, qint64 urnId, qint64 healthWorkerId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.link_contact(?, ?)"), {urnId, healthWorkerId});
}

Status liftOptOut(QSqlDatabase& db, qint64 urnId)
{
    return callVoid(db, QStringLiteral("SELECT mhero.lift_opt_out(?)"), {urnId});
}

Result<qint64> startConversation(QSqlDatabase& db, qint64 healthWorkerId)
{
    auto id = sql::scalar(db, QStringLiteral("SELECT mhero.start_conversation(?)"), {healthWorkerId});
    if (!id)
        return explain(db, id.error());
    return id->toLongLong();
}

Result<ReplyWindow> loadReplyWindow(QSqlDatabase& db, qint64 conversationId)
{
    // The newest outbound message decides what its failure offers: an older failure the agent
    // has since written past (or a new inbound message, for 131047) no longer matters.
    auto query = sql::exec(
        db,
        QStringLiteral(
            "SELECT s.id, s.kind, coalesce(k.platform, ''), k.kind IS NOT NULL AND k.reply_window_seconds IS NOT NULL, "
            "       coalesce(k.templates, false), c.last_inbound_at IS NOT NULL, coalesce(k.reply_window_seconds, 0), "
            "       coalesce(k.agent_window_seconds, k.reply_window_seconds, 0), "
            "       coalesce(floor(extract(epoch FROM c.last_inbound_at "
            "                + make_interval(secs => k.reply_window_seconds) - now()))::bigint, 0), "
            "       coalesce(floor(extract(epoch FROM c.last_inbound_at + make_interval(secs => coalesce("
            "                k.agent_window_seconds, k.reply_window_seconds)) - now()))::bigint, 0), "
            "       coalesce(o.status = 'failed' AND (o.error_code = 131047 OR o.error LIKE '131047%') "
            "                AND (c.last_inbound_at IS NULL OR c.last_inbound_at < o.created_at), false), "
            "       coalesce(o.status = 'failed' AND (o.error_code = 131026 OR o.error LIKE '131026%'), false) "
            "  FROM mhero.conversation c "
            "  LEFT JOIN mhero.source s ON s.id = c.channel_source_id "
            "  LEFT JOIN mhero.channel_kind k ON k.kind = s.kind "
            "  LEFT JOIN LATERAL (SELECT m.status, m.error, m.error_code, m.created_at FROM mhero.message m "
            "                      WHERE m.conversation_id = c.id AND m.direction = 'out' "
            "                      ORDER BY m.created_at DESC, m.id DESC LIMIT 1) o ON true "
            " WHERE c.id = ?"),
        {conversationId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error{QStringLiteral("no-row"), tr("This conversation does not exist."), {}};
    ReplyWindow w;
    w.conversationId = conversationId;
    w.sourceId = query->value(0).toInt();
    w.kind = query->value(1).toString();
    w.platform = query->value(2).toString();
    w.hasWindow = query->value(3).toBool();
    w.platformTemplates = query->value(4).toBool();
    w.personWrote = query->value(5).toBool();
    w.freeWindowSeconds = query->value(6).toInt();
    w.agentWindowSeconds = query->value(7).toInt();
    w.freeSecondsLeft = query->value(8).toLongLong();
    w.agentSecondsLeft = query->value(9).toLongLong();
    w.reengagementRefused = query->value(10).toBool();
    w.notOnWhatsApp = w.kind == QLatin1String("whatsapp") && query->value(11).toBool();
    return w;
}

Result<qint64> startSmsConversation(QSqlDatabase& db, qint64 whatsAppConversationId)
{
    auto id = sql::scalar(db, QStringLiteral("SELECT mhero.start_sms_conversation(?)"), {whatsAppConversationId});
    if (!id)
        return explain(db, id.error());
    return id->toLongLong();
}

Result<qint64> exampleConversation(QSqlDatabase& db, const QString& sourceKind, bool windowOpen)
{
    auto id = sql::scalar(
        db,
        QStringLiteral(
            "SELECT coalesce((SELECT c.id FROM mhero.conversation c "
            "  JOIN mhero.source s ON s.id = c.channel_source_id "
            "  JOIN mhero.channel_kind k ON k.kind = s.kind "
            " WHERE s.kind = ? AND c.status <> 'resolved' AND c.last_inbound_at IS NOT NULL "
            "   AND (c.last_inbound_at > now() - make_interval(secs => coalesce(k.reply_window_seconds, 0))) = ? "
            " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 1), 0)"),
        {sourceKind, windowOpen});
    if (!id)
        return id.error();
    return id->toLongLong();
}

} // namespace mhero::messaging
