#include "channels/meta/MetaAdapter.h"

#include "channels/MediaErrors.h"
#include "channels/meta/GraphErrors.h"
#include "secrets/SealedSecrets.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <limits>

namespace mhero::meta {

namespace {

// What the Cloud API and the Send API carry (mhero.channel_kind says the same, migration 16;
// tst_metaadapter holds the two equal).
constexpr qint64 kWhatsAppMaxMediaBytes = 16 * 1024 * 1024;
constexpr qint64 kMessengerMaxMediaBytes = 25 * 1024 * 1024;
constexpr qint64 kWhatsAppWindowSeconds = 24 * 3600;

QJsonObject parseObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

/// WhatsApp's media message type for a MIME type.
QString whatsAppMediaType(const QString& contentType)
{
    if (contentType.startsWith(QLatin1String("image/")))
        return QStringLiteral("image");
    if (contentType.startsWith(QLatin1String("audio/")))
        return QStringLiteral("audio");
    if (contentType.startsWith(QLatin1String("video/")))
        return QStringLiteral("video");
    return QStringLiteral("document");
}

/// Messenger's attachment type for a MIME type.
QString messengerMediaType(const QString& contentType)
{
    if (contentType.startsWith(QLatin1String("image/")))
        return QStringLiteral("image");
    if (contentType.startsWith(QLatin1String("audio/")))
        return QStringLiteral("audio");
    if (contentType.startsWith(QLatin1String("video/")))
        return QStringLiteral("video");
    return QStringLiteral("file");
}

/// The address after "scheme:" of @p urn, or empty when it is of another scheme.
QString addressOf(const QString& urn, QLatin1StringView scheme)
{
    if (!urn.startsWith(scheme) || urn.size() <= scheme.size() || urn.at(scheme.size()) != QLatin1Char(':'))
        return {};
    return urn.mid(scheme.size() + 1);
}

bool allDigits(const QString& text, int min, int max)
{
    if (text.size() < min || text.size() > max)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

/// A failure of part @p index of a message sent in several parts: once a part has gone, trying
/// the whole message again would repeat it, so only a permanent refusal stays permanent.
channels::SendOutcome partFailure(channels::SendOutcome outcome, int index, const QString& platform)
{
    if (index == 0 || outcome.kind == channels::SendOutcome::Kind::PermanentFailure)
        return outcome;
    if (outcome.kind == channels::SendOutcome::Kind::Throttled)
        outcome.reason = QCoreApplication::translate("mhero::meta::GraphAdapter", "%1 asked to slow down").arg(platform);
    return channels::SendOutcome::uncertain(
        QCoreApplication::translate("mhero::meta::GraphAdapter",
                                    "Part of the message was sent; the rest was not (%1). It will be sent again, "
                                    "and the person may see the first part twice.")
            .arg(outcome.reason));
}

/// Meta's hosts that serve WhatsApp media and want the token with the request.
bool isMetaMediaHost(const QUrl& url)
{
    const QString host = url.host().toLower();
    return url.scheme() == QLatin1String("https")
        && (host.endsWith(QLatin1String(".fbsbx.com")) || host.endsWith(QLatin1String(".whatsapp.net"))
            || host.endsWith(QLatin1String(".facebook.com")) || host == QLatin1String("facebook.com"));
}

} // namespace

GraphAdapter::GraphAdapter(MetaSource source)
    : m_source(std::move(source))
    , m_client(std::make_unique<net::HttpClient>(
          m_source.platform == MetaSource::Platform::WhatsApp ? QStringLiteral("WhatsApp") : QStringLiteral("Messenger"),
          QByteArrayLiteral("Bearer"), m_source.accessToken,
          m_source.tokenOrigin.isEmpty() ? secrets::originOf(m_source.graphUrl) : m_source.tokenOrigin))
{ }

QUrl GraphAdapter::graph(const QString& path) const
{
    QUrl base = m_source.graphUrl;
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    return base.resolved(QUrl(path));
}

qint64 GraphAdapter::secondsSinceInbound(const channels::OutboundMessage& message)
{
    if (!message.lastInboundAt.isValid())
        return std::numeric_limits<qint64>::max();
    return std::max<qint64>(0, message.lastInboundAt.secsTo(QDateTime::currentDateTimeUtc()));
}

void GraphAdapter::findAttempts(const channels::OutboundMessage&, FindDone done)
{
    // Neither the Cloud API nor the Send API lists the messages a business sent: see the class.
    done(QList<channels::ChannelMessage>{});
}

void GraphAdapter::postMessage(const QString& path, const QJsonObject& body,
                               const std::function<QString(const QJsonObject&)>& idOf, SendDone done)
{
    const QString platform = platformName();
    m_client->postJson(graph(path), body, [platform, idOf, done = std::move(done)](net::HttpOutcome outcome) {
        if (!outcome.success()) {
            done(sendFailure(outcome, platform));
            return;
        }
        const QString id = idOf(parseObject(outcome.body));
        if (id.isEmpty()) {
            // A 200 we cannot read: Meta may have sent it.
            done(channels::SendOutcome::uncertain(
                tr("%1 answered without a message id: %2").arg(platform, QString::fromUtf8(outcome.body.left(200)))));
            return;
        }
        channels::ChannelMessage accepted;
        accepted.externalId = id;
        accepted.createdOn = QDateTime::currentDateTimeUtc();
        done(channels::SendOutcome::accepted(accepted));
    });
}

void GraphAdapter::sendParts(const QString& path, QList<QJsonObject> parts, IdReader idOf,
                             channels::ChannelMessage accepted, SendDone done, int index)
{
    if (index >= parts.size()) {
        accepted.createdOn = QDateTime::currentDateTimeUtc();
        done(channels::SendOutcome::accepted(std::move(accepted)));
        return;
    }
    const QJsonObject part = parts.at(index);
    postMessage(path, part, idOf,
                [this, path, parts = std::move(parts), idOf, accepted = std::move(accepted), index,
                 done = std::move(done)](channels::SendOutcome outcome) mutable {
                    if (outcome.kind != channels::SendOutcome::Kind::Accepted) {
                        done(partFailure(std::move(outcome), index, platformName()));
                        return;
                    }
                    accepted.externalId = outcome.message.externalId;
                    sendParts(path, std::move(parts), std::move(idOf), std::move(accepted), std::move(done), index + 1);
                });
}

// --- WhatsApp ---------------------------------------------------------------------------------

channels::ChannelCapabilities WhatsAppAdapter::capabilities() const
{
    channels::ChannelCapabilities c;
    c.replyWindowSeconds = int(kWhatsAppWindowSeconds);
    c.mediaKinds = {QStringLiteral("image/jpeg"), QStringLiteral("image/png"),  QStringLiteral("audio/aac"),
                    QStringLiteral("audio/amr"),  QStringLiteral("audio/mpeg"), QStringLiteral("audio/mp4"),
                    QStringLiteral("audio/ogg"),  QStringLiteral("video/mp4"),  QStringLiteral("video/3gpp"),
                    QStringLiteral("application/pdf")};
    c.maxMediaBytes = kWhatsAppMaxMediaBytes;
    c.templates = true;
    c.maxTextLength = 4096;
    return c;
}

QJsonObject WhatsAppAdapter::templateMessage(const QString& to, const channels::PlatformTemplate& t)
{
    QJsonObject tmpl{{QStringLiteral("name"), t.name},
                     {QStringLiteral("language"), QJsonObject{{QStringLiteral("code"), t.language}}}};
    if (!t.parameters.isEmpty()) {
        QJsonArray parameters;
        for (const QString& value : t.parameters)
            parameters.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), value}});
        tmpl.insert(QStringLiteral("components"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("body")},
                                           {QStringLiteral("parameters"), parameters}}});
    }
    return QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                       {QStringLiteral("recipient_type"), QStringLiteral("individual")},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("type"), QStringLiteral("template")},
                       {QStringLiteral("template"), tmpl}};
}

