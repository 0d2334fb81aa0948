// Conversations over RapidPro, end to end: the sync engine against the RapidPro emulator (Node,
// over loopback HTTP) and a real PostgreSQL, connected as the real roles. Inbound messages arrive
// exactly once and thread by address; replies are delivered exactly once through failures,
// throttling, lost answers and a killed sender process; opted-out people are never messaged.
#include "RapidProEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "Await.h"
#include "channels/OutboxStore.h"
#include "channels/rapidpro/RapidProAdapter.h"
#include "db/Sql.h"
#include "channels/ChannelStore.h"
#include "channels/rapidpro/RapidProSource.h"
#include "channels/rapidpro/RapidProSync.h"
#include "channels/rapidpro/RapidProMessages.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

namespace {

QVariant value(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    auto v = sql::scalar(db, statement, values);
    if (!v)
        qWarning() << statement << v.error().toString();
    return v ? *v : QVariant();
}

QString urnOf(int person)
{
    return QStringLiteral("tel:+2317701%1").arg(person, 5, 10, QLatin1Char('0'));
}

} // namespace

class TestRapidProSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void inboundArrivesExactlyOnceAndThreads();
    void inboundWithAttachmentsAndUnknownContacts();
    void replyIsDeliveredExactlyOnce();
    void failuresAndThrottlingStillDeliverEachOnce();
    void lostAnswerIsFoundNotResent();
    void droppedConnectionIsNeverResentBehindOurBack();
    void optedOutPeopleAreNeverMessaged();
    void permanentRefusalIsShownAndRetryable();
    void conversationStartedFromTheDirectory();
    void conversationsRunOnTheChannelKindsOnly();
    void adapterDeclaresWhatTheDatabaseSays();
    void killedSenderLosesAndDuplicatesNothing();
    void syncOnceRunsEveryJobUnderTheEnginesLock();
    void brokenMessagesNeverBlockAPage();
    void unusableEntriesAreQuarantined();
    void nextLinkBackToAReadPageEndsThePoll();
    void pagesPerPollAreCapped();

private:
    void policy(const QString& key, const QString& jsonValue);
    /// POSTs a claimed reply to RapidPro with the engine's client, as the sender does, and waits.
    rapidpro::HttpOutcome postNow(const channels::OutboxItem& item);
    QList<qint64> replies(const QString& agentText, int count);
    rapidpro::RapidProSync& engine();

    std::unique_ptr<RapidProEmulator> m_rapidpro;
    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    std::optional<ScopedConnection> m_agent;
    TestUser m_serviceUser;
    TestUser m_agentUser;
    std::unique_ptr<rapidpro::RapidProSync> m_engine;
    QTemporaryDir m_keyDir;
    QString m_keyPath;
    std::optional<secrets::EngineKey> m_key;
};

void TestRapidProSync::initTestCase()
{
    m_rapidpro = std::make_unique<RapidProEmulator>(QStringList{QStringLiteral("--advance-ms"), QStringLiteral("20")});
    QVERIFY2(m_rapidpro->ok(), qPrintable(m_rapidpro->startError()));
}

void TestRapidProSync::init()
{
    QVERIFY(m_rapidpro->reset());
    m_engine.reset();
    m_agent.reset();
    m_service.reset();
    m_owner.reset();
    // The engine's key, as mhero-server makes it on its first start: the token is sealed to it.
    auto deployed = deployRapidPro(m_rapidpro->baseUrl(), m_keyDir.path());
    MHERO_VERIFY_OK(deployed);
    m_database = deployed->database;
    m_owner = std::move(deployed->owner);
    m_serviceUser = deployed->service;
    m_agentUser = deployed->agent;
    m_keyPath = deployed->keyPath;
    m_key = deployed->key;

    // A health worker of the directory whose number is person 1's.
    MHERO_VERIFY_OK(sql::execScript(m_owner->db(), R"sql(
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('ihris', 'fhir', 'http://ihris.invalid/fhir');
        INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, given_name, family_name, display_name,
                                         cadre, facility)
        SELECT id, 'Practitioner', 'p1', 'Mariama', 'Konneh', 'Mariama Konneh', 'Nurse', 'Phebe Hospital'
          FROM mhero.source WHERE name = 'ihris';
        INSERT INTO mhero.contact_urn (urn, health_worker_id, display)
        SELECT 'tel:+231770100001', id, display_name FROM mhero.health_worker WHERE resource_id = 'p1';
    )sql"));
    // Fast retries, so the tests do not wait for production backoff.
    policy(QStringLiteral("messaging.retry_first_seconds"), QStringLiteral("0"));
    policy(QStringLiteral("messaging.retry_max_seconds"), QStringLiteral("1"));
    policy(QStringLiteral("messaging.uncertain_retry_seconds"), QStringLiteral("0"));
    policy(QStringLiteral("messaging.free_text_policy"), QStringLiteral("\"free_text\""));

    auto serviceConnection = TestCluster::connectAs(m_serviceUser);
    MHERO_VERIFY_OK(serviceConnection);
    m_service.emplace(std::move(serviceConnection.value()));
    auto agentConnection = TestCluster::connectAs(m_agentUser);
    MHERO_VERIFY_OK(agentConnection);
    m_agent.emplace(std::move(agentConnection.value()));
}

void TestRapidProSync::policy(const QString& key, const QString& jsonValue)
{
    QCOMPARE(sqlState(m_owner->db(),
                      QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES (?, ?::jsonb) "
                                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                      {key, jsonValue}),
             QStringLiteral("ok"));
}

