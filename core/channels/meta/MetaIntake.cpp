#include "channels/meta/MetaIntake.h"

#include "channels/ChannelStore.h"
#include "channels/meta/MetaWebhook.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <optional>

Q_LOGGING_CATEGORY(lcMetaIntake, "mhero.channel.meta")

namespace mhero::meta {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::meta::MetaIntake", text);
}

/// What one event did, applied inside the caller's transaction.
struct Applied
{
    int messages = 0;
    int statuses = 0;
    int reads = 0;
    int templates = 0;
    QStringList problems;
};

Result<Applied> apply(QSqlDatabase& db, int sourceId, const QString& kind, const QByteArray& body)
{
    Applied applied;
    channels::ChannelStore store(db);
    QList<channels::InboundMessage> messages;
    QList<channels::StatusUpdate> statuses;
    if (kind == QLatin1String("whatsapp")) {
        auto events = parseWhatsApp(body);
        if (!events)
            return events.error();
        messages = events->messages;
        statuses = events->statuses;
        applied.templates = int(events->templates.size());
        applied.problems = events->problems;
    } else if (kind == QLatin1String("messenger")) {
        auto events = parseMessenger(body);
        if (!events)
            return events.error();
        messages = events->messages;
        statuses = events->statuses;
        applied.problems = events->problems;
        for (const ReadWatermark& read : std::as_const(events->reads)) {
            auto marked = sql::scalar(db, QStringLiteral("SELECT mhero.apply_read_watermark(?, ?, ?::timestamptz)"),
                                      {sourceId, read.urn, read.upTo.toUTC().toString(Qt::ISODateWithMs)});
            if (!marked)
                return marked.error();
            applied.reads += marked->toInt();
        }
    } else {
        return Error{QStringLiteral("webhook-wrong-kind"), tr("Source %1 does not take webhooks.").arg(sourceId), {}};
    }
    auto added = store.ingestInbound(sourceId, messages, &applied.problems);
    if (!added)
        return added.error();
    applied.messages = *added;
    auto moved = store.applyStatuses(sourceId, statuses);
    if (!moved)
        return moved.error();
    applied.statuses = *moved;
    return applied;
}
} // namespace

Result<bool> MetaIntake::store(int sourceId, const QByteArray& body)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("INSERT INTO mhero.webhook_event (source_id, body) VALUES (?, ?) "
                                          "ON CONFLICT (source_id, body_sha256) DO NOTHING RETURNING id"),
                           {sourceId, body});
    if (!query)
        return query.error();
    return query->next();
}

Result<MetaIntake::Report> MetaIntake::processPending(int limit)
{
    Report report;
    for (int i = 0; i < limit; ++i) {
        auto begun = sql::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        std::optional<sql::Transaction> transaction(std::move(*begun));
        // SKIP LOCKED: two engines (or the webhook thread and a catch-up run) never take the same event.
        auto next = sql::exec(m_db, QStringLiteral("SELECT e.id, e.source_id, s.kind, e.body, e.attempts "
                                                   "FROM mhero.webhook_event e JOIN mhero.source s ON s.id = e.source_id "
                                                   "WHERE e.processed_at IS NULL ORDER BY e.id LIMIT 1 "
                                                   "FOR UPDATE OF e SKIP LOCKED"));
        if (!next)
            return next.error();
        if (!next->next())
            break;
        const qint64 id = next->value(0).toLongLong();
        const int sourceId = next->value(1).toInt();
        const QString kind = next->value(2).toString();
        const QByteArray body = next->value(3).toByteArray();
        const int attempts = next->value(4).toInt() + 1;
        next->finish();

        auto applied = apply(m_db, sourceId, kind, body);
        if (applied) {
            const QString problems = applied->problems.join(QLatin1Char('\n'));
            auto done = sql::exec(m_db,
                                  QStringLiteral("UPDATE mhero.webhook_event SET processed_at = clock_timestamp(), "
                                                 "attempts = ?, error = nullif(?, '') WHERE id = ?"),
                                  {attempts, problems, id});
            if (!done)
                return done.error();
            if (Status committed = transaction->commit(); !committed)
                return committed.error();
            ++report.events;
            report.messages += applied->messages;
            report.statuses += applied->statuses;
            report.reads += applied->reads;
            report.templates += applied->templates;
            report.problems += int(applied->problems.size());
            for (const QString& problem : std::as_const(applied->problems))
                qCWarning(lcMetaIntake).noquote() << "webhook event" << id << "left out" << problem;
            continue;
        }
        // Nothing of it stays; say why on the event (a new transaction: this one is broken).
        const Error error = applied.error();
        transaction.reset(); // rolled back
        // A body that cannot be read will never be readable: given up at once. A refusal of the
        // database may pass (a connection lost, a lock): tried again, up to kMaxAttempts.
        const bool unreadable = error.code.startsWith(QLatin1String("webhook-"));
        const bool giveUp = unreadable || attempts >= kMaxAttempts;
        auto noted = sql::exec(m_db,
                               QStringLiteral("UPDATE mhero.webhook_event SET attempts = ?, error = ?, "
                                              "processed_at = CASE WHEN ? THEN clock_timestamp() END WHERE id = ?"),
                               {attempts, error.toString(), giveUp, id});
        if (!noted)
            return noted.error();
        qCWarning(lcMetaIntake).noquote() << "webhook event" << id << (giveUp ? "given up:" : "failed, will retry:")
                                          << error.toString();
        if (giveUp)
            ++report.events;
        else {
            ++report.failed;
            break; // the database may be in trouble: try again on the next round, not in a tight loop
        }
    }
    return report;
}

Result<int> MetaIntake::purgeProcessed(int days)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("DELETE FROM mhero.webhook_event WHERE processed_at < now() - make_interval(days => ?)"),
                           {days});
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

} // namespace mhero::meta