void WhatsAppAdapter::send(const channels::OutboundMessage& message, SendDone done)
{
    const QString to = addressOf(message.urn, QLatin1StringView("whatsapp"));
    if (!allDigits(to, 6, 15)) {
        done(channels::SendOutcome::permanentFailure(
            tr("%1 is not a WhatsApp address (whatsapp: and the number's digits).").arg(message.urn)));
        return;
    }
    const bool windowOpen = secondsSinceInbound(message) < kWhatsAppWindowSeconds - kWindowMarginSeconds;
    if (!windowOpen) {
        // Only WhatsApp's own approved template reaches them now; the database accepted the reply
        // for that reason, or the window closed while it waited in the outbox.
        if (message.platformTemplate && message.platformTemplate->problem.isEmpty() && message.attachments.isEmpty()) {
            sendAll({templateMessage(to, *message.platformTemplate)}, std::move(done));
            return;
        }
        channels::SendOutcome closed = channels::SendOutcome::permanentFailure(
            message.platformTemplate && !message.platformTemplate->problem.isEmpty()
                ? message.platformTemplate->problem
                : QStringLiteral("131047: ") + explainCode(131047, 0, platformName()));
        closed.errorCode = 131047;
        done(std::move(closed));
        return;
    }
    if (message.attachments.isEmpty()) {
        const QJsonObject body{
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"),
             QJsonObject{{QStringLiteral("body"), message.text}, {QStringLiteral("preview_url"), false}}}};
        sendAll({body}, std::move(done));
        return;
    }
    uploadThenSend(message, to, 0, {}, std::move(done));
}