rapidpro::HttpOutcome TestRapidProSync::postNow(const channels::OutboxItem& item)
{
    rapidpro::HttpOutcome outcome;
    QEventLoop loop;
    engine().client().post(QStringLiteral("messages"),
                           QJsonObject{{QStringLiteral("contact"), item.channelContactId}, {QStringLiteral("text"), item.text}},
                           [&](rapidpro::HttpOutcome o) {
                               outcome = std::move(o);
                               loop.quit();
                           });
    loop.exec();
    return outcome;
}

rapidpro::RapidProSync& TestRapidProSync::engine()
{
    if (!m_engine) {
        // The engine reads its source (and token) as the service role, as mhero-server does.
        auto sources = rapidpro::loadRapidProSources(m_service->db(), {}, &*m_key);
        if (!sources || sources->size() != 1)
            qFatal("cannot load the RapidPro source as the service role");
        m_engine = std::make_unique<rapidpro::RapidProSync>(sources->first(), m_service->db(), QStringLiteral("test-engine"));
        m_engine->client().setBackoff(10, 100);
        m_engine->client().setTimeout(3000);
    }
    return *m_engine;
}

/// Inbound messages from @p count people, then one reply each from the agent ("<text> N").
QList<qint64> TestRapidProSync::replies(const QString& text, int count)
{
    QJsonArray inbound;
    for (int i = 0; i < count; ++i)
        inbound.append(QJsonObject{{QStringLiteral("urn"), urnOf(1000 + i)},
                                   {QStringLiteral("text"), QStringLiteral("question %1").arg(i)}});
    m_rapidpro->inbound(inbound);
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    if (!added || *added != count)
        qWarning() << "inbound for replies:" << (added ? QString::number(*added) : added.error().toString());
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        auto id = sql::scalar(m_agent->db(),
                              QStringLiteral("SELECT mhero.reply(c.id, ?) FROM mhero.conversation c "
                                             "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE u.urn = ?"),
                              {QStringLiteral("%1 %2").arg(text).arg(i), urnOf(1000 + i)});
        if (!id)
            qWarning() << "reply:" << id.error().toString();
        else
            ids.append(id->toLongLong());
    }
    return ids;
}

void TestRapidProSync::inboundArrivesExactlyOnceAndThreads()
{
    // 1,000 messages from 40 people (person 1 is in the directory), over four pages of 250.
    QJsonArray inbound;
    for (int i = 0; i < 1000; ++i)
        inbound.append(QJsonObject{{QStringLiteral("urn"), i % 40 == 1 ? QStringLiteral("tel:0770100001") : urnOf(i % 40)},
                                   {QStringLiteral("text"), QStringLiteral("message %1").arg(i)},
                                   {QStringLiteral("name"), QStringLiteral("Person %1").arg(i % 40)}});
    QCOMPARE(m_rapidpro->inbound(inbound).size(), 1000);

    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 1000);
    QStringList requests = m_rapidpro->takeRequests();
    QCOMPARE(requests.count(QStringLiteral("GET /api/v2/messages.json 200")), 4);

    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message")).toInt(), 1000);
    QCOMPARE(value(db, QStringLiteral("SELECT count(DISTINCT text) FROM mhero.message")).toInt(), 1000);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.conversation")).toInt(), 40);
    // Every conversation holds exactly its person's 25 messages, counted by the trigger too.
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.conversation WHERE message_count = 25 "
                                      "AND unread_count = 25 AND status = 'open' AND assignee IS NULL")).toInt(), 40);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message m JOIN mhero.conversation c "
                                      "ON c.id = m.conversation_id JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                      "WHERE u.urn <> (CASE WHEN (substring(m.text from 9)::int % 40) = 1 "
                                      "THEN 'tel:+231770100001' ELSE 'tel:+2317701' || "
                                      "lpad((substring(m.text from 9)::int % 40)::text, 5, '0') END)")).toInt(), 0);
    // The local number of person 1 found the health worker of the directory.
    QCOMPARE(value(db, QStringLiteral("SELECT h.display_name FROM mhero.conversation c "
                                      "JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                      "JOIN mhero.health_worker h ON h.id = u.health_worker_id")).toString(),
             QStringLiteral("Mariama Konneh"));
    // The queue line shows the newest message.
    QCOMPARE(value(db, QStringLiteral("SELECT c.last_message_text FROM mhero.conversation c JOIN mhero.contact_urn u "
                                      "ON u.id = c.urn_id WHERE u.urn = ?"), {urnOf(0)}).toString(),
             QStringLiteral("message 960"));

    // A second poll adds nothing; a new message joins its thread.
    added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 0);
    m_rapidpro->inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), urnOf(2)}, {QStringLiteral("text"), QStringLiteral("again")}}});
    added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 1);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.conversation")).toInt(), 40);
    QCOMPARE(value(db, QStringLiteral("SELECT c.message_count FROM mhero.conversation c JOIN mhero.contact_urn u "
                                      "ON u.id = c.urn_id WHERE u.urn = ?"), {urnOf(2)}).toInt(), 26);

    // A resolved conversation stays history: the next message opens a new one.
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.resolve_conversation(c.id) FROM mhero.conversation c "
                                                    "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE u.urn = ?"),
                      {urnOf(2)}),
             QStringLiteral("ok"));
    QCOMPARE(value(db, QStringLiteral("SELECT action || ' ' || (before->>'status') || '→' || (after->>'status') "
                                      "FROM mhero.audit_log WHERE table_name = 'conversation' AND actor = ?"),
                   {m_agentUser.name}).toString(),
             QStringLiteral("resolve open→resolved"));
    m_rapidpro->inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), urnOf(2)}, {QStringLiteral("text"), QStringLiteral("new question")}}});
    added = await<int>([&](auto done) { engine().pollInbound(done); });
    QCOMPARE(added.valueOr(-1), 1);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.conversation")).toInt(), 41);
}

