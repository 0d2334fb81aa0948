// The outbox protocol for any channel: OutboxSender against a scripted fake ChannelAdapter and a
// real PostgreSQL, connected as the sync engine's role. No RapidPro anywhere: what holds here
// holds for every adapter — accepted, uncertain then found (never sent twice), uncertain then not
// found (sent again, once), permanent failure (shown, never retried), throttled (given back and
// retried after the delay, not before), an attempt left unfinished by a dead sender, and the
// channel's rate limit.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "Await.h"
#include "channels/ChannelAdapter.h"
#include "channels/OutboxSender.h"
#include "channels/OutboxStore.h"
#include "db/Sql.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <deque>
#include <optional>

using namespace mhero;
using namespace mhero::test;

namespace {

/// A platform in memory: send() answers from a script (accepted when it is empty), and what the
/// platform "holds" can be searched by findAttempts(), as a real platform's message list can.
class FakeAdapter final : public channels::ChannelAdapter
{
public:
    struct Step
    {
        channels::SendOutcome::Kind kind = channels::SendOutcome::Kind::Accepted;
        bool arrived = false; ///< for a failure: the platform got the message anyway (answer lost)
        int retryAfterMs = 0;
    };
    struct Held
    {
        channels::ChannelMessage message;
        QString urn;
        QString text;
    };

    std::deque<Step> script;
    QList<Held> held; ///< what the platform has
    QElapsedTimer clock;
    int sends = 0;
    int lookups = 0;

    FakeAdapter() { clock.start(); }

    QString platformName() const override { return QStringLiteral("Fake"); }
    channels::ChannelCapabilities capabilities() const override
    {
        channels::ChannelCapabilities c;
        c.maxTextLength = 160;
        return c;
    }

    void send(const channels::OutboundMessage& message, SendDone done) override
    {
        ++sends;
        m_sendAt.append(clock.elapsed());
        const Step step = script.empty() ? Step{} : script.front();
        if (!script.empty())
            script.pop_front();
        channels::SendOutcome outcome;
        switch (step.kind) {
        case channels::SendOutcome::Kind::Accepted:
            outcome = channels::SendOutcome::accepted(hold(message));
            break;
        case channels::SendOutcome::Kind::Uncertain:
            if (step.arrived)
                hold(message);
            outcome = channels::SendOutcome::uncertain(QStringLiteral("the answer was lost"));
            break;
        case channels::SendOutcome::Kind::TransientFailure:
            outcome = channels::SendOutcome::transientFailure(QStringLiteral("try later"));
            break;
        case channels::SendOutcome::Kind::PermanentFailure:
            outcome = channels::SendOutcome::permanentFailure(QStringLiteral("Fake refused it: text too long"));
            break;
        case channels::SendOutcome::Kind::Throttled:
            outcome = channels::SendOutcome::throttled(step.retryAfterMs);
            break;
        }
        // Answers come later, from the event loop, as a network's do.
        QTimer::singleShot(0, [outcome, done = std::move(done)] { done(outcome); });
    }

    void findAttempts(const channels::OutboundMessage& message, FindDone done) override
    {
        ++lookups;
        QList<channels::ChannelMessage> found;
        for (const Held& h : std::as_const(held))
            if (h.urn == message.urn && h.text == message.text)
                found.append(h.message);
        QTimer::singleShot(0, [found, done = std::move(done)] { done(found); });
    }

    void fetchMedia(const channels::MediaReference&, qint64, MediaDone done) override
    {
        QTimer::singleShot(0, [done = std::move(done)] { done(QByteArray("media")); });
    }

    [[nodiscard]] const QList<qint64>& sendAt() const { return m_sendAt; }

private:
    channels::ChannelMessage hold(const channels::OutboundMessage& message)
    {
        channels::ChannelMessage m;
        m.externalId = QStringLiteral("fake-%1").arg(held.size() + 1);
        m.status = QStringLiteral("sent");
        m.channelStatus = QStringLiteral("handed over");
        m.createdOn = QDateTime::currentDateTimeUtc();
        held.append({m, message.urn, message.text});
        return m;
    }

    QList<qint64> m_sendAt;
};

QVariant value(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    auto v = sql::scalar(db, statement, values);
    if (!v)
        qWarning() << statement << v.error().toString();
    return v ? *v : QVariant();
}

} // namespace

class TestOutboxSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void acceptedIsRecorded();
    void uncertainThenFoundIsAdoptedNotResent();
    void uncertainThenNotFoundIsResentOnce();
    void permanentFailureIsShownAndNeverRetried();
    void throttledIsRetriedAfterTheDelayNotBefore();
    void attemptOfADeadSenderIsLookedUp();
    void rateLimitSpacesTheSends();

