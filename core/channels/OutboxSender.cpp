#include "channels/OutboxSender.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcOutbox, "mhero.outbox")

namespace mhero::channels {

OutboxSender::OutboxSender(ChannelAdapter& adapter, int sourceId, QSqlDatabase& db, QString worker, QObject* parent)
    : QObject(parent)
    , m_adapter(adapter)
    , m_sourceId(sourceId)
    , m_store(db)
    , m_worker(std::move(worker))
{ }

void OutboxSender::pause(int delayMs)
{
    m_pausedUntil = QDeadlineTimer(std::max(std::min(delayMs, kMaxPauseMs), 1000));
    qCInfo(lcOutbox).noquote() << m_adapter.platformName() << "asked us to wait" << delayMs << "ms";
}

void OutboxSender::setRateLimit(double messagesPerSecond)
{
    m_minIntervalMs = messagesPerSecond > 0 ? int(std::ceil(1000.0 / messagesPerSecond)) : 0;
}

void OutboxSender::run(std::function<void(Result<SendReport>)> done)
{
    m_policy = m_store.retryPolicy();
    auto report = std::make_shared<SendReport>();
    if (throttled()) {
        done(*report);
        return;
    }
    auto claimed = m_store.claim(m_sourceId, m_worker, m_claimBatch, m_policy.leaseSeconds);
    if (!claimed) {
        done(claimed.error());
        return;
    }
    if (claimed->isEmpty()) {
        done(*report);
        return;
    }
    sendBatch(std::move(*claimed), report, std::move(done));
}

void OutboxSender::sendBatch(QList<OutboxItem> items, std::shared_ptr<SendReport> report,
                             std::function<void(Result<SendReport>)> done)
{
    if (items.isEmpty()) {
        // Claim the next batch (what became due meanwhile included), until nothing is due.
        auto claimed = m_store.claim(m_sourceId, m_worker, m_claimBatch, m_policy.leaseSeconds);
        if (!claimed) {
            done(claimed.error());
            return;
        }
        if (claimed->isEmpty() || throttled()) {
            for (const OutboxItem& item : *claimed)
                (void)m_store.release(item, int(throttledForMs()));
            done(*report);
            return;
        }
        items = std::move(*claimed);
    }
    const OutboxItem item = items.takeFirst();
    sendOne(
        item,
        [this, items, report, done = std::move(done)](bool stop) mutable {
            if (stop) {
                for (const OutboxItem& rest : items) {
                    (void)m_store.release(rest, int(std::max<qint64>(throttledForMs(), 0)));
                    ++report->throttled;
                }
                done(*report);
                return;
            }
            sendBatch(std::move(items), report, std::move(done));
        },
        report);
}

void OutboxSender::fail(const OutboxItem& item, const QString& error, bool uncertain, bool permanent,
                        SendReport& report, std::optional<int> errorCode)
{
    const bool last = permanent || item.attempts >= m_policy.maxAttempts;
    if (Status s = m_store.recordFailure(item, error, uncertain, permanent, m_policy, m_adapter.platformName(),
                                         errorCode);
        !s)
        qCWarning(lcOutbox).noquote() << "could not record the failure of message" << item.messageId
                                      << s.error().toString();
    ++(last ? report.failed : report.retrying);
    qCInfo(lcOutbox).noquote() << m_adapter.platformName() << "message" << item.messageId << "attempt" << item.attempts
                               << (last ? "failed:" : "will be retried:") << error;
}

void OutboxSender::sendOne(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report)
{
    if (item.contactStatus == QLatin1String("stopped") || item.contactStatus == QLatin1String("blocked")) {
        fail(item, tr("Not sent: this person has opted out (%1).").arg(item.contactStatus), false, true, *report);
        next(false);
        return;
    }
    if (!item.unfinishedAttemptAt.isValid()) {
        post(item, std::move(next), report);
        return;
    }
    // An earlier attempt may have reached the platform: find it there before sending again.
    lookUp(item, [this, item, next = std::move(next), report](Result<std::optional<ChannelMessage>> found) mutable {
        if (!found) {
            fail(item, tr("Could not check whether an earlier attempt arrived: %1").arg(found.error().message), true,
                 false, *report);
            next(false);
            return;
        }
        if (*found) {
            if (Status s = m_store.recordAccepted(item.messageId, **found); !s) {
                qCWarning(lcOutbox).noquote() << "could not record message" << item.messageId << s.error().toString();
                next(true);
                return;
            }
            ++report->adopted;
            qCInfo(lcOutbox).noquote() << m_adapter.platformName() << "message" << item.messageId
                                       << "had arrived at an earlier attempt as" << (*found)->externalId;
            next(false);
            return;
        }
        post(item, std::move(next), report);
    });
}

void OutboxSender::lookUp(const OutboxItem& item, std::function<void(Result<std::optional<ChannelMessage>>)> done)
{
    m_adapter.findAttempts(item.outbound(), [this, done = std::move(done)](Result<QList<ChannelMessage>> candidates) {
        if (!candidates) {
            done(candidates.error());
            return;
        }
        QStringList ids;
        for (const ChannelMessage& m : *candidates)
            ids.append(m.externalId);
        auto known = m_store.knownExternalIds(m_sourceId, ids);
        if (!known) {
            done(known.error());
            return;
        }
        // The oldest same-text message to this person that no stored message claims is ours.
        std::optional<ChannelMessage> found;
        for (const ChannelMessage& m : *candidates)
            if (!known->contains(m.externalId) && (!found || m.createdOn < found->createdOn))
                found = m;
        done(found);
    });
}

void OutboxSender::post(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report)
{
    if (m_minIntervalMs > 0 && m_lastSend.isValid() && m_lastSend.elapsed() < m_minIntervalMs) {
        // The channel's rate limit: wait on a timer, before the attempt is marked, so a crash
        // while waiting leaves nothing to look up.
        QTimer::singleShot(
            int(m_minIntervalMs - m_lastSend.elapsed()), this,
            [this, item, next = std::move(next), report]() mutable { postNow(item, std::move(next), report); });
        return;
    }
    postNow(item, std::move(next), report);
}

void OutboxSender::postNow(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report)
{
    auto started = m_store.markAttemptStarted(item.messageId, m_worker);
    if (!started || !*started) {
        // Lost the claim (it outlived its lease) or the database is gone: leave the row alone.
        next(!started);
        return;
    }
    OutboundMessage message = item.outbound();
    if (!item.attachments.isEmpty()) {
        auto files = m_store.loadAttachments(item.messageId);
        if (!files || files->size() != item.attachments.size()) {
            // Nothing left yet: an attempt that never went out, retried like a refused connection.
            fail(item,
                 files ? tr("The attachment of this message is missing from the database.") : files.error().message,
                 false, files.ok(), *report);
            next(!files.ok());
            return;
        }
        message.attachments = std::move(*files);
    }
    m_lastSend.start();
    m_adapter.send(message, [this, item, next = std::move(next), report](SendOutcome outcome) {
        switch (outcome.kind) {
        case SendOutcome::Kind::Accepted:
            if (Status s = m_store.recordAccepted(item.messageId, outcome.message); !s) {
                qCWarning(lcOutbox).noquote() << "could not record message" << item.messageId << s.error().toString();
                next(true);
                return;
            }
            ++(outcome.message.status == QLatin1String("failed") ? report->failed : report->sent);
            next(false);
            return;
        case SendOutcome::Kind::Throttled:
            (void)m_store.release(item, outcome.retryAfterMs);
            ++report->throttled;
            pause(outcome.retryAfterMs);
            next(true);
            return;
        case SendOutcome::Kind::Uncertain:
            fail(item, outcome.reason, true, false, *report, outcome.errorCode);
            next(false);
            return;
        case SendOutcome::Kind::TransientFailure:
            fail(item, outcome.reason, false, false, *report, outcome.errorCode);
            next(outcome.stopRun);
            return;
        case SendOutcome::Kind::PermanentFailure:
            fail(item, outcome.reason, false, true, *report, outcome.errorCode);
            next(false);
            return;
        }
    });
}

} // namespace mhero::channels