void TestRapidProSync::inboundWithAttachmentsAndUnknownContacts()
{
    m_rapidpro->inbound(QJsonArray{
        QJsonObject{{QStringLiteral("urn"), QStringLiteral("whatsapp:231770100001")},
                    {QStringLiteral("text"), QString()},
                    {QStringLiteral("attachments"),
                     QJsonArray{QJsonObject{{QStringLiteral("content_type"), QStringLiteral("image/jpeg")},
                                            {QStringLiteral("url"), QStringLiteral("https://media.example/rdt.jpg")}}}}},
        QJsonObject{{QStringLiteral("urn"), QStringLiteral("tel:+231555000111")}, {QStringLiteral("text"), QStringLiteral("who is this")}}});
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 2);
    QSqlDatabase& db = m_owner->db();
    // whatsapp:231… is the same person as tel:+231… in the directory (the directory made both URNs
    // for its people; here only tel: exists, so the WhatsApp address is an unknown contact).
    QCOMPARE(value(db, QStringLiteral("SELECT m.attachments->0->>'content_type' || ' ' || (m.attachments->0->>'url') "
                                      "FROM mhero.message m WHERE m.text = ''")).toString(),
             QStringLiteral("image/jpeg https://media.example/rdt.jpg"));
    QCOMPARE(value(db, QStringLiteral("SELECT last_message_text FROM mhero.conversation c JOIN mhero.contact_urn u "
                                      "ON u.id = c.urn_id WHERE u.scheme = 'whatsapp'")).toString(),
             QStringLiteral("📎 image/jpeg"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.contact_urn WHERE health_worker_id IS NULL")).toInt(), 2);
    // An agent links the unknown address to the health worker; the link is audited.
    QCOMPARE(sqlState(m_agent->db(),
                      QStringLiteral("SELECT mhero.link_contact(u.id, h.id) FROM mhero.contact_urn u, mhero.health_worker h "
                                     "WHERE u.urn = 'whatsapp:231770100001' AND h.resource_id = 'p1'")),
             QStringLiteral("ok"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'link_contact' AND actor = ?"),
                   {m_agentUser.name}).toInt(), 1);
    // Agents cannot store messages themselves, nor touch conversations without the functions.
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.ingest_inbound(1, '[]')")),
             QString(sql::state::InsufficientPrivilege));
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("UPDATE mhero.conversation SET assignee = current_user")),
             QString(sql::state::InsufficientPrivilege));
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("INSERT INTO mhero.outbox (message_id) SELECT id FROM mhero.message")),
             QString(sql::state::InsufficientPrivilege));
}

