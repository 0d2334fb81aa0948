#include "channels/rapidpro/RapidProAdapter.h"

#include "channels/MediaErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace mhero::rapidpro {

namespace {
// RapidPro refuses longer texts (messages.json and broadcasts.json: max_length 640).
constexpr int kMaxTextLength = 640;
// RapidPro's Media.MAX_UPLOAD_SIZE.
constexpr qint64 kMaxMediaBytes = 25 * 1024 * 1024;

QStringList attachmentTypes(const channels::OutboundMessage& message)
{
    QStringList types;
    for (const channels::OutboundAttachment& a : message.attachments)
        types.append(a.contentType);
    return types;
}

} // namespace

RapidProAdapter::RapidProAdapter(QUrl baseUrl, QString token, QString tokenOrigin, int maxPages)
    : m_client(std::make_unique<RapidProClient>(std::move(baseUrl), std::move(token), std::move(tokenOrigin)))
    , m_maxPages(maxPages)
{ }

channels::ChannelCapabilities RapidProAdapter::capabilities() const
{
    // The channel behind RapidPro (SMS, WhatsApp, …) has its own rules, which RapidPro enforces.
    // The media kinds are those RapidPro's media.json takes (images, audio, video, PDF) that
    // its channels commonly deliver, 25 MB at most: mhero.channel_kind says the same
    // (migration 14; tst_mediafetcher holds the two equal).
    channels::ChannelCapabilities capabilities;
    capabilities.maxTextLength = kMaxTextLength;
    capabilities.mediaKinds
        = {QStringLiteral("image/jpeg"),     QStringLiteral("image/png"), QStringLiteral("audio/mpeg"),
           QStringLiteral("audio/mp4"),      QStringLiteral("audio/ogg"), QStringLiteral("video/mp4"),
           QStringLiteral("application/pdf")};
    capabilities.maxMediaBytes = kMaxMediaBytes;
    return capabilities;
}

channels::ChannelMessage RapidProAdapter::toChannelMessage(const Message& message)
{
    channels::ChannelMessage stored;
    stored.externalId = message.externalId();
    stored.externalNum = message.id;
    stored.status = mheroStatus(message.status);
    stored.channelStatus = message.status;
    stored.createdOn = message.createdOn;
    for (const Attachment& a : message.attachments)
        stored.attachmentTypes.append(a.contentType);
    if (stored.status == QLatin1String("failed"))
        stored.failureReason = tr("RapidPro did not send it: the contact is blocked, stopped or archived there, or has "
                                  "no usable address.");
    return stored;
}

QList<channels::InboundMessage> RapidProAdapter::toInbound(const QList<Message>& messages, const QString& region)
{
    QList<channels::InboundMessage> inbound;
    for (const Message& m : messages) {
        if (m.direction != QLatin1String("in"))
            continue;
        channels::InboundMessage in;
        in.externalId = m.externalId();
        in.externalNum = m.id;
        in.urn = normaliseUrn(m.urn, region);
        in.addressAsGiven = m.urn;
        in.channelContactId = m.contactUuid;
        in.contactName = m.contactName;
        in.text = m.text;
        for (const Attachment& a : m.attachments)
            in.attachments.append({a.contentType, a.url, {}});
        in.kind = m.type;
        in.createdOn = m.createdOn;
        in.createdOnText = m.createdOnText;
        inbound.append(in);
    }
    return inbound;
}

QList<channels::ContactUpdate> RapidProAdapter::toContacts(const QList<Contact>& contacts, const QString& region)
{
    QList<channels::ContactUpdate> updates;
    for (const Contact& c : contacts) {
        channels::ContactUpdate u;
        u.channelContactId = c.uuid;
        u.name = c.name;
        u.language = c.language;
        u.status = c.status;
        for (const QString& urn : c.urns)
            if (const QString normal = normaliseUrn(urn, region); !normal.isEmpty())
                u.urns.append(normal);
        u.modifiedOn = c.modifiedOn;
        updates.append(u);
    }
    return updates;
}

QList<channels::StatusUpdate> RapidProAdapter::toStatuses(const QList<Message>& messages)
{
    QList<channels::StatusUpdate> updates;
    for (const Message& m : messages) {
        const QString status = mheroStatus(m.status);
        if (m.direction != QLatin1String("out") || status.isEmpty())
            continue;
        channels::StatusUpdate u;
        u.externalId = m.externalId();
        u.externalNum = m.id;
        u.status = status;
        u.channelStatus = m.status;
        u.at = m.modifiedOn.isValid() ? m.modifiedOn : m.sentOn;
        if (status == QLatin1String("failed"))
            u.error = tr("RapidPro could not deliver it (the channel or the number failed).");
        updates.append(u);
    }
    return updates;
}