private:
    void setting(const QString& key, const QString& jsonValue);
    /// Queues @p count replies in one conversation each; returns their message ids.
    QList<qint64> queue(int count, const QString& text = QStringLiteral("Reply"));
    Result<channels::SendReport> run();
    channels::OutboxSender& sender();

    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    int m_sourceId = 0;
    int m_people = 0;
    std::unique_ptr<FakeAdapter> m_fake;
    std::unique_ptr<channels::OutboxSender> m_sender;
};

void TestOutboxSender::init()
{
    m_sender.reset();
    m_fake = std::make_unique<FakeAdapter>();
    m_people = 0;
    m_service.reset();
    m_owner.reset();
    m_database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(m_database);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(owner.value()));
    auto service = TestCluster::instance().createUser(m_database, UserKind::Service, QStringLiteral("engine"));
    MHERO_VERIFY_OK(service);
    auto connection = TestCluster::connectAs(*service);
    MHERO_VERIFY_OK(connection);
    m_service.emplace(std::move(connection.value()));
    auto source = sql::scalar(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                             "VALUES ('fake', 'whatsapp', 'https://fake.invalid') RETURNING id"));
    MHERO_VERIFY_OK(source);
    m_sourceId = source->toInt();
    // Fast retries, so the tests do not wait for production backoff.
    setting(QStringLiteral("messaging.retry_first_seconds"), QStringLiteral("0"));
    setting(QStringLiteral("messaging.retry_max_seconds"), QStringLiteral("1"));
    setting(QStringLiteral("messaging.uncertain_retry_seconds"), QStringLiteral("0"));
}

void TestOutboxSender::setting(const QString& key, const QString& jsonValue)
{
    QCOMPARE(sqlState(m_owner->db(),
                      QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES (?, ?::jsonb) "
                                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                      {key, jsonValue}),
             QStringLiteral("ok"));
}

QList<qint64> TestOutboxSender::queue(int count, const QString& text)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        auto id = sql::scalar(m_owner->db(), QStringLiteral(R"sql(
WITH u AS (INSERT INTO mhero.contact_urn (urn) VALUES (?) RETURNING id),
     c AS (INSERT INTO mhero.conversation (urn_id, channel_source_id) SELECT id, ? FROM u RETURNING id),
     m AS (INSERT INTO mhero.message (conversation_id, direction, text, source_id, status)
           SELECT id, 'out', ?, ?, 'queued' FROM c RETURNING id),
     o AS (INSERT INTO mhero.outbox (message_id, source_id) SELECT id, ? FROM m)
SELECT id FROM m)sql"),
                              {QStringLiteral("whatsapp:2317702%1").arg(++m_people, 5, 10, QLatin1Char('0')),
                               m_sourceId, QStringLiteral("%1 %2").arg(text).arg(i), m_sourceId, m_sourceId});
        if (!id)
            qWarning() << "queue:" << id.error().toString();
        else
            ids.append(id->toLongLong());
    }
    return ids;
}

channels::OutboxSender& TestOutboxSender::sender()
{
    if (!m_sender)
        m_sender
            = std::make_unique<channels::OutboxSender>(*m_fake, m_sourceId, m_service->db(), QStringLiteral("test"));
    return *m_sender;
}

Result<channels::SendReport> TestOutboxSender::run()
{
    return await<channels::SendReport>([&](auto done) { sender().run(done); });
}

void TestOutboxSender::acceptedIsRecorded()
{
    const QList<qint64> ids = queue(1);
    QCOMPARE(ids.size(), 1);
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    QCOMPARE(m_fake->sends, 1);
    QCOMPARE(m_fake->lookups, 0);
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db,
                   QStringLiteral("SELECT external_id || ' ' || status || ' ' || channel_status || ' ' || "
                                  "(sent_at IS NOT NULL) FROM mhero.message WHERE id = ?"),
                   {ids[0]})
                 .toString(),
             QStringLiteral("fake-1 sent handed over true"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.outbox")).toInt(), 0);
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 0);
    QCOMPARE(m_fake->sends, 1);
}

void TestOutboxSender::uncertainThenFoundIsAdoptedNotResent()
{
    // The platform took the message, but its answer never came.
    const QList<qint64> ids = queue(1);
    m_fake->script.push_back({channels::SendOutcome::Kind::Uncertain, /*arrived=*/true, 0});
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->retrying, 1);
    QCOMPARE(report->adopted, 1); // due again at once (uncertain_retry_seconds 0): looked up in the same run
    QCOMPARE(report->sent, 0);
    QCOMPARE(m_fake->sends, 1); // never a second time
    QCOMPARE(m_fake->lookups, 1);
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
             QStringLiteral("fake-1"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.outbox")).toInt(), 0);
}