void TestRapidProSync::replyIsDeliveredExactlyOnce()
{
    const QList<qint64> ids = replies(QStringLiteral("Your salary was paid on the 25th."), 1);
    QCOMPARE(ids.size(), 1);
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
             QStringLiteral("queued"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.outbox")).toInt(), 1);
    // Replying claimed the conversation, and the claim is in the audit log under its name.
    QCOMPARE(value(db, QStringLiteral("SELECT assignee FROM mhero.conversation")).toString(), m_agentUser.name);
    QCOMPARE(value(db, QStringLiteral("SELECT string_agg(action || ' by ' || actor, ', ') FROM mhero.audit_log "
                                      "WHERE table_name = 'conversation'")).toString(),
             QStringLiteral("claim by %1").arg(m_agentUser.name));

    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    QCOMPARE(m_rapidpro->sent().size(), 1);
    QCOMPARE(m_rapidpro->sent()[0].toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("Your salary was paid on the 25th. 0"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.outbox")).toInt(), 0);
    const QString uuid = m_rapidpro->sent()[0].toObject().value(QStringLiteral("uuid")).toString();
    QCOMPARE(value(db, QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {ids[0]}).toString(), uuid);

    // Sending again finds nothing to send.
    report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 0);
    QCOMPARE(m_rapidpro->sent().size(), 1);

    // The emulator moves it on to delivered; the status poll brings that home.
    QTest::qWait(200);
    auto changed = await<int>([&](auto done) { engine().pollStatuses(done); });
    MHERO_VERIFY_OK(changed);
    QCOMPARE(value(db, QStringLiteral("SELECT status || ' ' || (delivered_at IS NOT NULL) || ' ' || (sent_at IS NOT NULL) "
                                      "FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
             QStringLiteral("delivered true true"));
}

void TestRapidProSync::failuresAndThrottlingStillDeliverEachOnce()
{
    constexpr int kReplies = 60;
    const QList<qint64> ids = replies(QStringLiteral("Reply"), kReplies);
    QCOMPARE(ids.size(), kReplies);
    policy(QStringLiteral("messaging.max_attempts"), QStringLiteral("100"));
    QVERIFY(m_rapidpro->setFaults(QJsonObject{{QStringLiteral("seed"), 7},
                                              {QStringLiteral("send_fail_rate"), 0.3},
                                              {QStringLiteral("accept_then_drop_rate"), 0.2},
                                              {QStringLiteral("get_fail_rate"), 0.1},
                                              {QStringLiteral("throttle"), QJsonObject{{QStringLiteral("limit"), 40},
                                                                                      {QStringLiteral("per_seconds"), 1}}}}));
    QSqlDatabase& db = m_owner->db();
    channels::SendReport total;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120'000) {
        const int waiting = value(db, QStringLiteral("SELECT count(*) FROM mhero.message "
                                                     "WHERE direction = 'out' AND external_id IS NULL")).toInt();
        if (waiting == 0)
            break;
        if (engine().throttled())
            QTest::qWait(int(std::min<qint64>(engine().throttledForMs() + 10, 2000)));
        auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
        MHERO_VERIFY_OK(report);
        total.sent += report->sent;
        total.adopted += report->adopted;
        total.retrying += report->retrying;
        total.throttled += report->throttled;
        QCOMPARE(report->failed, 0);
    }
    qInfo("sent %d, found after a lost answer %d, retried %d, throttled %d, in %lld ms", total.sent, total.adopted,
          total.retrying, total.throttled, timer.elapsed());
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'out' AND external_id IS NULL")).toInt(), 0);
    QVERIFY(total.retrying > 0); // the faults did happen
    QVERIFY(total.throttled > 0);
    QVERIFY(total.adopted > 0); // and some answers were lost after RapidPro had created the message
    // Each reply reached RapidPro exactly once.
    const QJsonArray sent = m_rapidpro->sent();
    QSet<QString> texts;
    for (const QJsonValue& v : sent)
        texts.insert(v.toObject().value(QStringLiteral("text")).toString());
    QCOMPARE(sent.size(), kReplies);
    QCOMPARE(texts.size(), kReplies);
    QCOMPARE(value(db, QStringLiteral("SELECT count(DISTINCT external_id) FROM mhero.message WHERE direction = 'out'")).toInt(),
             kReplies);
}

void TestRapidProSync::lostAnswerIsFoundNotResent()
{
    // The sender dies between RapidPro accepting a message and recording it: played here step by
    // step with the store and the client, exactly as the sender does them.
    const QList<qint64> ids = replies(QStringLiteral("Lost answer"), 1);
    QCOMPARE(ids.size(), 1);
    channels::OutboxStore store(m_service->db());
    auto claimed = store.claim(engine().source().id, QStringLiteral("doomed"), 10, 300);
    MHERO_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(store.markAttemptStarted(ids[0], QStringLiteral("doomed")).valueOr(false), true);
    QCOMPARE(postNow(claimed->first()).status, 201);
    QCOMPARE(m_rapidpro->sent().size(), 1);
    // … and the process is gone. While its claim lasts, nobody touches the row.
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    QCOMPARE(report.value().sent + report.value().adopted, 0);
    // Once the claim has expired, the next sender looks the message up and does not send it again.
    policy(QStringLiteral("messaging.claim_lease_seconds"), QStringLiteral("1"));
    QTest::qWait(1100);
    report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->adopted, 1);
    QCOMPARE(report->sent, 0);
    QCOMPARE(m_rapidpro->sent().size(), 1);
    QCOMPARE(value(m_owner->db(), QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
             m_rapidpro->sent()[0].toObject().value(QStringLiteral("uuid")).toString());
}

void TestRapidProSync::droppedConnectionIsNeverResentBehindOurBack()
{
    // RapidPro creates the message, then the connection dies before the answer. Qt's HTTP stack
    // would quietly send the POST again on a new connection (a second SMS); the client must
    // report an attempt of unknown outcome instead, having sent it once.
    const QList<qint64> ids = replies(QStringLiteral("Sent once"), 1);
    QCOMPARE(ids.size(), 1);
    channels::OutboxStore store(m_service->db());
    auto claimed = store.claim(engine().source().id, QStringLiteral("w"), 10, 300);
    MHERO_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    // A first exchange leaves a kept-alive connection, the case where Qt resends.
    QCOMPARE(postNow(claimed->first()).status, 201);
    QCOMPARE(m_rapidpro->sent().size(), 1);
    QVERIFY(m_rapidpro->setFaults(QJsonObject{{QStringLiteral("accept_then_drop_rate"), 1}}));
    const rapidpro::HttpOutcome dropped = postNow(claimed->first());
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.uncertain);
    QCOMPARE(m_rapidpro->sent().size(), 2); // created once by RapidPro, not twice or three times
}

void TestRapidProSync::optedOutPeopleAreNeverMessaged()
{
    const QList<qint64> ids = replies(QStringLiteral("Before the opt-out"), 2);
    QCOMPARE(ids.size(), 2);
    // Person 1000 sends STOP on RapidPro; the contacts poll brings the opt-out home.
    m_rapidpro->contact(QJsonObject{{QStringLiteral("urn"), urnOf(1000)}, {QStringLiteral("status"), QStringLiteral("stopped")}});
    auto changed = await<int>([&](auto done) { engine().pollContacts(done); });
    MHERO_VERIFY_OK(changed);
    QVERIFY(*changed >= 1);
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT status FROM mhero.contact_urn WHERE urn = ?"), {urnOf(1000)}).toString(),
             QStringLiteral("stopped"));
    // The reply queued before the opt-out is not sent; the thread says why.
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    QCOMPARE(report->failed, 1);
    QCOMPARE(m_rapidpro->sent().size(), 1);
    QVERIFY(value(db, QStringLiteral("SELECT status || ': ' || error FROM mhero.message WHERE id = ?"), {ids[0]})
                .toString()
                .startsWith(QStringLiteral("failed: Not sent: this person has opted out (stopped)")));
    // A new reply is refused by the database itself.
    auto refused = sql::exec(m_agent->db(),
                             QStringLiteral("SELECT mhero.reply(c.id, 'Hello again') FROM mhero.conversation c "
                                            "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE u.urn = ?"),
                             {urnOf(1000)});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("opted out")), qPrintable(refused.error().toString()));
}

