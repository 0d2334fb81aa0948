#pragma once

#include "Result.h"
#include "rapidpro/RapidProMessages.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace mhero::messaging {

/// A claimed outbox row with what sending it needs.
struct OutboxItem
{
    qint64 messageId = 0;
    qint64 conversationId = 0;
    int attempts = 0; ///< including this one
    /// Set when an earlier attempt handed the message over and its outcome was never recorded:
    /// look the message up on the platform before sending it again.
    QDateTime unfinishedAttemptAt;
    QString text;
    QString urn;
    QString contactUuid;
    QString contactStatus; ///< active, blocked, stopped, archived ("" when unknown)
};

/// How the sender retries (settings messaging.*).
struct RetryPolicy
{
    int maxAttempts = 10;
    int firstDelaySeconds = 5;
    int maxDelaySeconds = 900;
    /// Least delay before an attempt whose outcome is unknown is looked up and tried again: the
    /// platform may still be working on the request we stopped waiting for.
    int uncertainDelaySeconds = 60;
    /// How long a claim lasts before another sender may take the row over (its sender is
    /// presumed dead). Far longer than a request's timeout (30 s).
    int leaseSeconds = 300;
};

/// The sync engine's side of the conversation tables: storing what a platform reports, and the
/// outbox protocol (claim with FOR UPDATE SKIP LOCKED, mark the attempt, record the outcome).
/// Blocking calls on the engine's own connection; never used on the GUI thread.
class ChannelStore final
{
public:
    explicit ChannelStore(QSqlDatabase& db)
        : m_db(db)
    { }

    /// Stores inbound messages (ingest_inbound()): new ones only, threaded by URN. URNs are
    /// normalised with @p region; messages whose URN is unusable are skipped and named in
    /// @p problems. Returns how many messages were new.
    Result<int> ingestInbound(int sourceId, const QList<rapidpro::Message>& messages, const QString& region,
                              QStringList* problems = nullptr);
    Result<int> ingestContacts(int sourceId, const QList<rapidpro::Contact>& contacts, const QString& region);
    /// Applies the statuses of outgoing messages the platform listed (unknown ones are ignored).
    Result<int> applyStatuses(int sourceId, const QList<rapidpro::Message>& messages);

    /// When the oldest outgoing message whose status may still change was created (invalid: none).
    Result<QDateTime> unsettledSince(int sourceId);
    /// Which of @p externalIds are already stored for the source.
    Result<QSet<QString>> knownExternalIds(int sourceId, const QStringList& externalIds);

    RetryPolicy retryPolicy();
    /// Claims up to @p limit due outbox rows of the source for @p worker; a claim older than
    /// @p leaseSeconds is considered abandoned (its process died) and may be taken over.
    Result<QList<OutboxItem>> claim(int sourceId, const QString& worker, int limit, int leaseSeconds);
    /// Records, and commits, that @p worker is about to hand the message over. False when the
    /// claim was lost meanwhile (then the message must not be sent by this worker).
    Result<bool> markAttemptStarted(qint64 messageId, const QString& worker);
    /// The platform accepted the message: store its id and status, remove the outbox row.
    Status recordAccepted(qint64 messageId, const rapidpro::Message& accepted);
    /// The attempt failed. @p uncertain: the platform may have acted on it (look it up before the
    /// next attempt). @p permanent: trying again cannot help (validation error, opted out).
    /// Otherwise the next attempt is scheduled with backoff, until the policy's last attempt.
    Status recordFailure(const OutboxItem& item, const QString& error, bool uncertain, bool permanent,
                         const RetryPolicy& policy);
    /// Replies sent as a one-person broadcast (no RapidPro contact was known, so RapidPro had to
    /// create it): message id → broadcast id, while the broadcast's message is not yet known.
    Result<QList<std::pair<qint64, qint64>>> pendingBroadcasts(int sourceId);
    /// The broadcast's message became known: the message takes its UUID and status.
    Status resolveBroadcast(qint64 messageId, const rapidpro::Message& message);
    /// Gives a claimed row back untried (throttled): due again after @p delayMs, attempt not counted.
    Status release(const OutboxItem& item, int delayMs);

private:
    QSqlDatabase& m_db;
};

} // namespace mhero::messaging
