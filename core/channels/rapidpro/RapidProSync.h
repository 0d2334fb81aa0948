#pragma once

#include "Result.h"
#include "channels/ChannelSource.h"
#include "channels/OutboxSender.h"
#include "channels/rapidpro/RapidProAdapter.h"
#include "channels/ChannelStore.h"
#include "channels/rapidpro/RapidProSource.h"

#include <QObject>
#include <QUrlQuery>
#include <QSqlDatabase>

#include <functional>

namespace mhero::rapidpro {

/// The jobs of one RapidPro source: poll inbound messages, poll contacts (names, opt-outs), poll
/// delivery statuses, and send the outbox. Each job is asynchronous (network) and writes through
/// ChannelStore on the connection it was given, so it blocks only the thread it lives on — the
/// sync engine's, never the GUI's. At most one poll (inbound, contacts, statuses) and the outbox
/// sender at a time per object: they share nothing but the client and the connection, whose
/// statements never span two callbacks, so a slow or stuck poll never holds up a reply.
///
/// Polling: RapidPro lists messages newest first, filtered by created_on (inclusive), so a poll
/// walks every page of "folder=inbox&after=<watermark − overlap>", storing each page (stored
/// messages are skipped, so the overlap costs nothing but a page), and only then moves the
/// watermark. A crash mid-way repeats the window; it cannot lose or duplicate a message.
///
/// Sending is channels::OutboxSender's over the source's RapidProAdapter. The engine runs these
/// jobs through the channels::ChannelSource interface (polls(), poll(), sendOutbox()).
class RapidProSync final : public channels::ChannelSource
{
    Q_OBJECT
public:
    /// How often the engine polls statuses (while messages are in flight) and contacts; inbound
    /// messages every source.pollSeconds.
    static constexpr qint64 kStatusesMs = 15'000;
    static constexpr qint64 kContactsMs = 60'000;

    RapidProSync(RapidProSource source, QSqlDatabase& db, QString worker, QObject* parent = nullptr);

    [[nodiscard]] const RapidProSource& source() const { return m_source; }
    [[nodiscard]] RapidProClient& client() { return m_adapter.client(); }
    [[nodiscard]] channels::ChannelAdapter& adapter() override { return m_adapter; }

    // channels::ChannelSource
    [[nodiscard]] const channels::SourceEntry& entry() const override { return m_entry; }
    [[nodiscard]] QList<Poll> polls() const override;
    void poll(const QString& job, std::function<void(Result<int>)> done) override;
    [[nodiscard]] channels::ChannelCapabilities capabilities() const override { return m_adapter.capabilities(); }

    /// New inbound messages; done gets how many were new.
    void pollInbound(std::function<void(Result<int>)> done);
    /// Contacts changed since the last poll; done gets how many rows changed.
    void pollContacts(std::function<void(Result<int>)> done);
    /// Status changes of outgoing messages still in flight; done gets how many changed.
    void pollStatuses(std::function<void(Result<int>)> done);
    /// Sends what is due in the outbox, one message at a time, until nothing is due.
    void sendOutbox(std::function<void(Result<channels::SendReport>)> done) override;

    /// RapidPro asked us to wait (429): jobs started before this passes do nothing.
    [[nodiscard]] bool throttled() const override { return m_sender.throttled(); }
    [[nodiscard]] qint64 throttledForMs() const { return m_sender.throttledForMs(); }

    /// How many outbox rows one claim takes (the lease is the setting messaging.claim_lease_seconds).
    void setClaimBatch(int rows) { m_sender.setClaimBatch(rows); }

private:
    /// True (and @p done called with the reason) when the source has no usable token.
    bool refuseWithoutSecret(const QString& job, const std::function<void(Error)>& done);
    template<typename T> using Done = std::function<void(Result<T>)>;
    /// Stores one page; says where the next is and moves @p newest; returns how many rows changed.
    using PageStore = std::function<Result<int>(const QByteArray& body, QUrl& next, QDateTime& newest)>;
    /// Walks @p endpoint with @p filter and after=<stored watermark of @p job − overlap>, storing
    /// each page, then stores the newest timestamp seen as the job's watermark.
    void pollSince(const QString& job, const QString& endpoint, QUrlQuery filter, const PageStore& store,
                   std::function<void(Result<int>)> done);
    void resolveBroadcasts(QList<std::pair<qint64, qint64>> pending, std::function<void(Status)> done);
    void pollSentStatuses(std::function<void(Result<int>)> done);

    RapidProSource m_source;
    channels::SourceEntry m_entry;
    QSqlDatabase& m_db;
    channels::ChannelStore m_store;
    RapidProAdapter m_adapter;
    channels::OutboxSender m_sender;
};

} // namespace mhero::rapidpro