void TestRapidProSync::permanentRefusalIsShownAndRetryable()
{
    const QList<qint64> ids = replies(QStringLiteral("x"), 1);
    QCOMPARE(ids.size(), 1);
    // RapidPro refuses texts over its limit (640 here): a 400 that no retry can fix.
    QCOMPARE(sqlState(m_owner->db(), QStringLiteral("UPDATE mhero.message SET text = repeat('a', 700) WHERE id = ?"), {ids[0]}),
             QStringLiteral("ok"));
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed, 1);
    QSqlDatabase& db = m_owner->db();
    const QString error = value(db, QStringLiteral("SELECT error FROM mhero.message WHERE id = ?"), {ids[0]}).toString();
    QVERIFY2(error.contains(QStringLiteral("HTTP 400")) && error.contains(QStringLiteral("text")), qPrintable(error));
    // Another agent may not retry someone else's conversation; the assignee may.
    auto other = TestCluster::instance().createUser(m_database, UserKind::Agent, QStringLiteral("other"));
    MHERO_VERIFY_OK(other);
    auto otherConnection = TestCluster::connectAs(*other);
    MHERO_VERIFY_OK(otherConnection);
    QCOMPARE(sqlState(otherConnection->db(), QStringLiteral("SELECT mhero.retry_message(?)"), {ids[0]}),
             QString(sql::state::InsufficientPrivilege));
    QCOMPARE(sqlState(m_owner->db(), QStringLiteral("UPDATE mhero.message SET text = 'short again' WHERE id = ?"), {ids[0]}),
             QStringLiteral("ok"));
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.retry_message(?)"), {ids[0]}), QStringLiteral("ok"));
    report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    QCOMPARE(value(db, QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {ids[0]}).toString(),
             QStringLiteral("queued"));
    QCOMPARE(m_rapidpro->sent().size(), 1);
}

void TestRapidProSync::conversationStartedFromTheDirectory()
{
    // The directory's "Message" button: RapidPro has never heard of this person.
    QSqlDatabase& agent = m_agent->db();
    auto started = sql::scalar(agent, QStringLiteral("SELECT mhero.start_conversation(id) FROM mhero.health_worker "
                                                     "WHERE resource_id = 'p1'"));
    MHERO_VERIFY_OK(started);
    const qint64 conversation = started->toLongLong();
    QCOMPARE(sql::scalar(agent, QStringLiteral("SELECT mhero.start_conversation(id) FROM mhero.health_worker "
                                               "WHERE resource_id = 'p1'")).valueOr(QVariant()).toLongLong(),
             conversation); // the same conversation, not a second one
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT assignee || ' ' || u.urn FROM mhero.conversation c "
                                      "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE c.id = ?"), {conversation}).toString(),
             m_agentUser.name + QStringLiteral(" tel:+231770100001"));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT mhero.reply(?, 'Hello Mariama, the training starts Monday.')"),
                      {conversation}),
             QStringLiteral("ok"));
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    const QJsonArray sent = m_rapidpro->sent();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent[0].toObject().value(QStringLiteral("via")).toString(), QStringLiteral("broadcasts"));
    QCOMPARE(sent[0].toObject().value(QStringLiteral("urn")).toString(), QStringLiteral("tel:+231770100001"));
    // The status poll finds the broadcast's message and follows it from there.
    QTest::qWait(200);
    auto changed = await<int>([&](auto done) { engine().pollStatuses(done); });
    MHERO_VERIFY_OK(changed);
    changed = await<int>([&](auto done) { engine().pollStatuses(done); });
    MHERO_VERIFY_OK(changed);
    QCOMPARE(value(db, QStringLiteral("SELECT external_id || ' ' || status FROM mhero.message WHERE direction = 'out'")).toString(),
             sent[0].toObject().value(QStringLiteral("uuid")).toString() + QStringLiteral(" delivered"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'start' AND actor = ?"),
                   {m_agentUser.name}).toInt(), 1);
}

void TestRapidProSync::conversationsRunOnTheChannelKindsOnly()
{
    // Which sources carry conversations is data (mhero.channel_kind), not a literal in SQL: a
    // registry source is refused, and a kind that gets its row is accepted as it is.
    QSqlDatabase& agent = m_agent->db();
    QSqlDatabase& db = m_owner->db();
    const QVariant registry = value(db, QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                       "VALUES ('registry', 'fhir', 'http://fhir.invalid/') RETURNING id"));
    const QVariant whatsapp = value(db, QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                       "VALUES ('wa', 'whatsapp', 'http://graph.invalid/') RETURNING id"));
    const QString start = QStringLiteral("SELECT mhero.start_conversation(id, ?) FROM mhero.health_worker "
                                         "WHERE resource_id = 'p1'");
    QCOMPARE(sqlState(agent, start, {registry}), QStringLiteral("22023")); // not a messaging channel
    const QString row = value(db, QStringLiteral("DELETE FROM mhero.channel_kind WHERE kind = 'whatsapp' "
                                                 "RETURNING to_jsonb(channel_kind)::text")).toString();
    QVERIFY(!row.isEmpty());
    QCOMPARE(sqlState(agent, start, {whatsapp}), QStringLiteral("22023")); // no row: not a channel
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("INSERT INTO mhero.channel_kind "
                                                 "SELECT * FROM jsonb_populate_record(NULL::mhero.channel_kind, ?::jsonb)"),
                              {row}));
    QCOMPARE(sqlState(agent, start, {whatsapp}), QStringLiteral("ok"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.conversation WHERE channel_source_id = ?"), {whatsapp})
                 .toInt(),
             1);
    // Nobody but the owner changes the kinds.
    QCOMPARE(sqlState(agent, QStringLiteral("DELETE FROM mhero.channel_kind")), QStringLiteral("42501"));
}

