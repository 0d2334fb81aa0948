#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace mhero::channels {

/// A file sent with a reply (an image, a voice note, a PDF), as the outbox hands it over.
struct OutboundAttachment
{
    QString contentType; ///< image/jpeg, audio/ogg, application/pdf, …
    QString fileName; ///< as the agent's file was named (may be empty)
    /// The file itself. Loaded only right before a send (OutboxStore::loadAttachments()): a
    /// look-up needs the types alone.
    QByteArray bytes;
};

/// The platform's own approved template a reply may go as (WhatsApp's message templates): outside
/// the person's reply window it is the only way to reach them.
struct PlatformTemplate
{
    QString name; ///< the platform's name of it (lower case, underscores)
    QString language; ///< the platform's language code (en_US, fr)
    /// Body parameters in the platform's order ({{1}}, {{2}}, …): the values of our placeholders
    /// in order of first appearance in the version's body, recovered from the sent text.
    QStringList parameters;
    /// Why it cannot be sent as that template (the text no longer follows the body); empty: it can.
    QString problem;
};

/// A reply on its way out, as the outbox hands it to a channel: mHero's words, no wire type.
struct OutboundMessage
{
    qint64 messageId = 0; ///< mhero.message.id
    QString text;
    QString urn; ///< the address (tel:+231…, whatsapp:231…)
    /// The platform's own id for the person when it is known (a RapidPro contact UUID); empty
    /// when the platform has never heard of them and must be given the address.
    QString channelContactId;
    /// When an earlier attempt handed this message over without its outcome being recorded
    /// (invalid when none): where to start looking for it (ChannelAdapter::findAttempts()).
    QDateTime unfinishedAttemptAt;
    QList<OutboundAttachment> attachments; ///< in order; the text may be empty when there are some
    /// When the person last wrote in this conversation (invalid: never): a platform with a reply
    /// window decides from it how the reply goes (WhatsApp: as its template once the window has
    /// closed; Messenger: with the HUMAN_AGENT tag after 24 hours).
    QDateTime lastInboundAt;
    /// Set when the reply follows a template version mapped to the platform's own template that
    /// the platform reported APPROVED for this source (mhero.whatsapp_template).
    std::optional<PlatformTemplate> platformTemplate;
};

/// A message the platform holds: the one it just accepted, or one found by findAttempts().
struct ChannelMessage
{
    QString externalId; ///< the platform's id, unique per source (mhero.message.external_id)
    std::optional<qint64> externalNum; ///< a numeric id as well, when the platform has one
    QString status; ///< mHero's status: queued, sent, delivered, read or failed ("" → queued)
    QString channelStatus; ///< the platform's own word, kept for the thread
    /// Why the platform will not deliver it, when it accepted it as failed (shown in the thread).
    QString failureReason;
    QDateTime createdOn; ///< when the platform created it (the oldest unclaimed match is ours)
    /// The content types of its attachments, in order: findAttempts() matches them too, so a
    /// picture sent with the same words is not taken for another.
    QStringList attachmentTypes;
};

/// What one send() did. Only the adapter knows its platform's answers; the outbox sender turns
/// the kind into the same database steps for every channel.
struct SendOutcome
{
    enum class Kind {
        /// The platform has it (message.externalId is set).
        Accepted,
        /// The platform may have acted on it (the answer was lost or unreadable): look it up
        /// with findAttempts() before the next attempt, never send blind.
        Uncertain,
        /// It certainly did not arrive (connection refused, 5xx, a refused token): try again
        /// later with backoff. Not one of the platform's verdicts on the message itself.
        TransientFailure,
        /// Trying again cannot help (validation error, unknown recipient): the message fails.
        PermanentFailure,
        /// The platform asked us to wait (HTTP 429): given back untried, due after retryAfterMs.
        Throttled,
    };
    Kind kind = Kind::TransientFailure;
    ChannelMessage message; ///< Accepted
    QString reason; ///< failures: one translated line for the thread and the log
    int retryAfterMs = 0; ///< Throttled
    /// The platform's error code, when it gave one (WhatsApp 131026: the number cannot receive):
    /// kept with the failed message for what the console offers next.
    std::optional<int> errorCode;
    /// TransientFailure: every other message of this channel would meet the same fate now (the
    /// token was refused), so the run stops instead of burning an attempt of each.
    bool stopRun = false;

    static SendOutcome accepted(ChannelMessage message)
    {
        SendOutcome o;
        o.kind = Kind::Accepted;
        o.message = std::move(message);
        return o;
    }
    static SendOutcome uncertain(QString reason) { return failure(Kind::Uncertain, std::move(reason)); }
    static SendOutcome transientFailure(QString reason, bool stopRun = false)
    {
        SendOutcome o = failure(Kind::TransientFailure, std::move(reason));
        o.stopRun = stopRun;
        return o;
    }
    static SendOutcome permanentFailure(QString reason) { return failure(Kind::PermanentFailure, std::move(reason)); }
    static SendOutcome throttled(int retryAfterMs)
    {
        SendOutcome o;
        o.kind = Kind::Throttled;
        o.retryAfterMs = retryAfterMs;
        return o;
    }

private:
    static SendOutcome failure(Kind kind, QString reason)
    {
        SendOutcome o;
        o.kind = kind;
        o.reason = std::move(reason);
        return o;
    }
};

