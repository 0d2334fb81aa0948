#include "messaging/RapidProSync.h"

#include "sync/SyncState.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QUrlQuery>

#include <memory>

Q_LOGGING_CATEGORY(lcChannel, "mhero.channel")

namespace mhero::messaging {

namespace {
constexpr int kLookBackSeconds = 120; // clock difference allowed between PostgreSQL and RapidPro

QUrlQuery query(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery q;
    for (const auto& [key, value] : items)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q;
}
} // namespace

RapidProSync::RapidProSync(RapidProSource source, QSqlDatabase& db, QString worker, QObject* parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_db(db)
    , m_store(db)
    , m_worker(std::move(worker))
    , m_client(m_source.baseUrl, m_source.token, m_source.tokenOrigin)
{
    connect(&m_client, &rapidpro::RapidProClient::throttled, this, [this](int delayMs) {
        m_pausedUntil = QDeadlineTimer(std::max(delayMs, 1000));
        qCInfo(lcChannel).noquote() << m_source.name << "throttled by RapidPro for" << delayMs << "ms";
    });
}

struct RapidProSync::WalkState
{
    QSet<QString> seen;
    int pages = 0;
};

void RapidProSync::walk(const QUrl& url, const std::function<Status(const QByteArray&, QUrl&)>& page,
                        std::function<void(Status)> done)
{
    walkFrom(url, page, std::make_shared<WalkState>(), std::move(done));
}

void RapidProSync::walkFrom(const QUrl& url, const std::function<Status(const QByteArray&, QUrl&)>& page,
                            std::shared_ptr<WalkState> state, std::function<void(Status)> done)
{
    const QString key = url.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
    if (state->seen.contains(key)) {
        done(Error{QStringLiteral("rapidpro-next-loop"),
                   tr("RapidPro sent a next link back to a page already read; the poll stopped so that it "
                      "cannot loop. The RapidPro server (or a proxy in front of it) needs attention."),
                   key});
        return;
    }
    if (state->pages >= m_source.maxPages) {
        done(Error{QStringLiteral("rapidpro-too-many-pages"),
                   tr("The poll stopped after %1 pages, the most one run may read (max_pages_per_run of the "
                      "source); it starts again from the same point next time.")
                       .arg(m_source.maxPages),
                   key});
        return;
    }
    state->seen.insert(key);
    ++state->pages;
    m_client.get(url, [this, page, state, done = std::move(done)](Result<QByteArray> body) mutable {
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

void RapidProSync::pollSince(const QString& job, const QString& endpoint, QUrlQuery filter, const PageStore& store,
                             std::function<void(Result<int>)> done)
{
    auto cursor = sync::loadCursor(m_db, m_source.id, job);
    if (!cursor) {
        done(cursor.error());
        return;
    }
    QDateTime watermark = rapidpro::parseTimestamp(*cursor);
    if (!watermark.isValid())
        watermark = QDateTime::currentDateTimeUtc().addDays(-m_source.historyDays);
    auto newest = std::make_shared<QDateTime>(watermark);
    auto stored = std::make_shared<int>(0);
    filter.addQueryItem(QStringLiteral("after"),
                        QString::fromLatin1(QUrl::toPercentEncoding(
                            rapidpro::formatTimestamp(watermark.addSecs(-m_source.overlapSeconds)))));
    walk(
        m_client.endpointUrl(endpoint, filter),
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
                status = sync::saveCursor(m_db, m_source.id, job, rapidpro::formatTimestamp(*newest));
            (void)sync::recordRun(m_db, m_source.id, job, status ? QString() : status.error().toString());
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
    (void)sync::recordRun(m_db, m_source.id, job, m_source.secretError->toString());
    done(*m_source.secretError);
    return true;
}

void RapidProSync::pollInbound(std::function<void(Result<int>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("messages_in"), done))
        return;
    pollSince(
        QStringLiteral("messages_in"), QStringLiteral("messages"), query({{QStringLiteral("folder"), QStringLiteral("inbox")}}),
        [this](const QByteArray& body, QUrl& next, QDateTime& newest) -> Result<int> {
            auto page = rapidpro::parseMessages(body);
            if (!page)
                return page.error();
            QStringList problems = page->problems;
            auto added = m_store.ingestInbound(m_source.id, page->results, m_source.region, &problems);
            if (!added)
                return added.error();
            for (const rapidpro::Message& m : page->results)
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
            auto page = rapidpro::parseContacts(body);
            if (!page)
                return page.error();
            auto changed = m_store.ingestContacts(m_source.id, page->results, m_source.region);
            if (!changed)
                return changed.error();
            for (const rapidpro::Contact& c : page->results)
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
    const QUrl url = m_client.endpointUrl(QStringLiteral("messages"),
                                          query({{QStringLiteral("broadcast"), QString::number(broadcastId)}}));
    m_client.get(url, [this, messageId, pending, done = std::move(done)](Result<QByteArray> body) mutable {
        if (!body) {
            done(body.error());
            return;
        }
        auto page = rapidpro::parseMessages(*body);
        if (!page) {
            done(page.error());
            return;
        }
        if (!page->results.isEmpty()) {
            if (Status s = m_store.resolveBroadcast(messageId, page->results.first()); !s) {
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
    const QString after = rapidpro::formatTimestamp(since->addSecs(-kLookBackSeconds));
    const auto page = [this, changed](const QByteArray& body, QUrl& next) -> Status {
        auto parsed = rapidpro::parseMessages(body);
        if (!parsed)
            return parsed.error();
        auto applied = m_store.applyStatuses(m_source.id, parsed->results);
        if (!applied)
            return applied.error();
        *changed += *applied;
        next = parsed->next;
        return {};
    };
    const QUrl sent = m_client.endpointUrl(
        QStringLiteral("messages"), query({{QStringLiteral("folder"), QStringLiteral("sent")}, {QStringLiteral("after"), after}}));
    const QUrl failed = m_client.endpointUrl(
        QStringLiteral("messages"), query({{QStringLiteral("folder"), QStringLiteral("failed")}, {QStringLiteral("after"), after}}));
    walk(sent, page, [this, failed, page, changed, done = std::move(done)](Status status) mutable {
        if (!status) {
            (void)sync::recordRun(m_db, m_source.id, QStringLiteral("statuses"), status.error().toString());
            done(status.error());
            return;
        }
        walk(failed, page, [this, changed, done = std::move(done)](Status second) {
            (void)sync::recordRun(m_db, m_source.id, QStringLiteral("statuses"),
                                  second ? QString() : second.error().toString());
            if (!second)
                done(second.error());
            else
                done(*changed);
        });
    });
}

void RapidProSync::sendOutbox(std::function<void(Result<SendReport>)> done)
{
    if (refuseWithoutSecret(QStringLiteral("outbox"), done))
        return;
    m_policy = m_store.retryPolicy();
    auto report = std::make_shared<SendReport>();
    if (throttled()) {
        done(*report);
        return;
    }
    auto claimed = m_store.claim(m_source.id, m_worker, m_claimBatch, m_policy.leaseSeconds);
    if (!claimed) {
        done(claimed.error());
        return;
    }
    if (claimed->isEmpty()) {
        done(*report);
        return;
    }
    sendBatch(std::move(*claimed), report, std::move(done));
}

void RapidProSync::sendBatch(QList<OutboxItem> items, std::shared_ptr<SendReport> report, Done<SendReport> done)
{
    if (items.isEmpty()) {
        // Claim the next batch (what became due meanwhile included), until nothing is due.
        auto claimed = m_store.claim(m_source.id, m_worker, m_claimBatch, m_policy.leaseSeconds);
        if (!claimed) {
            done(claimed.error());
            return;
        }
        if (claimed->isEmpty() || throttled()) {
            for (const OutboxItem& item : *claimed)
                (void)m_store.release(item, int(throttledForMs()));
            done(*report);
            return;
        }
        items = std::move(*claimed);
    }
    const OutboxItem item = items.takeFirst();
    sendOne(item, [this, items, report, done = std::move(done)](bool stop) mutable {
        if (stop) {
            for (const OutboxItem& rest : items) {
                (void)m_store.release(rest, int(std::max<qint64>(throttledForMs(), 0)));
                ++report->throttled;
            }
            done(*report);
            return;
        }
        sendBatch(std::move(items), report, std::move(done));
    }, report);
}

void RapidProSync::sendOne(const OutboxItem& item, std::function<void(bool)> next, std::shared_ptr<SendReport> report)
{
    const auto fail = [this, item, report](const QString& error, bool uncertain, bool permanent) {
        const bool last = permanent || item.attempts >= m_policy.maxAttempts;
        if (Status s = m_store.recordFailure(item, error, uncertain, permanent, m_policy); !s)
            qCWarning(lcChannel).noquote() << "could not record the failure of message" << item.messageId << s.error().toString();
        ++(last ? report->failed : report->retrying);
        qCInfo(lcChannel).noquote() << m_source.name << "message" << item.messageId << "attempt" << item.attempts
                                    << (last ? "failed:" : "will be retried:") << error;
    };
    if (item.contactStatus == QLatin1String("stopped") || item.contactStatus == QLatin1String("blocked")) {
        fail(tr("Not sent: this person has opted out (%1).").arg(item.contactStatus), false, true);
        next(false);
        return;
    }
    if (!item.unfinishedAttemptAt.isValid()) {
        post(item, std::move(next), report);
        return;
    }
    // An earlier attempt may have reached RapidPro: find it there before sending again.
    lookUp(item, [this, item, next = std::move(next), report, fail](Result<std::optional<rapidpro::Message>> found) mutable {
        if (!found) {
            fail(tr("Could not check whether an earlier attempt arrived: %1").arg(found.error().message), true, false);
            next(false);
            return;
        }
        if (*found) {
            if (Status s = m_store.recordAccepted(item.messageId, **found); !s) {
                qCWarning(lcChannel).noquote() << "could not record message" << item.messageId << s.error().toString();
                next(true);
                return;
            }
            ++report->adopted;
            qCInfo(lcChannel).noquote() << m_source.name << "message" << item.messageId
                                        << "had arrived at an earlier attempt as" << (*found)->externalId();
            next(false);
            return;
        }
        post(item, std::move(next), report);
    });
}

void RapidProSync::post(const OutboxItem& item, std::function<void(bool)> next, std::shared_ptr<SendReport> report)
{
    auto started = m_store.markAttemptStarted(item.messageId, m_worker);
    if (!started || !*started) {
        // Lost the claim (it outlived its lease) or the database is gone: leave the row alone.
        next(!started);
        return;
    }
    // A known contact gets a message; an address RapidPro may not know yet gets a one-person
    // broadcast, which creates the contact (messages.json only addresses existing contacts).
    const bool broadcast = item.contactUuid.isEmpty();
    const QJsonObject body = broadcast
        ? QJsonObject{{QStringLiteral("urns"), QJsonArray{item.urn}}, {QStringLiteral("text"), item.text}}
        : QJsonObject{{QStringLiteral("contact"), item.contactUuid}, {QStringLiteral("text"), item.text}};
    m_client.post(broadcast ? QStringLiteral("broadcasts") : QStringLiteral("messages"), body,
                  [this, item, broadcast, next = std::move(next), report](rapidpro::HttpOutcome outcome) {
        const auto fail = [this, &item, &report](const QString& error, bool uncertain, bool permanent) {
            const bool last = permanent || item.attempts >= m_policy.maxAttempts;
            if (Status s = m_store.recordFailure(item, error, uncertain, permanent, m_policy); !s)
                qCWarning(lcChannel).noquote() << "could not record the failure of message" << item.messageId
                                               << s.error().toString();
            ++(last ? report->failed : report->retrying);
        };
        if (outcome.success() && broadcast) {
            // Its message is created by RapidPro afterwards; the status poll finds it by broadcast.
            auto accepted = rapidpro::parseBroadcastId(outcome.body);
            rapidpro::Message placeholder;
            placeholder.status = QStringLiteral("queued");
            if (accepted)
                placeholder.uuid = QStringLiteral("broadcast:%1").arg(*accepted);
            if (!accepted)
                fail(tr("RapidPro accepted the message but its answer could not be read."), true, false);
            else if (Status s = m_store.recordAccepted(item.messageId, placeholder); !s) {
                next(true);
                return;
            } else
                ++report->sent;
            next(false);
            return;
        }
        if (outcome.success()) {
            auto accepted = rapidpro::parseMessage(outcome.body);
            if (!accepted) {
                fail(tr("RapidPro accepted the message but its answer could not be read."), true, false);
            } else if (Status s = m_store.recordAccepted(item.messageId, *accepted); !s) {
                qCWarning(lcChannel).noquote() << "could not record message" << item.messageId << s.error().toString();
                next(true);
                return;
            } else if (rapidpro::mheroStatus(accepted->status) == QLatin1String("failed")) {
                ++report->failed;
            } else {
                ++report->sent;
            }
            next(false);
            return;
        }
        if (outcome.status == 429) {
            (void)m_store.release(item, outcome.retryAfterMs >= 0 ? outcome.retryAfterMs : 60'000);
            ++report->throttled;
            next(true);
            return;
        }
        if (outcome.status == 401 || outcome.status == 403) {
            fail(tr("RapidPro refused the API token (HTTP %1); an administrator must update it.").arg(outcome.status),
                 false, false);
            next(true);
            return;
        }
        if (outcome.status >= 400 && outcome.status < 500 && outcome.status != 408) {
            fail(tr("RapidPro refused the message: %1").arg(outcome.describe()), false, true);
            next(false);
            return;
        }
        fail(tr("RapidPro did not answer: %1").arg(outcome.describe()), outcome.uncertain, false);
        next(false);
    });
}

void RapidProSync::lookUp(const OutboxItem& item, std::function<void(Result<std::optional<rapidpro::Message>>)> done)
{
    if (item.contactUuid.isEmpty()) {
        // Sent as a broadcast to an address: if RapidPro has no contact for it, nothing arrived.
        const QUrl url = m_client.endpointUrl(QStringLiteral("contacts"), query({{QStringLiteral("urn"), item.urn}}));
        m_client.get(url, [this, item, done = std::move(done)](Result<QByteArray> body) mutable {
            if (!body) {
                done(body.error());
                return;
            }
            auto page = rapidpro::parseContacts(*body);
            if (!page) {
                done(page.error());
                return;
            }
            if (page->results.isEmpty()) {
                done(std::optional<rapidpro::Message>());
                return;
            }
            OutboxItem known = item;
            known.contactUuid = page->results.first().uuid;
            lookUp(known, std::move(done));
        });
        return;
    }
    auto candidates = std::make_shared<QList<rapidpro::Message>>();
    const QUrl url = m_client.endpointUrl(
        QStringLiteral("messages"),
        query({{QStringLiteral("contact"), item.contactUuid},
               {QStringLiteral("after"), rapidpro::formatTimestamp(item.unfinishedAttemptAt.addSecs(-kLookBackSeconds))}}));
    walk(
        url,
        [candidates, item](const QByteArray& body, QUrl& next) -> Status {
            auto page = rapidpro::parseMessages(body);
            if (!page)
                return page.error();
            for (const rapidpro::Message& m : page->results)
                if (m.direction == QLatin1String("out") && m.text == item.text)
                    candidates->append(m);
            next = page->next;
            return {};
        },
        [this, candidates, done = std::move(done)](Status status) {
            if (!status) {
                done(status.error());
                return;
            }
            QStringList ids;
            for (const rapidpro::Message& m : *candidates)
                ids.append(m.externalId());
            auto known = m_store.knownExternalIds(m_source.id, ids);
            if (!known) {
                done(known.error());
                return;
            }
            // The oldest same-text message to this person that no stored message claims is ours.
            std::optional<rapidpro::Message> found;
            for (const rapidpro::Message& m : *candidates)
                if (!known->contains(m.externalId()) && (!found || m.createdOn < found->createdOn))
                    found = m;
            done(found);
        });
}

} // namespace mhero::messaging