void TestRapidProSync::adapterDeclaresWhatTheDatabaseSays()
{
    // The composer reads mhero.channel_kind; the sender obeys the adapter: they must agree.
    const channels::ChannelCapabilities declared = engine().capabilities();
    QSqlDatabase& db = m_owner->db();
    auto query = sql::exec(db, QStringLiteral("SELECT reply_window_seconds, media_types, max_text_length, templates "
                                              "FROM mhero.channel_kind WHERE kind = 'rapidpro'"));
    MHERO_VERIFY_OK(query);
    QVERIFY(query->next());
    QCOMPARE(query->value(0).isNull(), !declared.replyWindowSeconds.has_value());
    QCOMPARE(query->value(2).toInt(), declared.maxTextLength);
    QCOMPARE(query->value(3).toBool(), declared.templates);
    QString types = query->value(1).toString(); // {image/jpeg,…}
    types.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    QStringList stored = types.isEmpty() ? QStringList() : types.split(QLatin1Char(','));
    QStringList kinds = declared.mediaKinds;
    stored.sort();
    kinds.sort();
    QCOMPARE(kinds, stored);
}

void TestRapidProSync::killedSenderLosesAndDuplicatesNothing()
{
    // A real sender process (mhero-admin sync --once) is killed while it sends 150 replies
    // slowly; a second run finishes the job. Nothing may be lost; nothing may arrive twice.
    constexpr int kReplies = 150;
    const QList<qint64> ids = replies(QStringLiteral("Kill test"), kReplies);
    QCOMPARE(ids.size(), kReplies);
    QVERIFY(m_rapidpro->setFaults(QJsonObject{{QStringLiteral("delay_ms"), 15}}));
    policy(QStringLiteral("messaging.claim_lease_seconds"), QStringLiteral("2"));
    m_engine.reset();

    const auto run = [&](int killAfterMs) {
        QProcess sender;
        sender.setProgram(QStringLiteral(MHERO_ADMIN_PATH));
        sender.setArguments({QStringLiteral("--db"), m_serviceUser.settings.toConnInfo(true), QStringLiteral("sync"),
                             QStringLiteral("--once"), QStringLiteral("rapidpro"), QStringLiteral("--engine-key"),
                             m_keyPath});
        sender.start();
        if (!sender.waitForStarted(10'000))
            return -1;
        if (killAfterMs > 0) {
            QTest::qWait(killAfterMs);
            sender.kill(); // SIGKILL: no cleanup, no last words
            sender.waitForFinished(10'000);
            return -2;
        }
        sender.waitForFinished(120'000);
        return sender.exitCode();
    };
    QCOMPARE(run(1200), -2);
    QSqlDatabase& db = m_owner->db();
    const int afterKill = value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'out' "
                                                   "AND external_id IS NOT NULL")).toInt();
    qInfo("the killed sender had recorded %d of %d replies; RapidPro had %lld", afterKill, kReplies,
          qint64(m_rapidpro->sent().size()));
    QVERIFY(afterKill > 0 && afterKill < kReplies); // it was killed mid-run
    QTest::qWait(2100); // its claims expire
    QCOMPARE(run(0), 0);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'out' AND external_id IS NULL")).toInt(), 0);
    const QJsonArray sent = m_rapidpro->sent();
    QSet<QString> texts;
    for (const QJsonValue& v : sent)
        texts.insert(v.toObject().value(QStringLiteral("text")).toString());
    QCOMPARE(texts.size(), kReplies);
    QCOMPARE(sent.size(), kReplies);
}

void TestRapidProSync::syncOnceRunsEveryJobUnderTheEnginesLock()
{
    // mhero-admin sync --once runs the channel's jobs through the channel seam, each once, and
    // says what each did; a source whose lock a running engine holds is left to the engine.
    const QList<qint64> ids = replies(QStringLiteral("By hand"), 1);
    QCOMPARE(ids.size(), 1);
    m_engine.reset();
    const QJsonObject uploaded = m_rapidpro->uploadMedia(QByteArrayLiteral("%PDF-1.4 a referral letter"),
                                                         QStringLiteral("application/pdf"), QStringLiteral("letter.pdf"));
    m_rapidpro->inbound(QJsonArray{QJsonObject{
        {QStringLiteral("urn"), urnOf(7)},
        {QStringLiteral("text"), QStringLiteral("hello")},
        {QStringLiteral("attachments"),
         QJsonArray{QJsonObject{{QStringLiteral("content_type"), QStringLiteral("application/pdf")},
                                {QStringLiteral("url"), uploaded.value(QLatin1String("url")).toString()}}}}}});
    const auto run = [&] {
        QProcess admin;
        admin.setProgram(QStringLiteral(MHERO_ADMIN_PATH));
        admin.setArguments({QStringLiteral("--db"), m_serviceUser.settings.toConnInfo(true), QStringLiteral("sync"),
                            QStringLiteral("--once"), QStringLiteral("rapidpro"), QStringLiteral("--engine-key"),
                            m_keyPath});
        admin.start();
        admin.waitForFinished(60'000);
        return std::make_pair(admin.exitCode(),
                              QString::fromUtf8(admin.readAllStandardOutput() + admin.readAllStandardError()));
    };

    // A running engine's lock (the key engine/ChannelSyncService.cpp takes): nothing is done.
    QSqlDatabase& db = m_owner->db();
    MHERO_VERIFY_OK(
        sql::exec(db,
                  QStringLiteral("SELECT pg_advisory_lock(hashtextextended('mhero.sync.channel.' || id, 0)) "
                                 "FROM mhero.source WHERE name = 'rapidpro'")));
    auto [code, out] = run();
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("\"rapidpro\" is served by a running sync engine (mhero-server); skipped.")),
             qPrintable(out));
    QCOMPARE(m_rapidpro->sent().size(), 0);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE text = 'hello'")).toInt(), 0);
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("SELECT pg_advisory_unlock_all()")));

    // Free: every job once, in the order of the source's polls, the outbox and the media after the
    // inbound poll.
    std::tie(code, out) = run();
    QVERIFY2(code == 0, qPrintable(out));
    const qsizetype inbound = out.indexOf(QLatin1String("  new inbound messages: 1\n"));
    const qsizetype outbox
        = out.indexOf(QLatin1String("  outbox: 1 sent, 0 found already sent, 0 to retry, 0 failed, 0 throttled\n"));
    const qsizetype media = out.indexOf(QLatin1String("  media: 1 stored, 0 too large, 0 to retry, 0 failed\n"));
    const qsizetype statuses = out.indexOf(QLatin1String("  delivery statuses changed: "));
    const qsizetype contacts = out.indexOf(QLatin1String("  contacts changed: "));
    QVERIFY2(inbound >= 0 && outbox > inbound && media > outbox && statuses > media && contacts > statuses,
             qPrintable(out));
    QCOMPARE(m_rapidpro->sent().size(), 1);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE text = 'hello'")).toInt(), 1);
    QCOMPARE(value(db, QStringLiteral("SELECT state FROM mhero.media")).toString(), QStringLiteral("stored"));
    // The lock is given back: the engine can take the source over at once.
    QVERIFY(value(db,
                  QStringLiteral("SELECT pg_try_advisory_lock(hashtextextended('mhero.sync.channel.' || id, 0)) "
                                 "FROM mhero.source WHERE name = 'rapidpro'"))
                .toBool());
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("SELECT pg_advisory_unlock_all()")));
}

