#pragma once

#include "Result.h"
#include "messaging/ChannelStore.h"
#include "messaging/RapidProSource.h"
#include "rapidpro/RapidProClient.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QUrlQuery>
#include <QSqlDatabase>

#include <functional>

namespace mhero::messaging {

/// What one run of the outbox sender did.
struct SendReport
{
    int sent = 0; ///< accepted by RapidPro
    int adopted = 0; ///< found already on RapidPro after an attempt with an unknown outcome
    int retrying = 0; ///< failed for now, scheduled again
    int failed = 0; ///< failed for good (shown in the thread)
    int throttled = 0; ///< given back untried because RapidPro asked us to wait
};

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
class RapidProSync final : public QObject
{
    Q_OBJECT
public:
    RapidProSync(RapidProSource source, QSqlDatabase& db, QString worker, QObject* parent = nullptr);

    [[nodiscard]] const RapidProSource& source() const { return m_source; }
    [[nodiscard]] rapidpro::RapidProClient& client() { return m_client; }

    /// New inbound messages; done gets how many were new.
    void pollInbound(std::function<void(Result<int>)> done);
    /// Contacts changed since the last poll; done gets how many rows changed.
    void pollContacts(std::function<void(Result<int>)> done);
    /// Status changes of outgoing messages still in flight; done gets how many changed.
    void pollStatuses(std::function<void(Result<int>)> done);
    /// Sends what is due in the outbox, one message at a time, until nothing is due.
    void sendOutbox(std::function<void(Result<SendReport>)> done);

    /// RapidPro asked us to wait (429): jobs started before this passes do nothing.
    [[nodiscard]] bool throttled() const { return !m_pausedUntil.hasExpired(); }
    [[nodiscard]] qint64 throttledForMs() const { return m_pausedUntil.remainingTime(); }

    /// How many outbox rows one claim takes (the lease is the setting messaging.claim_lease_seconds).
    void setClaimBatch(int rows) { m_claimBatch = rows; }

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
    /// Reads @p url and the pages its `next` links lead to, giving each to @p page. Stops with an
    /// error at the first `next` link back to a page already read in this walk, and after the
    /// source's maxPages pages: a broken server cannot keep a job looping.
    void walk(const QUrl& url, const std::function<Status(const QByteArray&, QUrl& next)>& page,
              std::function<void(Status)> done);
    struct WalkState;
    void walkFrom(const QUrl& url, const std::function<Status(const QByteArray&, QUrl& next)>& page,
                  std::shared_ptr<WalkState> state, std::function<void(Status)> done);
    void sendBatch(QList<OutboxItem> items, std::shared_ptr<SendReport> report, Done<SendReport> done);
    void sendOne(const OutboxItem& item, std::function<void(bool stop)> next, std::shared_ptr<SendReport> report);
    void post(const OutboxItem& item, std::function<void(bool stop)> next, std::shared_ptr<SendReport> report);
    void resolveBroadcasts(QList<std::pair<qint64, qint64>> pending, std::function<void(Status)> done);
    void pollSentStatuses(std::function<void(Result<int>)> done);
    void lookUp(const OutboxItem& item, std::function<void(Result<std::optional<rapidpro::Message>>)> done);

    RapidProSource m_source;
    QSqlDatabase& m_db;
    ChannelStore m_store;
    QString m_worker;
    rapidpro::RapidProClient m_client;
    RetryPolicy m_policy;
    QDeadlineTimer m_pausedUntil{0};
    int m_claimBatch = 10;
};

} // namespace mhero::messaging
