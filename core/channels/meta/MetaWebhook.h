#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

/// Meta's webhooks (WhatsApp Business Cloud API and Messenger), as the engine receives them:
/// checking that Meta sent them, answering the subscription handshake, and reading the events into
/// mHero's channel records. Pure functions — no network, no database — so the webhook server
/// stores the raw event first and processes it afterwards, and the parsers can be fuzzed.
///
/// Shapes and rules: ../shared/reference/meta-channels.md §5.4–5.5, Meta's "Webhooks" and
/// "messages webhook reference", Meta's WhatsApp Node.js SDK (src/api/webhooks.ts,
/// src/types/webhooks.ts) and the Messenger Platform webhook reference.
namespace mhero::meta {

/// Whether @p signatureHeader (the X-Hub-Signature-256 header: "sha256=<hex>") is the
/// HMAC-SHA256 of @p rawBody with @p appSecret. Computed over the raw bytes, compared in constant
/// time; false for a missing, malformed or wrong signature, and for an empty secret.
bool verifySignature(const QByteArray& appSecret, const QByteArray& rawBody, const QByteArray& signatureHeader);

/// The header value Meta sends for @p rawBody ("sha256=<hex>"), for tests and the emulator.
QByteArray signature(const QByteArray& appSecret, const QByteArray& rawBody);

/// The GET handshake: when @p query has hub.mode=subscribe and hub.verify_token equal (in
/// constant time) to @p verifyToken, the challenge to answer with; otherwise nothing (answer 403).
std::optional<QString> handshakeChallenge(const QUrlQuery& query, const QString& verifyToken);

/// A WhatsApp template's review status changed (field message_template_status_update).
struct TemplateStatusChange
{
    QString accountId; ///< the WhatsApp Business Account (entry id)
    QString templateId;
    QString name;
    QString language;
    QString event; ///< APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, …
    QString reason; ///< Meta's reason ("NONE" when there is none)
    QString category; ///< MARKETING, UTILITY, AUTHENTICATION (when Meta says)
    QDateTime at;
};

/// Everything one webhook delivery said, in mHero's records. Entries that cannot be used are
/// named in `problems` (the rest is still used); `unknownFields` lists change fields mHero does
/// not subscribe to, which are ignored.
struct WhatsAppEvents
{
    QString phoneNumberId; ///< the business number the messages came to (metadata.phone_number_id)
    /// Every business number the body's messages and statuses came to ("" when a change had no
    /// metadata): one app's webhook carries all its numbers, so each goes to its own source.
    QStringList phoneNumberIds;
    QList<channels::InboundMessage> messages;
    QList<channels::StatusUpdate> statuses;
    QList<TemplateStatusChange> templates;
    QStringList problems;
    QStringList unknownFields;
};

/// Reads a WhatsApp Business Account webhook body (object "whatsapp_business_account"). Error
/// only when the body as a whole is unusable (not JSON, another object); an entry that is not
/// understood becomes a problem, never a crash or a half-read message.
/// With @p onlyPhoneNumberId, the messages and statuses of changes for other numbers are left out.
Result<WhatsAppEvents> parseWhatsApp(const QByteArray& body,
                                     const std::optional<QString>& onlyPhoneNumberId = std::nullopt);

/// A person read every message the Page sent them up to `upTo` (Messenger read receipts are
/// watermarks, not ids).
struct ReadWatermark
{
    QString urn; ///< facebook:<PSID>
    QDateTime upTo;
};

struct MessengerEvents
{
    QList<channels::InboundMessage> messages;
    /// Delivery receipts name the messages (mids): one "delivered" status each.
    QList<channels::StatusUpdate> statuses;
    QList<ReadWatermark> reads;
    QStringList problems;
    int echoes = 0; ///< the Page's own messages echoed back (ignored: mHero stored them when it sent them)
    /// Every Page the body's events are for (entry ids): one app's webhook carries all its Pages.
    QStringList pageIds;
};

/// Reads a Messenger webhook body (object "page").
/// With @p onlyPageId, the events of other Pages are left out.
Result<MessengerEvents> parseMessenger(const QByteArray& body, const std::optional<QString>& onlyPageId = std::nullopt);

} // namespace mhero::meta
