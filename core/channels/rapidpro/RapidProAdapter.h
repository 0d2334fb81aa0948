#pragma once

#include "Result.h"
#include "channels/ChannelAdapter.h"
#include "channels/rapidpro/RapidProClient.h"
#include "channels/rapidpro/RapidProMessages.h"

#include <QCoreApplication>
#include <QSet>

#include <memory>

namespace mhero::rapidpro {

/// RapidPro (API v2) as a ChannelAdapter: a reply to a known contact is a message
/// (POST messages.json); to an address RapidPro may not know yet, a one-person broadcast
/// (POST broadcasts.json), which creates the contact. An attempt whose answer was lost is found
/// again by listing the contact's messages since the attempt. Attachments are uploaded first
/// (POST media.json, one file each) and the message names their UUIDs. Owns the RapidPro client, which the
/// source's polls (RapidProSync) use as well until they move behind the adapter too.
class RapidProAdapter final : public channels::ChannelAdapter
{
    Q_DECLARE_TR_FUNCTIONS(mhero::rapidpro::RapidProAdapter)
public:
    /// @p maxPages: pages one walk() may read (the source's max_pages_per_run).
    RapidProAdapter(QUrl baseUrl, QString token, QString tokenOrigin, int maxPages);

    [[nodiscard]] QString platformName() const override { return QStringLiteral("RapidPro"); }
    [[nodiscard]] channels::ChannelCapabilities capabilities() const override;
    void send(const channels::OutboundMessage& message, SendDone done) override;
    void findAttempts(const channels::OutboundMessage& message, FindDone done) override;
    void fetchMedia(const channels::MediaReference& media, qint64 maxBytes, MediaDone done) override;

    [[nodiscard]] RapidProClient& client() { return *m_client; }

    /// Reads @p url and the pages its `next` links lead to, giving each to @p page. Stops with an
    /// error at the first `next` link back to a page already read in this walk, and after
    /// maxPages pages: a broken server cannot keep a job looping.
    using PageReader = std::function<Status(const QByteArray& body, QUrl& next)>;
    void walk(const QUrl& url, const PageReader& page, std::function<void(Status)> done);

    /// What mHero stores of a RapidPro message it sent.
    static channels::ChannelMessage toChannelMessage(const Message& message);
    /// The inbound messages of a page (outgoing ones are left out), their URNs normalised with
    /// @p region (the source's default phone region).
    static QList<channels::InboundMessage> toInbound(const QList<Message>& messages, const QString& region);
    static QList<channels::ContactUpdate> toContacts(const QList<Contact>& contacts, const QString& region);
    /// The status of each outgoing message of a page (others, and unknown states, are left out).
    static QList<channels::StatusUpdate> toStatuses(const QList<Message>& messages);

    /// Clock difference allowed between PostgreSQL and RapidPro when asking "what since then".
    static constexpr int kClockMarginSeconds = 120;

private:
    /// What a failed request means for the outbox: throttled (429), a token IT must fix (401/403,
    /// the run stops), refused for good (other 4xx: @p refused, with the answer as %1), or not
    /// done (@p notDone) — "uncertain" when @p mayHaveActed and the server may have acted on it.
    static channels::SendOutcome failureOf(const HttpOutcome& outcome, const QString& refused,
                                           const QString& notDone, bool mayHaveActed);

    struct WalkState
    {
        QSet<QString> seen;
        int pages = 0;
    };
    void walkFrom(const QUrl& url, const PageReader& page, std::shared_ptr<WalkState> state,
                  std::function<void(Status)> done);
    /// Uploads the attachments of @p message from @p index on (media.json), collecting their
    /// UUIDs, then posts the message with them.
    void uploadThenPost(const channels::OutboundMessage& message, int index, QStringList uuids, SendDone done);
    void post(const channels::OutboundMessage& message, const QStringList& mediaUuids, SendDone done);

    std::unique_ptr<RapidProClient> m_client;
    int m_maxPages;
};

} // namespace mhero::rapidpro