void TestRapidProSync::brokenMessagesNeverBlockAPage()
{
    // A sticker and an unsupported media type arrive with no text and no attachment; a broken
    // channel sends NUL and a lone surrogate. Each used to fail a check on every poll, so nothing
    // of the page, nor anything newer, was ever stored.
    const QString nul = QStringLiteral("before") + QChar(u'\0') + QStringLiteral("after");
    const QString surrogate = QStringLiteral("half ") + QChar(char16_t(0xD83D)) + QStringLiteral(" an emoji");
    QCOMPARE(m_rapidpro->inbound(QJsonArray{
                 QJsonObject{{QStringLiteral("urn"), urnOf(1)}, {QStringLiteral("text"), QStringLiteral("first")}},
                 QJsonObject{{QStringLiteral("urn"), urnOf(1)}, {QStringLiteral("text"), QString()},
                             {QStringLiteral("type"), QStringLiteral("sticker")}},
                 QJsonObject{{QStringLiteral("urn"), urnOf(2)}, {QStringLiteral("text"), QString()}},
                 QJsonObject{{QStringLiteral("urn"), urnOf(3)}, {QStringLiteral("text"), nul}},
                 QJsonObject{{QStringLiteral("urn"), urnOf(4)}, {QStringLiteral("text"), surrogate}},
                 QJsonObject{{QStringLiteral("urn"), urnOf(5)}, {QStringLiteral("text"), QStringLiteral("last")}}})
                 .size(),
             6);
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 6);
    QSqlDatabase& db = m_owner->db();
    const QString watermark
        = value(db, QStringLiteral("SELECT cursor FROM mhero.sync_state WHERE job = 'messages_in'")).toString();
    QVERIFY(rapidpro::parseTimestamp(watermark).secsTo(QDateTime::currentDateTimeUtc()) < 60);
    QCOMPARE(value(db, QStringLiteral("SELECT coalesce(last_error, '') FROM mhero.sync_state WHERE job = 'messages_in'"))
                 .toString(),
             QString());
    // Stored as what they are: unsupported, with their type; the text cleaned, nothing else lost.
    QCOMPARE(value(db, QStringLiteral("SELECT string_agg(unsupported_type, ',' ORDER BY unsupported_type) "
                                      "FROM mhero.message WHERE text = ''")).toString(),
             QStringLiteral("sticker,text"));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message WHERE text IN ('first', 'last')")).toInt(), 2);
    QCOMPARE(value(db, QStringLiteral("SELECT text FROM mhero.message WHERE text LIKE 'before%'")).toString(),
             QStringLiteral("beforeafter"));
    QCOMPARE(value(db, QStringLiteral("SELECT text FROM mhero.message WHERE text LIKE 'half%'")).toString(),
             QStringLiteral("half ") + QChar(QChar::ReplacementCharacter) + QStringLiteral(" an emoji"));
    QCOMPARE(value(db, QStringLiteral("SELECT c.last_message_text FROM mhero.conversation c JOIN mhero.contact_urn u "
                                      "ON u.id = c.urn_id WHERE u.urn = ?"), {urnOf(2)}).toString(),
             QStringLiteral("⚠ text"));
    // The next poll goes on past them: a new message arrives.
    m_rapidpro->inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), urnOf(6)}, {QStringLiteral("text"), QStringLiteral("newer")}}});
    added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 1);
}