/// An attachment the platform stores (an inbound photo, a voice note): fetched on demand.
struct MediaReference
{
    QString contentType; ///< image/jpeg, audio/ogg, …
    /// Where the platform keeps it: a URL, or for a platform that gives an id instead
    /// (WhatsApp), "<platform>-media:<id>" — only that platform's adapter reads it.
    QString url;
    QString fileName; ///< as the sender named it (documents), may be empty
};

/// A message a person sent, as the platform reported it.
struct InboundMessage
{
    QString externalId; ///< the platform's id, unique per source
    std::optional<qint64> externalNum;
    /// The address as mHero stores it (normalised by the adapter with the source's region):
    /// empty when unusable, and then the message is quarantined with addressAsGiven.
    QString urn;
    QString addressAsGiven;
    QString channelContactId;
    QString contactName;
    QString text;
    QList<MediaReference> attachments;
    QString kind; ///< the platform's type, named when there is nothing to show (a sticker)
    QDateTime createdOn;
    /// createdOn as the platform wrote it, when it is finer than milliseconds (it orders
    /// messages of the same millisecond); empty: createdOn.
    QString createdOnText;
    /// The platform's id of the message this one answers, quotes or reacts to (empty: none).
    QString replyTo;
};

/// What the platform knows of a person: name, language, opt-out.
struct ContactUpdate
{
    QString channelContactId;
    QString name;
    QString language;
    QString status; ///< active, blocked, stopped (opted out), archived
    QStringList urns; ///< normalised; unusable ones left out
    QDateTime modifiedOn;
};

/// A change of status of a message mHero sent.
struct StatusUpdate
{
    QString externalId;
    std::optional<qint64> externalNum;
    QString status; ///< mHero's status: queued, sent, delivered, read, failed
    QString channelStatus;
    QDateTime at;
    QString error; ///< why, when failed (shown in the thread)
    /// The platform's error code when failed (WhatsApp 131047: the reply window closed), for
    /// what the console offers next.
    std::optional<int> errorCode;
};

/// What a channel can carry, so the composer offers only what the platform will accept.
struct ChannelCapabilities
{
    /// Free text is accepted only this long after the person last wrote (WhatsApp: 24 hours);
    /// outside it, only approved templates. Empty: no window.
    std::optional<int> replyWindowSeconds;
    QStringList mediaKinds; ///< MIME types (or "image/*") that can be sent; empty: text only
    qint64 maxMediaBytes = 0; ///< largest attachment that can be sent
    bool templates = false; ///< the platform's own approved templates can be sent
    int maxTextLength = 0; ///< characters one message may have (0: no known limit)
};

/// One messaging platform as the sync engine sees it: send a message, look for an attempt whose
/// outcome was lost, fetch media. Adapters translate between these records and their platform's
/// wire types, which never leave the adapter's folder (core/channels/<platform>/). They know
/// nothing of the database: the outbox protocol (claims, attempts, retries, crash guarantees) is
/// OutboxSender's, the same for every channel.
///
/// Every call is asynchronous on the thread the adapter lives on (the sync engine's): it returns
/// at once and calls @p done exactly once, later. Nothing blocks.
class ChannelAdapter
{
public:
    virtual ~ChannelAdapter() = default;

    /// The platform's name as people know it ("RapidPro"), for the thread and the log.
    [[nodiscard]] virtual QString platformName() const = 0;
    [[nodiscard]] virtual ChannelCapabilities capabilities() const = 0;

    using SendDone = std::function<void(SendOutcome)>;
    /// Hands @p message to the platform once. The adapter must never repeat the request itself
    /// (nor let its transport replay it): whether another attempt is safe is the sender's call.
    virtual void send(const OutboundMessage& message, SendDone done) = 0;

    using FindDone = std::function<void(Result<QList<ChannelMessage>>)>;
    /// Messages on the platform that an earlier attempt of @p message may have created: the
    /// same text to the same person since message.unfinishedAttemptAt (less any clock margin the
    /// platform needs). The sender adopts the oldest one no stored message claims yet; an empty
    /// list means nothing arrived, so the message is sent again. A platform that cannot be
    /// searched answers an empty list, and its documentation names the duplicate window.
    virtual void findAttempts(const OutboundMessage& message, FindDone done) = 0;

    using MediaDone = std::function<void(Result<QByteArray>)>;
    /// The bytes of an attachment a person sent. At most @p maxBytes are read: a larger file
    /// ends in an Error with code "media-too-large" (and Error::detail holding its size when
    /// the platform said it), so the engine never holds more than the inbound cap.
    virtual void fetchMedia(const MediaReference& media, qint64 maxBytes, MediaDone done) = 0;

protected:
    ChannelAdapter() = default;
    ChannelAdapter(const ChannelAdapter&) = delete;
    ChannelAdapter& operator=(const ChannelAdapter&) = delete;
};

} // namespace mhero::channels