channels::SendOutcome RapidProAdapter::failureOf(const HttpOutcome& outcome, const QString& refused,
                                                 const QString& notDone, bool mayHaveActed)
{
    using channels::SendOutcome;
    if (outcome.status == 429)
        return SendOutcome::throttled(outcome.retryAfterMs >= 0 ? outcome.retryAfterMs : 60'000);
    if (outcome.status == 401 || outcome.status == 403)
        return SendOutcome::transientFailure(
            tr("RapidPro refused the API token (HTTP %1); an administrator must update it.").arg(outcome.status),
            /*stopRun=*/true);
    if (outcome.status >= 400 && outcome.status < 500 && outcome.status != 408)
        return SendOutcome::permanentFailure(refused.arg(outcome.describe()));
    const QString reason = notDone.arg(outcome.describe());
    return mayHaveActed && outcome.uncertain ? SendOutcome::uncertain(reason) : SendOutcome::transientFailure(reason);
}

void RapidProAdapter::send(const channels::OutboundMessage& message, SendDone done)
{
    uploadThenPost(message, 0, {}, std::move(done));
}

void RapidProAdapter::uploadThenPost(const channels::OutboundMessage& message, int index, QStringList uuids,
                                     SendDone done)
{
    using channels::SendOutcome;
    if (index >= message.attachments.size()) {
        post(message, uuids, std::move(done));
        return;
    }
    // An upload alone delivers nothing: whatever happens to it, nobody got a message, so its
    // failures are never "uncertain". (An upload whose answer was lost leaves an orphan file in
    // the workspace's storage, which RapidPro tolerates.)
    const channels::OutboundAttachment& file = message.attachments.at(index);
    m_client->upload(
        QStringLiteral("media"), file.fileName, file.contentType, file.bytes,
        [this, message, index, uuids, done = std::move(done)](HttpOutcome outcome) mutable {
            if (outcome.success()) {
                const QString uuid
                    = QJsonDocument::fromJson(outcome.body).object().value(QLatin1String("uuid")).toString();
                if (uuid.isEmpty()) {
                    done(SendOutcome::transientFailure(
                        tr("RapidPro took the attachment but its answer could not be read.")));
                    return;
                }
                uuids.append(uuid);
                uploadThenPost(message, index + 1, std::move(uuids), std::move(done));
                return;
            }
            done(failureOf(outcome, tr("RapidPro refused the attachment: %1"),
                           tr("RapidPro did not take the attachment: %1"), false));
        });
}

void RapidProAdapter::post(const channels::OutboundMessage& message, const QStringList& mediaUuids, SendDone done)
{
    using channels::SendOutcome;
    // A known contact gets a message; an address RapidPro may not know yet gets a one-person
    // broadcast, which creates the contact (messages.json only addresses existing contacts).
    const bool broadcast = message.channelContactId.isEmpty();
    QJsonObject body = broadcast
        ? QJsonObject{{QStringLiteral("urns"), QJsonArray{message.urn}}, {QStringLiteral("text"), message.text}}
        : QJsonObject{{QStringLiteral("contact"), message.channelContactId}, {QStringLiteral("text"), message.text}};
    if (message.text.isEmpty())
        body.remove(QStringLiteral("text")); // RapidPro refuses a blank text; attachments stand alone
    if (!mediaUuids.isEmpty())
        body.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(mediaUuids));
    m_client->post(
        broadcast ? QStringLiteral("broadcasts") : QStringLiteral("messages"), body,
        [broadcast, done = std::move(done)](HttpOutcome outcome) {
            if (outcome.success() && broadcast) {
                // Its message is created by RapidPro afterwards; the status poll finds it by broadcast.
                auto accepted = parseBroadcastId(outcome.body);
                if (!accepted) {
                    done(SendOutcome::uncertain(tr("RapidPro accepted the message but its answer could not be read.")));
                    return;
                }
                channels::ChannelMessage placeholder;
                placeholder.externalId = QStringLiteral("broadcast:%1").arg(*accepted);
                placeholder.status = QStringLiteral("queued");
                placeholder.channelStatus = QStringLiteral("queued");
                done(SendOutcome::accepted(placeholder));
                return;
            }
            if (outcome.success()) {
                auto accepted = parseMessage(outcome.body);
                if (!accepted)
                    done(SendOutcome::uncertain(tr("RapidPro accepted the message but its answer could not be read.")));
                else
                    done(SendOutcome::accepted(toChannelMessage(*accepted)));
                return;
            }
            done(failureOf(outcome, tr("RapidPro refused the message: %1"), tr("RapidPro did not answer: %1"), true));
        });
}

