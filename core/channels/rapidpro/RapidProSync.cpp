#include "channels/rapidpro/RapidProSync.h"

#include "sources/SyncState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QUrlQuery>

#include <memory>

Q_LOGGING_CATEGORY(lcChannel, "mhero.channel")

namespace mhero::rapidpro {

RapidProSync::RapidProSync(RapidProSource source, QSqlDatabase& db, QString worker, QObject* parent)
    : channels::ChannelSource(parent)
    , m_source(std::move(source))
    , m_entry(sourceEntry(m_source))
    , m_db(db)
    , m_store(db)
    , m_adapter(m_source.baseUrl, m_source.token, m_source.tokenOrigin, m_source.maxPages)
    , m_sender(m_adapter, m_source.id, db, std::move(worker))
{
    m_sender.setRateLimit(m_source.sendPerSecond);
    // A 429 on any request (a poll's too) holds the outbox back as well.
    connect(&m_adapter.client(), &RapidProClient::throttled, this, [this](int delayMs) {
        m_sender.pause(delayMs);
        qCInfo(lcChannel).noquote() << m_source.name << "throttled by RapidPro for" << delayMs << "ms";
    });
}

QList<channels::ChannelSource::Poll> RapidProSync::polls() const
{
    return {{QStringLiteral("inbound"), qint64(m_source.pollSeconds) * 1000},
            {QStringLiteral("statuses"), kStatusesMs},
            {QStringLiteral("contacts"), kContactsMs}};
}

void RapidProSync::poll(const QString& job, std::function<void(Result<int>)> done)
{
    if (job == QLatin1String("inbound"))
        pollInbound(std::move(done));
    else if (job == QLatin1String("statuses"))
        pollStatuses(std::move(done));
    else if (job == QLatin1String("contacts"))
        pollContacts(std::move(done));
    else
        done(Error{QStringLiteral("unknown-job"), QStringLiteral("RapidPro has no job %1").arg(job), {}});
}

void RapidProSync::pollSince(const QString& job, const QString& endpoint, QUrlQuery filter, const PageStore& store,
                             std::function<void(Result<int>)> done)
{
    auto cursor = sources::loadCursor(m_db, m_source.id, job);
    if (!cursor) {
        done(cursor.error());
        return;
    }
    QDateTime watermark = parseTimestamp(*cursor);
    if (!watermark.isValid())
        watermark = QDateTime::currentDateTimeUtc().addDays(-m_source.historyDays);
    auto newest = std::make_shared<QDateTime>(watermark);
    auto stored = std::make_shared<int>(0);
    filter.addQueryItem(QStringLiteral("after"),
                        QString::fromLatin1(QUrl::toPercentEncoding(
                            formatTimestamp(watermark.addSecs(-m_source.overlapSeconds)))));
    m_adapter.walk(
        m_adapter.client().endpointUrl(endpoint, filter),
        [store, newest, stored](const QByteArray& body, QUrl& next) -> Status {
            auto count = store(body, next, *newest);
            if (!count)
                return count.error();
            *stored += *count;
            return {};
        },
        [this, job, newest, stored, done = std::move(done)](Status status) {
            // The watermark moves only once every page is stored: a failure repeats the window.
            if (status)
                status = sources::saveCursor(m_db, m_source.id, job, formatTimestamp(*newest));
            (void)sources::recordRun(m_db, m_source.id, job, status ? QString() : status.error().toString());
            if (!status)
                done(status.error());
            else
                done(*stored);
        });
}

bool RapidProSync::refuseWithoutSecret(const QString& job, const std::function<void(Error)>& done)
{
    if (!m_source.secretError)
        return false;
    // No usable token: nothing is sent anywhere, and the source says why (source list, Settings).
    (void)sources::recordRun(m_db, m_source.id, job, m_source.secretError->toString());
    done(*m_source.secretError);
    return true;
}

void RapidProSync::pollInbound(std::function<void(Result<int>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("messages_in"), done))
        return;
    pollSince(
        QStringLiteral("messages_in"), QStringLiteral("messages"),
        RapidProClient::query({{QStringLiteral("folder"), QStringLiteral("inbox")}}),
        [this](const QByteArray& body, QUrl& next, QDateTime& newest) -> Result<int> {
            auto page = parseMessages(body);
            if (!page)
                return page.error();
            QStringList problems = page->problems;
            auto added = m_store.ingestInbound(
                m_source.id, RapidProAdapter::toInbound(page->results, m_source.region), &problems);
            if (!added)
                return added.error();
            for (const Message& m : page->results)
                newest = std::max(newest, m.createdOn);
            for (const QString& problem : problems)
                qCWarning(lcChannel).noquote() << m_source.name << "skipped" << problem;
            next = page->next;
            return *added;
        },
        std::move(done));
}

