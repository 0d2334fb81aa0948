#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace mhero::channels {

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
    QString channelContactId; ///< the platform's id for the person (mhero.channel_contact), if known
    QString contactStatus; ///< active, blocked, stopped, archived ("" when unknown)
    /// Its attachments without their bytes (type and name, in order): enough to look it up.
    QList<OutboundAttachment> attachments;
    QDateTime lastInboundAt; ///< the conversation's last message from the person
    std::optional<PlatformTemplate> platformTemplate; ///< see OutboundMessage

    /// What the channel adapter is given.
    [[nodiscard]] OutboundMessage outbound() const;
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

/// The outbox protocol's statements, the same for every channel: claim with FOR UPDATE SKIP
/// LOCKED, mark the attempt (committed before anything leaves), record the outcome, give a row
/// back untried. Blocking calls on the engine's own connection; never used on the GUI thread.
class OutboxStore final
{
    Q_DECLARE_TR_FUNCTIONS(mhero::channels::OutboxStore)
public:
    explicit OutboxStore(QSqlDatabase& db)
        : m_db(db)
    { }

    RetryPolicy retryPolicy();
    /// Claims up to @p limit due outbox rows of the source for @p worker; a claim older than
    /// @p leaseSeconds is considered abandoned (its process died) and may be taken over.
    Result<QList<OutboxItem>> claim(int sourceId, const QString& worker, int limit, int leaseSeconds);
    /// Records, and commits, that @p worker is about to hand the message over. False when the
    /// claim was lost meanwhile (then the message must not be sent by this worker).
    Result<bool> markAttemptStarted(qint64 messageId, const QString& worker);
    /// The platform accepted the message: store its id and status, remove the outbox row.
    Status recordAccepted(qint64 messageId, const ChannelMessage& accepted);
    /// The attempt failed. @p uncertain: the platform may have acted on it (look it up before the
    /// next attempt). @p permanent: trying again cannot help (validation error, opted out).
    /// Otherwise the next attempt is scheduled with backoff, until the policy's last attempt.
    /// @p platform names the channel in the thread ("RapidPro may or may not have accepted it").
    /// @p errorCode: the platform's code, kept with a failed message (message.error_code) for
    /// what the console offers next (WhatsApp 131047: its templates; 131026: SMS).
    Status recordFailure(const OutboxItem& item, const QString& error, bool uncertain, bool permanent,
                         const RetryPolicy& policy, const QString& platform, std::optional<int> errorCode = {});
    /// Gives a claimed row back untried (throttled): due again after @p delayMs, attempt not counted.
    Status release(const OutboxItem& item, int delayMs);
    /// The attachments of an outgoing message with their bytes (mhero.media), in order, loaded
    /// right before it is handed over so that a batch never holds more than one message's files.
    Result<QList<OutboundAttachment>> loadAttachments(qint64 messageId);
    /// Which of @p externalIds are already stored for the source.
    Result<QSet<QString>> knownExternalIds(int sourceId, const QStringList& externalIds);

private:
    QSqlDatabase& m_db;
};

} // namespace mhero::channels
