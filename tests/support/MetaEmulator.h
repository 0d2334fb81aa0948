#pragma once

#include "NodeTestServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace mhero::test {

/// The Meta emulator of tests/support/meta-emulator (see its README): the Graph API for the
/// WhatsApp Cloud API and the Messenger Send API, plus Meta's webhook sender, started on a free
/// loopback port for the life of this object, with its control API wrapped for tests.
///
/// Webhooks go to the targets set with setWebhookTargets(), signed with appSecret(); the C++
/// adapters under test receive them over real sockets, as they would from Meta.
class MetaEmulator final
{
public:
    explicit MetaEmulator(const QStringList& arguments = {});

    [[nodiscard]] bool ok() const { return m_server.ok(); }
    [[nodiscard]] const QString& startError() const { return m_server.startError(); }
    /// http://127.0.0.1:PORT/ (the host part a channel is configured with instead of graph.facebook.com)
    [[nodiscard]] QUrl baseUrl() const;
    /// http://127.0.0.1:PORT/v21.0/ (any version prefix is accepted)
    [[nodiscard]] QUrl graphUrl(const QString& version = QStringLiteral("v21.0")) const;

    // The defaults of server.mjs (overridable with its command-line options or setConfig()).
    [[nodiscard]] static QString token() { return QStringLiteral("wa-test-token"); }
    [[nodiscard]] static QString pageToken() { return QStringLiteral("page-test-token"); }
    [[nodiscard]] static QString appSecret() { return QStringLiteral("test-app-secret"); }
    [[nodiscard]] static QString verifyToken() { return QStringLiteral("test-verify-token"); }
    [[nodiscard]] static QString phoneNumberId() { return QStringLiteral("106540352242922"); }
    [[nodiscard]] static QString displayPhoneNumber() { return QStringLiteral("15550783881"); }
    [[nodiscard]] static QString wabaId() { return QStringLiteral("102290129340398"); }
    [[nodiscard]] static QString pageId() { return QStringLiteral("100200300400500"); }

    /// Merges runtime configuration (tokens, app_secret, verify_token, targets, status_delay_ms,
    /// media_url_ttl_s, retry_base_ms, max_attempts, token_expired…); returns the active config.
    QJsonObject setConfig(const QJsonObject& config) const;
    /// Where the webhook sender POSTs WhatsApp and Messenger events (an empty URL: nowhere).
    bool setWebhookTargets(const QUrl& whatsapp, const QUrl& messenger = {}) const;
    /// Every request with the configured token answers 190 (expired) until set back to false.
    bool setTokenExpired(bool expired) const;

    // ---- WhatsApp users and inbound messages (each inbound message opens/refreshes the 24 h window)
    /// Generic: {from, name?, type, timestamp?, context?, <type fields> | media: {data_base64|text,
    /// mime_type, filename, caption, voice}}; returns {message, delivery}.
    QJsonObject whatsappInbound(const QJsonObject& message) const;
    QJsonObject whatsappText(const QString& from, const QString& text, const QString& name = {},
                             const QDateTime& at = {}) const;
    /// type: image, audio, video, document or sticker; the bytes become a downloadable media id.
    QJsonObject whatsappMedia(const QString& from, const QString& type, const QByteArray& bytes,
                              const QString& mimeType, const QString& caption = {}, const QString& filename = {}) const;
    QJsonObject whatsappLocation(const QString& from, double latitude, double longitude, const QString& name = {},
                                 const QString& address = {}) const;
    QJsonObject whatsappContacts(const QString& from, const QJsonArray& contacts) const;
    QJsonObject whatsappButtonReply(const QString& from, const QString& id, const QString& title) const;
    QJsonObject whatsappListReply(const QString& from, const QString& id, const QString& title,
                                  const QString& description = {}) const;
    /// A quick-reply button pressed on a template (type "button"), quoting @p contextId.
    QJsonObject whatsappTemplateButton(const QString& from, const QString& payload, const QString& text,
                                       const QString& contextId = {}) const;
    QJsonObject whatsappReaction(const QString& from, const QString& messageId, const QString& emoji) const;
    QJsonObject whatsappUnsupported(const QString& from) const;
    /// Sets when the user last wrote (an invalid QDateTime: never), i.e. whether the window is open.
    bool setWhatsAppLastInbound(const QString& waId, const QDateTime& at) const;
    /// Messages to this number are accepted, then fail with a 131026 status.
    bool markNotOnWhatsApp(const QString& waId, bool notOnWhatsApp = true) const;
    /// Emits one status webhook now (sent, delivered, read, or failed with @p code).
    bool emitStatus(const QString& wamid, const QString& status, int code = 0) const;

    // ---- Messenger
    /// {psid, text?, attachments?: [{type, url} | {type, data_base64|text, mime_type}], timestamp?}
    QJsonObject messengerInbound(const QJsonObject& message) const;
    QJsonObject messengerText(const QString& psid, const QString& text, const QDateTime& at = {}) const;
    bool setMessengerLastInbound(const QString& psid, const QDateTime& at) const;

    // ---- Templates
    /// [{name, language, status, category, components}] (upsert by name + language).
    QJsonArray registerTemplates(const QJsonArray& templates) const;
    /// Changes a template's status and emits message_template_status_update.
    bool setTemplateStatus(const QString& name, const QString& language, const QString& status,
                           const QString& reason = {}) const;

    // ---- Faults
    /// Merges fault settings ({} clears them all); see the README's table.
    bool setFaults(const QJsonObject& faults) const;
    /// The next @p count sends on @p channel ("whatsapp", "messenger" or "any") fail with @p code.
    bool failNextSends(int code, int count = 1, const QString& channel = QStringLiteral("any")) const;

    // ---- Observation
    /// Every outbound message accepted by the API, in order: {channel, id, to, type, status, statuses, request…}.
    QJsonArray sent() const;
    /// "POST /v21.0/…/messages 200", … since the last call.
    QStringList takeRequests() const;
    /// Uploaded and inbound media: {id, mime_type, sha256, file_size, filename, source, deleted}.
    QJsonArray media() const;
    QByteArray mediaBytes(const QString& id) const;
    /// Webhook deliveries: {id, channel, field, target, state, attempts: [{status…}], payload, signature}.
    QJsonArray webhooks() const;
    /// Waits until at least @p count deliveries (of @p channel, if given) exist and all have settled
    /// (delivered or given up); returns them (possibly fewer on timeout).
    QJsonArray waitForWebhooks(int count, int timeoutMs = 5000, const QString& channel = {}) const;
    /// Performs the GET verification handshake against the channel's target; returns
    /// {status, body, challenge, verified}.
    QJsonObject verifyWebhook(const QString& channel, const QString& verifyToken = {}) const;
    bool reset() const;

private:
    NodeTestServer::Response control(const QByteArray& method, const QString& path, const QJsonValue& body = {}) const;
    QJsonValue controlJson(const QByteArray& method, const QString& path, const QJsonValue& body = {}) const;

    NodeTestServer m_server;
};

} // namespace mhero::test