void RapidProSync::pollContacts(std::function<void(Result<int>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("contacts"), done))
        return;
    pollSince(
        QStringLiteral("contacts"), QStringLiteral("contacts"), {},
        [this](const QByteArray& body, QUrl& next, QDateTime& newest) -> Result<int> {
            auto page = parseContacts(body);
            if (!page)
                return page.error();
            auto changed = m_store.ingestContacts(
                m_source.id, RapidProAdapter::toContacts(page->results, m_source.region));
            if (!changed)
                return changed.error();
            for (const Contact& c : page->results)
                newest = std::max(newest, c.modifiedOn);
            next = page->next;
            return *changed;
        },
        std::move(done));
}

void RapidProSync::pollStatuses(std::function<void(Result<int>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("statuses"), done))
        return;
    auto pending = m_store.pendingBroadcasts(m_source.id);
    if (!pending) {
        done(pending.error());
        return;
    }
    if (!pending->isEmpty()) {
        resolveBroadcasts(*pending, [this, done = std::move(done)](Status status) mutable {
            if (!status) {
                done(status.error());
                return;
            }
            pollSentStatuses(std::move(done));
        });
        return;
    }
    pollSentStatuses(std::move(done));
}

void RapidProSync::resolveBroadcasts(QList<std::pair<qint64, qint64>> pending, std::function<void(Status)> done)
{
    if (pending.isEmpty()) {
        done({});
        return;
    }
    const auto [messageId, broadcastId] = pending.takeFirst();
    const QUrl url = m_adapter.client().endpointUrl(
        QStringLiteral("messages"),
        RapidProClient::query({{QStringLiteral("broadcast"), QString::number(broadcastId)}}));
    m_adapter.client().get(url, [this, messageId, pending, done = std::move(done)](Result<QByteArray> body) mutable {
        if (!body) {
            done(body.error());
            return;
        }
        auto page = parseMessages(*body);
        if (!page) {
            done(page.error());
            return;
        }
        if (!page->results.isEmpty()) {
            if (Status s = m_store.resolveBroadcast(messageId,
                                                    RapidProAdapter::toChannelMessage(page->results.first()));
                !s) {
                done(s);
                return;
            }
        }
        resolveBroadcasts(std::move(pending), std::move(done));
    });
}

void RapidProSync::pollSentStatuses(std::function<void(Result<int>)> done)
{
    auto since = m_store.unsettledSince(m_source.id);
    if (!since) {
        done(since.error());
        return;
    }
    if (!since->isValid()) {
        done(0);
        return;
    }
    // Current RapidPro has no "modified after" query for messages: re-read the sent and failed
    // folders back to the oldest message still in flight, and let apply_statuses() keep what moved.
    auto changed = std::make_shared<int>(0);
    const QString after = formatTimestamp(since->addSecs(-RapidProAdapter::kClockMarginSeconds));
    const auto page = [this, changed](const QByteArray& body, QUrl& next) -> Status {
        auto parsed = parseMessages(body);
        if (!parsed)
            return parsed.error();
        auto applied = m_store.applyStatuses(m_source.id, RapidProAdapter::toStatuses(parsed->results));
        if (!applied)
            return applied.error();
        *changed += *applied;
        next = parsed->next;
        return {};
    };
    const QUrl sent = m_adapter.client().endpointUrl(
        QStringLiteral("messages"),
        RapidProClient::query(
            {{QStringLiteral("folder"), QStringLiteral("sent")}, {QStringLiteral("after"), after}}));
    const QUrl failed = m_adapter.client().endpointUrl(
        QStringLiteral("messages"),
        RapidProClient::query(
            {{QStringLiteral("folder"), QStringLiteral("failed")}, {QStringLiteral("after"), after}}));
    m_adapter.walk(sent, page, [this, failed, page, changed, done = std::move(done)](Status status) mutable {
        if (!status) {
            (void)sources::recordRun(m_db, m_source.id, QStringLiteral("statuses"), status.error().toString());
            done(status.error());
            return;
        }
        m_adapter.walk(failed, page, [this, changed, done = std::move(done)](Status second) {
            (void)sources::recordRun(m_db, m_source.id, QStringLiteral("statuses"),
                                     second ? QString() : second.error().toString());
            if (!second)
                done(second.error());
            else
                done(*changed);
        });
    });
}

void RapidProSync::sendOutbox(std::function<void(Result<channels::SendReport>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("outbox"), done))
        return;
    m_sender.run(std::move(done));
}

} // namespace mhero::rapidpro
