#include "channels/meta/MetaIntake.h"

#include "channels/ChannelStore.h"
#include "channels/meta/MetaWebhook.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>

#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcMetaIntake, "mhero.channel.meta")

namespace mhero::meta {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::meta", text); // lupdate's context for tr() here
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
    if (kind == QLatin1String("whatsapp")) {
        auto events = parseWhatsApp(body);
        if (!events)
            return events.error();
        applied.problems = events->problems;
        // One Meta app's webhook carries every number and Business Account it serves, whichever
        // source's address Meta was given: each number's messages and statuses go to the source
        // of that number, each account's template changes to every source of that account.
        auto known = sql::exec(db, QStringLiteral("SELECT id, coalesce(config->>'phone_number_id', ''), "
                                                  "coalesce(config->>'waba_id', '') FROM mhero.source "
                                                  "WHERE kind = 'whatsapp'"));
        if (!known)
            return known.error();
        QHash<QString, int> byNumber;
        QMultiHash<QString, int> byAccount;
        while (known->next()) {
            byNumber.insert(known->value(1).toString(), known->value(0).toInt());
            byAccount.insert(known->value(2).toString(), known->value(0).toInt());
        }
        known->finish();
        for (const QString& number : std::as_const(events->phoneNumberIds)) {
            // A change without its number is taken as the receiving source's.
            const int target = number.isEmpty() ? sourceId : byNumber.value(number, 0);
            if (target == 0) {
                applied.problems << tr("messages for WhatsApp number %1, which is no source's: left out").arg(number.left(40));
                continue;
            }
            auto mine = parseWhatsApp(body, number);
            if (!mine)
                return mine.error();
            auto added = store.ingestInbound(target, mine->messages, &applied.problems);
            if (!added)
                return added.error();
            applied.messages += *added;
            auto moved = store.applyStatuses(target, mine->statuses, true);
            if (!moved)
                return moved.error();
            applied.statuses += *moved;
        }
        for (const TemplateStatusChange& change : std::as_const(events->templates)) {
            // Checked here as the table does: a violation would abort the event's transaction.
            static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,512}$"));
            static const QRegularExpression language(QStringLiteral("^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$"));
            static const QRegularExpression word(QStringLiteral("^[A-Z_]{1,40}$"));
            if (!name.match(change.name).hasMatch() || !language.match(change.language).hasMatch()
                || !word.match(change.event).hasMatch()
                || (!change.category.isEmpty() && !word.match(change.category).hasMatch())) {
                applied.problems << tr("a template update mHero cannot read (%1, %2, %3)")
                                        .arg(change.name.left(80), change.language.left(20), change.event.left(40));
                continue;
            }
            const QList<int> targets = byAccount.values(change.accountId);
            if (targets.isEmpty()) {
                applied.problems << tr("a template update for WhatsApp Business Account %1, which is no source's")
                                        .arg(change.accountId.left(40));
                continue;
            }
            // REINSTATED puts a paused or flagged template back in service.
            const QString status = change.event == QLatin1String("REINSTATED") ? QStringLiteral("APPROVED") : change.event;
            for (const int target : targets) {
            auto upserted = sql::exec(
                db,
                QStringLiteral("INSERT INTO mhero.whatsapp_template AS w (source_id, name, language, status, category, "
                               "template_id, reason) VALUES (?, ?, ?, ?, nullif(?, ''), nullif(?, ''), "
                               "nullif(nullif(?, ''), 'NONE')) "
                               "ON CONFLICT (source_id, name, language) DO UPDATE SET status = EXCLUDED.status, "
                               "category = coalesce(EXCLUDED.category, w.category), "
                               "template_id = coalesce(EXCLUDED.template_id, w.template_id), reason = EXCLUDED.reason, "
                               "updated_at = now()"),
                {target, change.name, change.language, status, change.category, change.templateId.left(64),
                 change.reason.left(500)});
            if (!upserted)
                return upserted.error();
            }
            ++applied.templates;
        }
    } else if (kind == QLatin1String("messenger")) {
        auto events = parseMessenger(body);
        if (!events)
            return events.error();
        applied.problems = events->problems;
        // As for WhatsApp: each Page's events go to the source of that Page.
        auto known = sql::exec(db, QStringLiteral("SELECT id, coalesce(config->>'page_id', '') FROM mhero.source "
                                                  "WHERE kind = 'messenger'"));
        if (!known)
            return known.error();
        QHash<QString, int> byPage;
        while (known->next())
            byPage.insert(known->value(1).toString(), known->value(0).toInt());
        known->finish();
        for (const QString& page : std::as_const(events->pageIds)) {
            const int target = page.isEmpty() ? sourceId : byPage.value(page, 0);
            if (target == 0) {
                applied.problems << tr("events for Facebook Page %1, which is no source's: left out").arg(page.left(40));
                continue;
            }
            auto mine = parseMessenger(body, page);
            if (!mine)
                return mine.error();
            for (const ReadWatermark& read : std::as_const(mine->reads)) {
                auto marked = sql::scalar(db, QStringLiteral("SELECT mhero.apply_read_watermark(?, ?, ?::timestamptz)"),
                                          {target, read.urn, read.upTo.toUTC().toString(Qt::ISODateWithMs)});
                if (!marked)
                    return marked.error();
                applied.reads += marked->toInt();
            }
            auto added = store.ingestInbound(target, mine->messages, &applied.problems);
            if (!added)
                return added.error();
            applied.messages += *added;
            auto moved = store.applyStatuses(target, mine->statuses, true);
            if (!moved)
                return moved.error();
            applied.statuses += *moved;
        }
    } else {
        return Error{QStringLiteral("webhook-wrong-kind"), tr("Source %1 does not take webhooks.").arg(sourceId), {}};
    }
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
    // Together first (one transaction for up to kBatch events: what 200 deliveries a second
    // need); when the database refuses the batch, one by one, so one bad event cannot hold the
    // others back and each failure is told on its own event.
    Report report;
    while (report.events < limit) {
        auto batch = processBatch(std::min(kBatch, limit - report.events));
        if (!batch)
            break; // rolled back: the loop below finds the culprit
        report.events += batch->events;
        report.messages += batch->messages;
        report.statuses += batch->statuses;
        report.reads += batch->reads;
        report.templates += batch->templates;
        report.problems += batch->problems;
        if (batch->events == 0)
            return report;
    }
    for (int i = report.events; i < limit; ++i) {
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

Result<MetaIntake::Report> MetaIntake::processBatch(int limit)
{
    Report report;
    auto begun = sql::Transaction::begin(m_db);
    if (!begun)
        return begun.error();
    std::optional<sql::Transaction> transaction(std::move(*begun));
    // Losing this commit in a crash loses nothing: the events stay unprocessed and are processed
    // again (storing is idempotent), so it need not wait for the disk.
    if (auto relaxed = sql::exec(m_db, QStringLiteral("SET LOCAL synchronous_commit = off")); !relaxed)
        return relaxed.error();
    auto pending = sql::exec(m_db, QStringLiteral("SELECT e.id, e.source_id, s.kind, e.body, e.attempts "
                                                  "FROM mhero.webhook_event e JOIN mhero.source s ON s.id = e.source_id "
                                                  "WHERE e.processed_at IS NULL ORDER BY e.id LIMIT ? "
                                                  "FOR UPDATE OF e SKIP LOCKED"),
                             {limit});
    if (!pending)
        return pending.error();
    struct Event
    {
        qint64 id;
        int sourceId;
        QString kind;
        QByteArray body;
        int attempts;
    };
    std::vector<Event> events;
    while (pending->next())
        events.push_back({pending->value(0).toLongLong(), pending->value(1).toInt(), pending->value(2).toString(),
                          pending->value(3).toByteArray(), pending->value(4).toInt() + 1});
    pending->finish();
    if (events.empty())
        return report;
    for (const Event& event : events) {
        auto applied = apply(m_db, event.sourceId, event.kind, event.body);
        QString error;
        if (!applied) {
            // Unreadable: given up with its reason (no database work was done for it). Anything
            // else fails the batch, and the one-by-one path takes over.
            if (!applied.error().code.startsWith(QLatin1String("webhook-")))
                return applied.error();
            error = applied.error().toString();
        } else {
            error = applied->problems.join(QLatin1Char('\n'));
            report.messages += applied->messages;
            report.statuses += applied->statuses;
            report.reads += applied->reads;
            report.templates += applied->templates;
            report.problems += int(applied->problems.size());
        }
        auto done = sql::exec(m_db,
                              QStringLiteral("UPDATE mhero.webhook_event SET processed_at = clock_timestamp(), "
                                             "attempts = ?, error = nullif(?, '') WHERE id = ?"),
                              {event.attempts, error, event.id});
        if (!done)
            return done.error();
        if (!error.isEmpty())
            qCWarning(lcMetaIntake).noquote() << "webhook event" << event.id << ":" << error;
        ++report.events;
    }
    if (Status committed = transaction->commit(); !committed)
        return committed.error();
    return report;
}

Result<int> MetaIntake::purgeProcessed(int days)
{
    auto query = sql::exec(m_db,
                           QStringLiteral("DELETE FROM mhero.webhook_event WHERE processed_at < now() - make_interval(days => ?)"),
                           {days});
    if (!query)
        return query.error();
    const int purged = query->numRowsAffected();
    // Early statuses no send claimed within a day belong to messages mHero did not send.
    auto early = sql::exec(m_db, QStringLiteral("DELETE FROM mhero.early_status WHERE received_at < now() - interval '1 day'"));
    if (!early)
        return early.error();
    return purged;
}

} // namespace mhero::meta
