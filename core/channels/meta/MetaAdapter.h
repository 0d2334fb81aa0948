#pragma once

#include "channels/ChannelAdapter.h"
#include "channels/meta/MetaSource.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace mhero::meta {

/// What the WhatsApp and Messenger adapters share: the Graph API client (Bearer token bound to
/// the Graph API's origin, writes at most once), addresses on the source's --graph-url, and the
/// answer to findAttempts().
///
/// Meta cannot be searched for a message it may have accepted (neither API lists sent
/// messages), so findAttempts() answers "nothing found" and an attempt whose answer was lost is
/// sent again: the person may get that one message twice. That is the duplicate window
/// docs/meta-channels.md names — only a send whose connection broke after the request went out,
/// never a retry of a refused one.
class GraphAdapter : public channels::ChannelAdapter
{
    Q_DECLARE_TR_FUNCTIONS(mhero::meta::GraphAdapter)
public:
    explicit GraphAdapter(MetaSource source);

    [[nodiscard]] net::HttpClient& client() { return *m_client; }
    [[nodiscard]] const MetaSource& source() const { return m_source; }
    void findAttempts(const channels::OutboundMessage& message, FindDone done) override;

    /// Seconds before a window closes from which a reply is treated as outside it: the send
    /// takes time, and Meta's clock is not ours.
    static constexpr int kWindowMarginSeconds = 120;

protected:
    /// https://graph.facebook.com/v21.0/<path>
    [[nodiscard]] QUrl graph(const QString& path) const;
    /// Sends @p body to <graph>/<path> and turns Meta's answer into an outcome: @p idOf reads the
    /// message id of a 200.
    void postMessage(const QString& path, const QJsonObject& body, const std::function<QString(const QJsonObject&)>& idOf,
                     SendDone done);
    /// Seconds since the person last wrote (a very large number when never).
    [[nodiscard]] static qint64 secondsSinceInbound(const channels::OutboundMessage& message);
    using IdReader = std::function<QString(const QJsonObject&)>;
    /// Sends @p parts (an attachment, its words…) one after the other to <graph>/<path>; the
    /// message is @p accepted with the last part's id, so its statuses come home. A failure after
    /// a part went is "uncertain" unless Meta refused for good (sending again repeats the parts
    /// that went, never loses the rest).
    void sendParts(const QString& path, QList<QJsonObject> parts, IdReader idOf, channels::ChannelMessage accepted,
                   SendDone done, int index = 0);

    MetaSource m_source;
    std::unique_ptr<net::HttpClient> m_client;
};

/// WhatsApp Business Cloud API: POST /{phone-number-id}/messages. Inside the 24-hour window a
/// reply goes as text (with its attachment uploaded first: POST /{phone-number-id}/media, then
/// sent by id, the text as its caption where WhatsApp allows one); outside it, as the approved
/// WhatsApp template its version is mapped to, the parameters recovered from the text — or not
/// at all (131047 without asking Meta). Inbound media: GET /{media-id}, then its short-lived URL
/// with the token, checked against Meta's sha256.
class WhatsAppAdapter final : public GraphAdapter
{
    Q_DECLARE_TR_FUNCTIONS(mhero::meta::WhatsAppAdapter)
public:
    using GraphAdapter::GraphAdapter;

    [[nodiscard]] QString platformName() const override { return QStringLiteral("WhatsApp"); }
    [[nodiscard]] channels::ChannelCapabilities capabilities() const override;
    void send(const channels::OutboundMessage& message, SendDone done) override;
    void fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done) override;

    /// The body of a template send ({"type": "template", …}) for @p to.
    [[nodiscard]] static QJsonObject templateMessage(const QString& to, const channels::PlatformTemplate& t);

private:
    /// Uploads the attachments from @p index on, collecting their media ids, then sends the parts.
    void uploadThenSend(const channels::OutboundMessage& message, const QString& to, int index, QStringList ids,
                        SendDone done);
    /// Sends @p parts to /{phone-number-id}/messages (sendParts()).
    void sendAll(QList<QJsonObject> parts, SendDone done);
};

/// Messenger Send API: POST /{page-id}/messages to the person's PSID. Within 24 hours of their
/// last message a RESPONSE; up to 7 days a MESSAGE_TAG with HUMAN_AGENT (an agent's reply, which
/// is what mHero sends); later nothing. An attachment is uploaded (POST
/// /{page-id}/message_attachments) and sent before the text, which Messenger cannot caption.
class MessengerAdapter final : public GraphAdapter
{
    Q_DECLARE_TR_FUNCTIONS(mhero::meta::MessengerAdapter)
public:
    using GraphAdapter::GraphAdapter;

    [[nodiscard]] QString platformName() const override { return QStringLiteral("Messenger"); }
    [[nodiscard]] channels::ChannelCapabilities capabilities() const override;
    void send(const channels::OutboundMessage& message, SendDone done) override;
    void fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done) override;

    static constexpr qint64 kResponseWindowSeconds = 24 * 3600;
    static constexpr qint64 kHumanAgentWindowSeconds = 7 * 24 * 3600;

private:
    void uploadThenSend(const channels::OutboundMessage& message, QJsonObject envelope, int index,
                        QList<QJsonObject> parts, SendDone done);
    /// Sends @p parts to /{page-id}/messages (sendParts()).
    void sendAll(QList<QJsonObject> parts, SendDone done);
};

} // namespace mhero::meta