void WhatsAppAdapter::uploadThenSend(const channels::OutboundMessage& message, const QString& to, int index,
                                     QStringList ids, SendDone done)
{
    if (index < message.attachments.size()) {
        const channels::OutboundAttachment& a = message.attachments.at(index);
        const QList<net::FormPart> parts{{"messaging_product", "whatsapp", {}, {}},
                                         {"type", a.contentType.toLatin1(), {}, {}},
                                         {"file", a.bytes, a.fileName, a.contentType.toLatin1()}};
        m_client->postForm(graph(m_source.phoneNumberId + QStringLiteral("/media")), parts,
                           [this, message, to, index, ids, done = std::move(done)](net::HttpOutcome outcome) mutable {
                               const QString id = parseObject(outcome.body).value(QLatin1String("id")).toString();
                               if (!outcome.success() || id.isEmpty()) {
                                   channels::SendOutcome failed = sendFailure(outcome, platformName());
                                   // Nothing was sent yet: an upload that may have happened only
                                   // leaves an unused file at Meta, so it is simply tried again.
                                   if (failed.kind == channels::SendOutcome::Kind::Uncertain)
                                       failed.kind = channels::SendOutcome::Kind::TransientFailure;
                                   if (outcome.success())
                                       failed = channels::SendOutcome::transientFailure(
                                           tr("WhatsApp accepted the file but gave no media id."));
                                   done(std::move(failed));
                                   return;
                               }
                               ids.append(id);
                               uploadThenSend(message, to, index + 1, std::move(ids), std::move(done));
                           });
        return;
    }
    // Each file is a message; the text rides as the caption of the first that takes one (image,
    // video, document), else it follows as a message of its own.
    QList<QJsonObject> parts;
    bool textUsed = message.text.trimmed().isEmpty();
    for (int i = 0; i < message.attachments.size(); ++i) {
        const channels::OutboundAttachment& a = message.attachments.at(i);
        const QString type = whatsAppMediaType(a.contentType);
        QJsonObject media{{QStringLiteral("id"), ids.at(i)}};
        if (!textUsed && type != QLatin1String("audio")) {
            media.insert(QStringLiteral("caption"), message.text);
            textUsed = true;
        }
        if (type == QLatin1String("document") && !a.fileName.isEmpty())
            media.insert(QStringLiteral("filename"), a.fileName);
        parts.append(QJsonObject{{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
                                 {QStringLiteral("recipient_type"), QStringLiteral("individual")},
                                 {QStringLiteral("to"), to},
                                 {QStringLiteral("type"), type},
                                 {type, media}});
    }
    if (!textUsed)
        parts.append(QJsonObject{
            {QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("recipient_type"), QStringLiteral("individual")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), message.text}, {QStringLiteral("preview_url"), false}}}});
    sendAll(std::move(parts), std::move(done));
}

void WhatsAppAdapter::sendAll(QList<QJsonObject> parts, SendDone done)
{
    channels::ChannelMessage accepted; // queued until Meta's "sent" webhook
    accepted.channelStatus = QStringLiteral("accepted");
    sendParts(
        m_source.phoneNumberId + QStringLiteral("/messages"), std::move(parts),
        [](const QJsonObject& answer) {
            return answer.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("id")).toString();
        },
        std::move(accepted), std::move(done));
}