void TestOutboxSender::uncertainThenNotFoundIsResentOnce()
{
    // The connection broke before the platform took the message: the look-up finds nothing.
    const QList<qint64> ids = queue(1);
    m_fake->script.push_back({channels::SendOutcome::Kind::Uncertain, /*arrived=*/false, 0});
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->retrying, 1);
    QCOMPARE(report->sent, 1);
    QCOMPARE(report->adopted, 0);
    QCOMPARE(m_fake->lookups, 1);
    QCOMPARE(m_fake->sends, 2);
    QCOMPARE(m_fake->held.size(), 1); // one message on the platform
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(m_fake->sends, 2);
    QCOMPARE(
        value(m_owner->db(), QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
        QStringLiteral("fake-1"));
}

void TestOutboxSender::permanentFailureIsShownAndNeverRetried()
{
    const QList<qint64> ids = queue(2);
    m_fake->script.push_back({channels::SendOutcome::Kind::PermanentFailure, false, 0});
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed, 1);
    QCOMPARE(report->sent, 1); // the other message is not held up
    QCOMPARE(report->retrying, 0);
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT status || ': ' || error FROM mhero.message WHERE id = ?"), {ids[0]})
                 .toString(),
             QStringLiteral("failed: Fake refused it: text too long"));
    QCOMPARE(value(db, QStringLiteral("SELECT next_attempt_at = 'infinity' FROM mhero.outbox WHERE message_id = ?"),
                   {ids[0]})
                 .toBool(),
             true);
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed + report->sent + report->retrying, 0);
    QCOMPARE(m_fake->sends, 2);
}

void TestOutboxSender::throttledIsRetriedAfterTheDelayNotBefore()
{
    constexpr int kRetryAfterMs = 1500;
    const QList<qint64> ids = queue(3);
    m_fake->script.push_back({channels::SendOutcome::Kind::Throttled, false, kRetryAfterMs});
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->throttled, 3); // the throttled one and the two given back untried
    QCOMPARE(report->sent, 0);
    QCOMPARE(m_fake->sends, 1);
    QVERIFY(sender().throttled());
    QSqlDatabase& db = m_owner->db();
    // Given back untried: the attempt is not counted, nothing is marked as started.
    QCOMPARE(value(db,
                   QStringLiteral("SELECT sum(attempts) || ' ' || count(attempt_started_at) || ' ' || "
                                  "bool_and(next_attempt_at > now() + interval '0.5 seconds') FROM mhero.outbox"))
                 .toString(),
             QStringLiteral("0 1 true"));
    // Not before the delay: a run now sends nothing, even with a new sender (the rows wait too).
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(m_fake->sends, 1);
    m_sender.reset();
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(m_fake->sends, 1);
    // After it: all three, the throttled one once more.
    QTest::qWait(kRetryAfterMs + 100);
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 3);
    QCOMPARE(m_fake->sends, 4);
    QVERIFY2(m_fake->sendAt()[1] - m_fake->sendAt()[0] >= kRetryAfterMs,
             qPrintable(QString::number(m_fake->sendAt()[1])));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE status = 'sent'")).toInt(), 3);
}

void TestOutboxSender::attemptOfADeadSenderIsLookedUp()
{
    // A sender marks its attempt, hands the message over and dies before recording anything.
    const QList<qint64> ids = queue(1);
    channels::OutboxStore store(m_service->db());
    auto claimed = store.claim(m_sourceId, QStringLiteral("doomed"), 10, 300);
    MHERO_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(store.markAttemptStarted(ids[0], QStringLiteral("doomed")).valueOr(false), true);
    bool handed = false;
    m_fake->send(claimed->first().outbound(), [&](channels::SendOutcome) { handed = true; });
    QTRY_VERIFY(handed);
    QCOMPARE(m_fake->sends, 1);
    // While its claim lasts, nobody touches the row.
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent + report->adopted, 0);
    // Once it has expired, the next sender finds the message on the platform instead of resending.
    setting(QStringLiteral("messaging.claim_lease_seconds"), QStringLiteral("1"));
    QTest::qWait(1100);
    report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->adopted, 1);
    QCOMPARE(m_fake->sends, 1);
    QCOMPARE(
        value(m_owner->db(), QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
        QStringLiteral("fake-1"));
}

void TestOutboxSender::rateLimitSpacesTheSends()
{
    constexpr int kMessages = 5;
    constexpr double kPerSecond = 10; // one every 100 ms
    queue(kMessages);
    sender().setRateLimit(kPerSecond);
    auto report = run();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, kMessages);
    const QList<qint64>& at = m_fake->sendAt();
    QCOMPARE(at.size(), kMessages);
    for (int i = 1; i < at.size(); ++i)
        QVERIFY2(at[i] - at[i - 1] >= 99,
                 qPrintable(QStringLiteral("send %1 came %2 ms after the one before").arg(i).arg(at[i] - at[i - 1])));
}

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
