#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"
#include "channels/OutboxStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace mhero::channels {

/// What one run of the outbox sender did.
struct SendReport
{
    int sent = 0; ///< accepted by the platform
    int adopted = 0; ///< found already on the platform after an attempt with an unknown outcome
    int retrying = 0; ///< failed for now, scheduled again
    int failed = 0; ///< failed for good (shown in the thread)
    int throttled = 0; ///< given back untried because the platform asked us to wait
};

/// Sends one source's outbox through its ChannelAdapter, with the same crash guarantees for every
/// channel. Per message: claim (FOR UPDATE SKIP LOCKED, with a lease), and when an earlier
/// attempt's outcome was never recorded, look it up on the platform first (findAttempts()) and
/// adopt what arrived instead of sending again; else mark the attempt — committed before anything
/// leaves, so whoever takes the row over after a crash knows to look — then send once, record the
/// outcome (accepted, uncertain, failed for now, failed for good) or give the row back untried
/// when throttled. The adapter never repeats a request; only this protocol decides on another try.
///
/// Rate limit: at most setRateLimit() messages per second leave for this channel (the source's
/// `send_per_second`; 0: no limit). The wait is a timer, never a blocked thread. Throttling by the
/// platform (429) pauses the whole sender until the delay has passed (pause()).
///
/// Runs on the sync engine's thread, on its connection; one run() at a time per object.
class OutboxSender final : public QObject
{
    Q_OBJECT
public:
    /// @p adapter must outlive the sender.
    OutboxSender(ChannelAdapter& adapter, int sourceId, QSqlDatabase& db, QString worker, QObject* parent = nullptr);

    /// Sends what is due, one message at a time, until nothing is due (or the platform asks to wait).
    void run(std::function<void(Result<SendReport>)> done);

    /// The platform asked us to wait: runs started before @p delayMs (at least a second) has
    /// passed send nothing. Also for throttling seen by the channel's other jobs (its polls).
    void pause(int delayMs);
    [[nodiscard]] bool throttled() const { return !m_pausedUntil.hasExpired(); }
    [[nodiscard]] qint64 throttledForMs() const { return m_pausedUntil.remainingTime(); }

    /// How many outbox rows one claim takes (the lease is the setting messaging.claim_lease_seconds).
    void setClaimBatch(int rows) { m_claimBatch = rows; }
    /// At most @p messagesPerSecond sends per second (0 or less: no limit).
    void setRateLimit(double messagesPerSecond);

    /// Longest pause one 429 imposes on the sender, whatever its Retry-After says.
    static constexpr int kMaxPauseMs = 15 * 60 * 1000;

private:
    using Next = std::function<void(bool stop)>;
    void sendBatch(QList<OutboxItem> items, std::shared_ptr<SendReport> report,
                   std::function<void(Result<SendReport>)> done);
    void sendOne(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report);
    void lookUp(const OutboxItem& item, std::function<void(Result<std::optional<ChannelMessage>>)> done);
    void post(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report);
    void postNow(const OutboxItem& item, Next next, std::shared_ptr<SendReport> report);
    void fail(const OutboxItem& item, const QString& error, bool uncertain, bool permanent, SendReport& report,
              std::optional<int> errorCode = {});

    ChannelAdapter& m_adapter;
    int m_sourceId;
    OutboxStore m_store;
    QString m_worker;
    RetryPolicy m_policy;
    QDeadlineTimer m_pausedUntil{0};
    int m_claimBatch = 10;
    int m_minIntervalMs = 0;
    QElapsedTimer m_lastSend;
};

} // namespace mhero::channels