void WhatsAppAdapter::fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done)
{
    const QString id = addressOf(media.url, QLatin1StringView("whatsapp-media"));
    if (!allDigits(id, 1, 64)) {
        done(Error{QStringLiteral("media-bad-url"), tr("WhatsApp gave no usable media id for the attachment."), media.url});
        return;
    }
    // Step one: the media's short-lived URL (5 minutes), its size and checksum.
    m_client->get(graph(id), [this, maxBytes, done = std::move(done)](Result<QByteArray> body) mutable {
        if (!body) {
            const bool gone = body.error().code.startsWith(QLatin1String("http-4"))
                && body.error().code != QLatin1String("http-429") && body.error().code != QLatin1String("http-408");
            done(Error{gone ? QStringLiteral("media-gone") : QStringLiteral("media-unreachable"),
                       tr("WhatsApp could not give the attachment: %1").arg(body.error().message), body.error().detail});
            return;
        }
        const QJsonObject info = parseObject(*body);
        const QUrl url(info.value(QLatin1String("url")).toString(), QUrl::StrictMode);
        const qint64 size = info.value(QLatin1String("file_size")).toVariant().toLongLong();
        const QString sha256 = info.value(QLatin1String("sha256")).toString();
        if (size > maxBytes) {
            done(Error{QStringLiteral("media-too-large"),
                       tr("The attachment is larger than %1 MB.").arg(double(maxBytes) / (1024 * 1024), 0, 'f', 1),
                       QString::number(size)});
            return;
        }
        const bool home = secrets::originOf(url) == m_client->tokenOrigin();
        if (!url.isValid() || (!home && !isMetaMediaHost(url))) {
            done(Error{QStringLiteral("media-refused"),
                       tr("WhatsApp pointed the attachment at %1, which is not Meta's; the access token is not sent "
                          "there.")
                           .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)),
                       {}});
            return;
        }
        // Step two: the bytes, with the token (Meta's media URLs want it), checked against Meta's sum.
        m_client->fetch(
            url, maxBytes,
            [url, maxBytes, sha256, done = std::move(done)](net::HttpOutcome outcome) {
                if (!outcome.success()) {
                    done(channels::mediaDownloadError(outcome, maxBytes, QStringLiteral("WhatsApp"), url));
                    return;
                }
                const QByteArray sum = QCryptographicHash::hash(outcome.body, QCryptographicHash::Sha256);
                if (!sha256.isEmpty() && sha256.toLatin1() != sum.toHex() && sha256.toLatin1() != sum.toBase64()) {
                    done(Error{QStringLiteral("media-unreachable"),
                               tr("The attachment WhatsApp gave does not match its checksum; it will be fetched again."),
                               url.toDisplayString(QUrl::RemoveQuery)});
                    return;
                }
                done(std::move(outcome.body));
            },
            !home);
    });
}

// --- Messenger --------------------------------------------------------------------------------

channels::ChannelCapabilities MessengerAdapter::capabilities() const
{
    channels::ChannelCapabilities c;
    c.replyWindowSeconds = int(kResponseWindowSeconds);
    c.mediaKinds = {QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/gif"),
                    QStringLiteral("audio/mpeg"), QStringLiteral("audio/mp4"), QStringLiteral("video/mp4"),
                    QStringLiteral("application/pdf")};
    c.maxMediaBytes = kMessengerMaxMediaBytes;
    c.templates = false;
    c.maxTextLength = 2000;
    return c;
}

void MessengerAdapter::send(const channels::OutboundMessage& message, SendDone done)
{
    const QString psid = addressOf(message.urn, QLatin1StringView("facebook"));
    if (!allDigits(psid, 1, 32)) {
        done(channels::SendOutcome::permanentFailure(
            tr("%1 is not a Messenger address (facebook: and the person's page-scoped id).").arg(message.urn)));
        return;
    }
    if (message.text.size() > 2000) {
        done(channels::SendOutcome::permanentFailure(tr("Messenger takes at most 2,000 characters in a message.")));
        return;
    }
    const qint64 since = secondsSinceInbound(message);
    QJsonObject envelope{{QStringLiteral("recipient"), QJsonObject{{QStringLiteral("id"), psid}}}};
    if (since < kResponseWindowSeconds - kWindowMarginSeconds) {
        envelope.insert(QStringLiteral("messaging_type"), QStringLiteral("RESPONSE"));
    } else if (since < kHumanAgentWindowSeconds - kWindowMarginSeconds) {
        // An agent's reply: Meta's HUMAN_AGENT tag allows it for 7 days.
        envelope.insert(QStringLiteral("messaging_type"), QStringLiteral("MESSAGE_TAG"));
        envelope.insert(QStringLiteral("tag"), QStringLiteral("HUMAN_AGENT"));
    } else {
        channels::SendOutcome closed = channels::SendOutcome::permanentFailure(
            QStringLiteral("10: ") + explainCode(10, 2018278, platformName()));
        closed.errorCode = 10;
        done(std::move(closed));
        return;
    }
    uploadThenSend(message, std::move(envelope), 0, {}, std::move(done));
}