void TestRapidProSync::unusableEntriesAreQuarantined()
{
    // Addresses the directory cannot hold go to the quarantine, with why; the rest is stored.
    const auto message = [](const QString& uuid, const QString& urn, const QString& text) {
        rapidpro::Message m;
        m.uuid = uuid;
        m.urn = urn;
        m.direction = QStringLiteral("in");
        m.type = QStringLiteral("text");
        m.text = text;
        m.createdOn = QDateTime::currentDateTimeUtc();
        return m;
    };
    auto sources = rapidpro::loadRapidProSources(m_service->db());
    MHERO_VERIFY_OK(sources);
    channels::ChannelStore store(m_service->db());
    QStringList problems;
    auto added = store.ingestInbound(sources->first().id,
                                     rapidpro::RapidProAdapter::toInbound(
                                         {message(QStringLiteral("m-1"), QStringLiteral("nonsense"), QStringLiteral("a")),
                                          message(QStringLiteral("m-2"), QStringLiteral("skype:someone"), QStringLiteral("b")),
                                          message(QStringLiteral("m-3"), urnOf(7), QStringLiteral("c"))},
                                         QStringLiteral("LR")),
                                     &problems);
    MHERO_VERIFY_OK(added);
    QCOMPARE(*added, 1);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("nonsense")), qPrintable(problems.first()));
    QSqlDatabase& db = m_owner->db();
    QCOMPARE(value(db, QStringLiteral("SELECT string_agg(external_id || ': ' || reason, ' | ' ORDER BY external_id) "
                                      "FROM mhero.inbound_quarantine")).toString(),
             QStringLiteral("m-1: unusable address \"nonsense\" | "
                            "m-2: the address \"skype:someone\" is not one mHero can store"));
    // Seen again: still one row each. A supervisor may read them; an agent may not.
    MHERO_VERIFY_OK(store.ingestInbound(
        sources->first().id,
        rapidpro::RapidProAdapter::toInbound(
            {message(QStringLiteral("m-2"), QStringLiteral("skype:someone"), QStringLiteral("b"))}, QStringLiteral("LR")),
        nullptr));
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.inbound_quarantine")).toInt(), 2);
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT * FROM mhero.inbound_quarantine")),
             QString(sql::state::InsufficientPrivilege));
}

void TestRapidProSync::nextLinkBackToAReadPageEndsThePoll()
{
    m_rapidpro->inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), urnOf(1)}, {QStringLiteral("text"), QStringLiteral("hi")}}});
    QVERIFY(m_rapidpro->setFaults(QJsonObject{{QStringLiteral("loop_next"), QJsonArray{QStringLiteral("messages")}}}));
    (void)m_rapidpro->takeRequests();
    QElapsedTimer timer;
    timer.start();
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    QVERIFY(!added);
    QCOMPARE(added.error().code, QStringLiteral("rapidpro-next-loop"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    // Detected at the first repeated link: the page was read once, never again.
    QCOMPARE(m_rapidpro->takeRequests().count(QStringLiteral("GET /api/v2/messages.json 200")), 1);
    QSqlDatabase& db = m_owner->db();
    QVERIFY(value(db, QStringLiteral("SELECT last_error FROM mhero.sync_state WHERE job = 'messages_in'"))
                .toString()
                .contains(QLatin1String("next link back to a page already read")));
    QCOMPARE(value(db, QStringLiteral("SELECT coalesce(cursor, '') FROM mhero.sync_state WHERE job = 'messages_in'"))
                 .toString(),
             QString()); // the watermark waits for a complete walk
    // The server mended: the next poll completes and stores nothing twice.
    QVERIFY(m_rapidpro->setFaults(QJsonObject{}));
    added = await<int>([&](auto done) { engine().pollInbound(done); });
    MHERO_VERIFY_OK(added);
    QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM mhero.message")).toInt(), 1);
}

void TestRapidProSync::pagesPerPollAreCapped()
{
    // Three pages of 250 waiting, and a source allowed two per run.
    QCOMPARE(sqlState(m_owner->db(), QStringLiteral("UPDATE mhero.source SET config = config || "
                                                    "'{\"max_pages_per_run\": 2}' WHERE kind = 'rapidpro'")),
             QStringLiteral("ok"));
    QJsonArray inbound;
    for (int i = 0; i < 600; ++i)
        inbound.append(QJsonObject{{QStringLiteral("urn"), urnOf(i % 10)}, {QStringLiteral("text"), QStringLiteral("m %1").arg(i)}});
    m_rapidpro->inbound(inbound);
    (void)m_rapidpro->takeRequests();
    QCOMPARE(engine().source().maxPages, 2);
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    QVERIFY(!added);
    QCOMPARE(added.error().code, QStringLiteral("rapidpro-too-many-pages"));
    QCOMPARE(m_rapidpro->takeRequests().count(QStringLiteral("GET /api/v2/messages.json 200")), 2);
}

QTEST_GUILESS_MAIN(TestRapidProSync)
#include "tst_rapidprosync.moc"