void RapidProAdapter::findAttempts(const channels::OutboundMessage& message, FindDone done)
{
    if (message.channelContactId.isEmpty()) {
        // Sent as a broadcast to an address: if RapidPro has no contact for it, nothing arrived.
        const QUrl url = m_client->endpointUrl(QStringLiteral("contacts"),
                                               RapidProClient::query({{QStringLiteral("urn"), message.urn}}));
        m_client->get(url, [this, message, done = std::move(done)](Result<QByteArray> body) mutable {
            if (!body) {
                done(body.error());
                return;
            }
            auto page = parseContacts(*body);
            if (!page) {
                done(page.error());
                return;
            }
            if (page->results.isEmpty()) {
                done(QList<channels::ChannelMessage>());
                return;
            }
            channels::OutboundMessage known = message;
            known.channelContactId = page->results.first().uuid;
            findAttempts(known, std::move(done));
        });
        return;
    }
    auto candidates = std::make_shared<QList<channels::ChannelMessage>>();
    const QUrl url = m_client->endpointUrl(
        QStringLiteral("messages"),
        RapidProClient::query(
            {{QStringLiteral("contact"), message.channelContactId},
             {QStringLiteral("after"), formatTimestamp(message.unfinishedAttemptAt.addSecs(-kClockMarginSeconds))}}));
    walk(
        url,
        [candidates, text = message.text, types = attachmentTypes(message)](const QByteArray& body,
                                                                            QUrl& next) -> Status {
            auto page = parseMessages(body);
            if (!page)
                return page.error();
            for (const Message& m : page->results) {
                if (m.direction != QLatin1String("out") || m.text != text)
                    continue;
                channels::ChannelMessage candidate = toChannelMessage(m);
                // The same words with another file (or none) is another message.
                if (candidate.attachmentTypes == types)
                    candidates->append(candidate);
            }
            next = page->next;
            return {};
        },
        [candidates, done = std::move(done)](Status status) {
            if (!status)
                done(status.error());
            else
                done(*candidates);
        });
}

void RapidProAdapter::fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done)
{
    // Through the client, so the token goes to RapidPro's own origin only; RapidPro keeps its
    // workspace's media in a storage bucket (STORAGE_URL) whose links need no token, fetched
    // over https without it.
    const QUrl url(media.url, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        done(Error{QStringLiteral("media-bad-url"), tr("RapidPro gave no usable link for the attachment."), media.url});
        return;
    }
    m_client->fetch(url, maxBytes, [url, maxBytes, done = std::move(done)](HttpOutcome outcome) {
        if (outcome.success())
            done(std::move(outcome.body));
        else
            done(channels::mediaDownloadError(outcome, maxBytes, QStringLiteral("RapidPro"), url));
    });
}

void RapidProAdapter::walk(const QUrl& url, const PageReader& page, std::function<void(Status)> done)
{
    walkFrom(url, page, std::make_shared<WalkState>(), std::move(done));
}

void RapidProAdapter::walkFrom(const QUrl& url, const PageReader& page, std::shared_ptr<WalkState> state,
                               std::function<void(Status)> done)
{
    const QString key = url.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
    if (state->seen.contains(key)) {
        done(Error{QStringLiteral("rapidpro-next-loop"),
                   tr("RapidPro sent a next link back to a page already read; the poll stopped so that it "
                      "cannot loop. The RapidPro server (or a proxy in front of it) needs attention."),
                   key});
        return;
    }
    if (state->pages >= m_maxPages) {
        done(Error{QStringLiteral("rapidpro-too-many-pages"),
                   tr("The poll stopped after %1 pages, the most one run may read (max_pages_per_run of the "
                      "source); it starts again from the same point next time.")
                       .arg(m_maxPages),
                   key});
        return;
    }
    state->seen.insert(key);
    ++state->pages;
    m_client->get(url, [this, page, state, done = std::move(done)](Result<QByteArray> body) mutable {
        if (!body) {
            done(body.error());
            return;
        }
        QUrl next;
        if (Status status = page(*body, next); !status) {
            done(status);
            return;
        }
        if (next.isEmpty())
            done({});
        else
            walkFrom(next, page, std::move(state), std::move(done));
    });
}

} // namespace mhero::rapidpro