void MessengerAdapter::uploadThenSend(const channels::OutboundMessage& message, QJsonObject envelope, int index,
                                      QList<QJsonObject> parts, SendDone done)
{
    const auto withMessage = [&envelope](const QJsonObject& content) {
        QJsonObject part = envelope;
        part.insert(QStringLiteral("message"), content);
        return part;
    };
    if (index >= message.attachments.size()) {
        if (!message.text.trimmed().isEmpty())
            parts.append(withMessage(QJsonObject{{QStringLiteral("text"), message.text}}));
        sendAll(std::move(parts), std::move(done));
        return;
    }
    const channels::OutboundAttachment& a = message.attachments.at(index);
    const QString type = messengerMediaType(a.contentType);
    const QJsonObject upload{
        {QStringLiteral("attachment"),
         QJsonObject{{QStringLiteral("type"), type},
                     {QStringLiteral("payload"), QJsonObject{{QStringLiteral("is_reusable"), true}}}}}};
    const QList<net::FormPart> form{{"message", QJsonDocument(upload).toJson(QJsonDocument::Compact), {}, {}},
                                    {"filedata", a.bytes, a.fileName, a.contentType.toLatin1()}};
    m_client->postForm(
        graph(m_source.pageId + QStringLiteral("/message_attachments")), form,
        [this, message, envelope = std::move(envelope), index, parts = std::move(parts), type,
         done = std::move(done)](net::HttpOutcome outcome) mutable {
            const QString id = parseObject(outcome.body).value(QLatin1String("attachment_id")).toString();
            if (!outcome.success() || id.isEmpty()) {
                channels::SendOutcome failed = outcome.success()
                    ? channels::SendOutcome::transientFailure(tr("Messenger accepted the file but gave no attachment id."))
                    : sendFailure(outcome, platformName());
                if (failed.kind == channels::SendOutcome::Kind::Uncertain) // nothing was sent yet
                    failed.kind = channels::SendOutcome::Kind::TransientFailure;
                done(std::move(failed));
                return;
            }
            QJsonObject part = envelope;
            part.insert(QStringLiteral("message"),
                        QJsonObject{{QStringLiteral("attachment"),
                                     QJsonObject{{QStringLiteral("type"), type},
                                                 {QStringLiteral("payload"),
                                                  QJsonObject{{QStringLiteral("attachment_id"), id}}}}}});
            parts.append(part);
            uploadThenSend(message, std::move(envelope), index + 1, std::move(parts), std::move(done));
        });
}

void MessengerAdapter::sendAll(QList<QJsonObject> parts, SendDone done)
{
    channels::ChannelMessage accepted; // the Send API's 200 means sent; deliveries and reads follow
    accepted.status = QStringLiteral("sent");
    accepted.channelStatus = QStringLiteral("sent");
    sendParts(
        m_source.pageId + QStringLiteral("/messages"), std::move(parts),
        [](const QJsonObject& answer) { return answer.value(QLatin1String("message_id")).toString(); },
        std::move(accepted), std::move(done));
}

void MessengerAdapter::fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done)
{
    // Messenger gives a CDN link in the webhook; it needs no token (sent only to the Graph API's
    // own origin, and fetched elsewhere over https only).
    const QUrl url(media.url, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        done(Error{QStringLiteral("media-bad-url"), tr("Messenger gave no usable link for the attachment."), media.url});
        return;
    }
    m_client->fetch(url, maxBytes, [url, maxBytes, done = std::move(done)](net::HttpOutcome outcome) {
        if (outcome.success())
            done(std::move(outcome.body));
        else
            done(channels::mediaDownloadError(outcome, maxBytes, QStringLiteral("Messenger"), url));
    });
}

} // namespace mhero::meta
