// mhero-server's webhook door for WhatsApp and Messenger, over real HTTP against a real database:
// the subscription handshake, signed deliveries stored before the answer and processed after,
// forged or oversized ones refused with nothing stored, Meta's duplicate deliveries kept once,
// statuses that arrive out of order, Messenger read watermarks, and events a crash left behind.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/meta/MetaIntake.h"
#include "channels/meta/MetaSource.h"
#include "channels/meta/MetaWebhook.h"
#include "db/Sql.h"
#include "engine/WebhookServer.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

namespace {
const QByteArray kAppSecret = "wa-app-secret";
const QByteArray kVerifyToken = "wa-verify-token";
const QByteArray kPageSecret = "page-app-secret";

struct Reply
{
    int status = 0;
    QByteArray body;
};
} // namespace

class TestWebhookServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void handshakeAnswersOnlyTheRightToken();
    void signedDeliveryIsStoredThenProcessed();
    void forgedDeliveriesStoreNothing();
    void oversizedOrChunkedBodiesAreRefusedUnread();
    void duplicateDeliveriesAreKeptOnce();
    void statusesArriveOutOfOrder();
    void messengerThreadWithReceipts();
    void eventsLeftByACrashAreProcessedAtStart();
    void unreadableEventIsGivenUpWithItsReason();
    void killedServerLosesNoAcknowledgedDelivery();
    void outsideTheWindowOnlyAnApprovedWhatsAppTemplateGoes();
    void eachNumberAndPageGoesToItsOwnSource();

private:
    Reply request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                  const QByteArray& signature = {});
    Reply post(const QString& path, const QByteArray& body, const QByteArray& secret)
    {
        return request("POST", path, body, meta::signature(secret, body));
    }
    int count(const QString& statement)
    {
        return sql::scalar(m_owner->db(), statement).valueOr(QVariant(-1)).toInt();
    }
    void startServer();

    QString m_database;
    std::optional<ScopedConnection> m_owner;
    QTemporaryDir m_keyDir;
    QString m_keyPath;
    TestUser m_service;
    std::unique_ptr<engine::WebhookServer> m_server;
    quint16 m_port = 0;
    QNetworkAccessManager m_http;
};

void TestWebhookServer::initTestCase()
{
    m_keyPath = m_keyDir.filePath(QStringLiteral("engine.key"));
}

void TestWebhookServer::init()
{
    m_database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(m_database);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    QFile::remove(m_keyPath);
    MHERO_VERIFY_OK(TestCluster::instance().installEngineKey(m_database, m_keyPath));
    meta::MetaSource whatsapp;
    whatsapp.name = QStringLiteral("moh-whatsapp");
    whatsapp.platform = meta::MetaSource::Platform::WhatsApp;
    whatsapp.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v21.0/"));
    whatsapp.phoneNumberId = QStringLiteral("106540352242922");
    whatsapp.businessAccountId = QStringLiteral("102290129340398");
    whatsapp.region = QStringLiteral("LR");
    whatsapp.accessToken = QStringLiteral("wa-access-token");
    whatsapp.appSecret = QString::fromLatin1(kAppSecret);
    whatsapp.verifyToken = QString::fromLatin1(kVerifyToken);
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), whatsapp));
    meta::MetaSource page = whatsapp;
    page.name = QStringLiteral("moh-page");
    page.platform = meta::MetaSource::Platform::Messenger;
    page.pageId = QStringLiteral("555000111");
    page.appSecret = QString::fromLatin1(kPageSecret);
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), page));
    auto service = TestCluster::instance().createUser(m_database, UserKind::Service, QStringLiteral("engine"));
    MHERO_VERIFY_OK(service);
    m_service = *service;
    startServer();
}

void TestWebhookServer::startServer()
{
    m_server = std::make_unique<engine::WebhookServer>(m_service.settings,
                                                       std::make_shared<secrets::EngineKeyring>(m_keyPath, false));
    auto port = m_server->start(QHostAddress::LocalHost, 0);
    MHERO_VERIFY_OK(port);
    m_port = *port;
}

void TestWebhookServer::cleanup()
{
    m_server.reset();
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_database);
}

Reply TestWebhookServer::request(const QByteArray& method, const QString& path, const QByteArray& body,
                                 const QByteArray& signature)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!signature.isEmpty())
        request.setRawHeader("X-Hub-Signature-256", signature);
    QNetworkReply* reply = m_http.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10'000))
        qWarning("no answer to %s %s", method.constData(), qPrintable(path));
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

namespace {
QByteArray whatsAppText(const QByteArray& id, const QByteArray& text, const QByteArray& from = "231770100001")
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
      "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
      "contacts":[{"profile":{"name":"Mariama Kollie"},"wa_id":")" + from + R"("}],
      "messages":[{"from":")" + from + R"(","id":")" + id + R"(","timestamp":"1765000000","type":"text","text":{"body":")" + text
        + R"("}}]},"field":"messages"}]}]})";
}

QByteArray whatsAppStatus(const QByteArray& id, const QByteArray& status, const QByteArray& timestamp)
{
    return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
      "messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
      "statuses":[{"id":")" + id + R"(","status":")" + status + R"(","timestamp":")" + timestamp
        + R"(","recipient_id":"231770100001"}]},"field":"messages"}]}]})";
}
} // namespace

void TestWebhookServer::handshakeAnswersOnlyTheRightToken()
{
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp?hub.mode=subscribe&hub.verify_token=%1&hub.challenge=1158201444");
    Reply ok = request("GET", path.arg(QString::fromLatin1(kVerifyToken)));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body, QByteArray("1158201444"));
    QCOMPARE(request("GET", path.arg(QStringLiteral("guess"))).status, 403);
    QCOMPARE(request("GET", QStringLiteral("/webhooks/whatsapp/nobody?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).status,
             404);
    QCOMPARE(request("GET", QStringLiteral("/other")).status, 404);
    // One source's token does not open another's door.
    QCOMPARE(request("GET", QStringLiteral("/webhooks/messenger/moh-whatsapp?hub.mode=subscribe&hub.verify_token=%1&hub.challenge=1")
                                .arg(QString::fromLatin1(kVerifyToken)))
                 .status,
             404);
}

void TestWebhookServer::signedDeliveryIsStoredThenProcessed()
{
    QSignalSpy processed(m_server.get(), &engine::WebhookServer::processed);
    const Reply reply = post(QStringLiteral("/webhooks/whatsapp/moh-whatsapp"),
                             whatsAppText("wamid.in1", "my salary did not come"), kAppSecret);
    QCOMPARE(reply.status, 200);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!processed.isEmpty(), 5000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NOT NULL AND error IS NULL")), 1);
    QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT u.urn || ' ' || m.text FROM mhero.message m "
                                                         "JOIN mhero.conversation c ON c.id = m.conversation_id "
                                                         "JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                                         "JOIN mhero.source s ON s.id = c.channel_source_id "
                                                         "WHERE s.name = 'moh-whatsapp' AND m.external_id = 'wamid.in1'"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("whatsapp:231770100001 my salary did not come"));
}

void TestWebhookServer::forgedDeliveriesStoreNothing()
{
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp");
    const QByteArray body = whatsAppText("wamid.forged", "send me the payroll file");
    QCOMPARE(request("POST", path, body).status, 401); // no signature
    QCOMPARE(request("POST", path, body, "sha256=" + QByteArray(64, '0')).status, 401);
    QCOMPARE(post(path, body, "not-the-app-secret").status, 401);
    // A genuine signature replayed with another body.
    const QByteArray genuine = meta::signature(kAppSecret, whatsAppText("wamid.ok", "hello"));
    QCOMPARE(request("POST", path, body, genuine).status, 401);
    // The other source's secret does not sign for this one.
    QCOMPARE(post(path, body, kPageSecret).status, 401);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.message")), 0);
    // Raw bodies are the engine's: an agent reads none, nor can plant one.
    auto agentUser = TestCluster::instance().createUser(m_database, UserKind::Agent, QStringLiteral("agent"));
    MHERO_VERIFY_OK(agentUser);
    auto agent = TestCluster::connectAs(*agentUser);
    MHERO_VERIFY_OK(agent);
    QCOMPARE(sqlState(agent->db(), QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), QStringLiteral("42501"));
    QCOMPARE(sqlState(agent->db(), QStringLiteral("INSERT INTO mhero.webhook_event (source_id, body) "
                                                  "SELECT id, '\\x7b7d' FROM mhero.source LIMIT 1")),
             QStringLiteral("42501"));
}

void TestWebhookServer::oversizedOrChunkedBodiesAreRefusedUnread()
{
    // A raw socket: the client says what it will send, and is refused before sending it.
    const auto raw = [this](const QByteArray& head, const QByteArray& bodyStart) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(5000))
            return QByteArray("no connection");
        socket.write(head + bodyStart);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (!answer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
            QCoreApplication::processEvents();
            if (socket.waitForReadyRead(50))
                answer += socket.readAll();
        }
        return answer;
    };
    const QByteArray big = raw("POST /webhooks/whatsapp/moh-whatsapp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "Content-Length: 50000000\r\nX-Hub-Signature-256: sha256=00\r\n\r\n",
                               QByteArray(1000, '{'));
    QVERIFY2(big.startsWith("HTTP/1.1 413"), big.constData());
    const QByteArray chunked = raw("POST /webhooks/whatsapp/moh-whatsapp HTTP/1.1\r\nHost: x\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n",
                                   "5\r\nhello\r\n");
    QVERIFY2(chunked.startsWith("HTTP/1.1 411"), chunked.constData());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), 0);
    // The server still serves.
    QCOMPARE(post(QStringLiteral("/webhooks/whatsapp/moh-whatsapp"), whatsAppText("wamid.after", "ok"), kAppSecret).status, 200);
}

void TestWebhookServer::duplicateDeliveriesAreKeptOnce()
{
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp");
    const QByteArray body = whatsAppText("wamid.dup", "is the training tomorrow?");
    QCOMPARE(post(path, body, kAppSecret).status, 200);
    QCOMPARE(post(path, body, kAppSecret).status, 200); // Meta's retry: answered, kept once
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), 1);
    // The same message in another envelope (Meta batches differently on a retry): one message.
    QByteArray other = body;
    other.replace("\"field\":\"messages\"", "\"field\": \"messages\"");
    QCOMPARE(post(path, other, kAppSecret).status, 200);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), 2);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NULL")), 0, 5000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE external_id = 'wamid.dup'")), 1);
}

void TestWebhookServer::statusesArriveOutOfOrder()
{
    // A reply mHero sent through this number (as the outbox sender records it).
    QCOMPARE(post(QStringLiteral("/webhooks/whatsapp/moh-whatsapp"), whatsAppText("wamid.in2", "hello"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message")), 1, 5000);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                             "external_id, status) SELECT conversation_id, 'out', 'Yes, at 9.', source_id, "
                                             "'wamid.out1', 'sent' FROM mhero.message WHERE external_id = 'wamid.in2'")));
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp");
    QCOMPARE(post(path, whatsAppStatus("wamid.out1", "read", "1765000300"), kAppSecret).status, 200);
    QCOMPARE(post(path, whatsAppStatus("wamid.out1", "delivered", "1765000200"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NULL")), 0, 5000);
    // Read never goes back to delivered.
    QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT status || ' ' || (read_at IS NOT NULL) FROM mhero.message "
                                                         "WHERE external_id = 'wamid.out1'"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("read true"));
}

void TestWebhookServer::messengerThreadWithReceipts()
{
    const QString path = QStringLiteral("/webhooks/messenger/moh-page");
    const QByteArray in = R"({"object":"page","entry":[{"id":"555000111","time":1765000000000,"messaging":[
      {"sender":{"id":"6783451200"},"recipient":{"id":"555000111"},"timestamp":1765000000123,"message":{"mid":"m_in1","text":"Good morning, I need my certificate"}}]}]})";
    QCOMPARE(post(path, in, kPageSecret).status, 200);
    QCOMPARE(post(path, in, kAppSecret).status, 401); // WhatsApp's secret does not sign for the Page
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message m JOIN mhero.conversation c "
                                                   "ON c.id = m.conversation_id JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                                   "WHERE u.urn = 'facebook:6783451200'")),
                              1, 5000);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                             "external_id, status, sent_at) SELECT conversation_id, 'out', 'We will send it.', "
                                             "source_id, 'm_out1', 'sent', to_timestamp(1765000100) FROM mhero.message "
                                             "WHERE external_id = 'm_in1'")));
    const QByteArray receipts = R"({"object":"page","entry":[{"id":"555000111","time":1765000400000,"messaging":[
      {"sender":{"id":"6783451200"},"recipient":{"id":"555000111"},"timestamp":1765000200000,"delivery":{"mids":["m_out1"],"watermark":1765000150000}},
      {"sender":{"id":"6783451200"},"recipient":{"id":"555000111"},"timestamp":1765000300000,"read":{"watermark":1765000250000}}]}]})";
    QCOMPARE(post(path, receipts, kPageSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(sql::scalar(m_owner->db(), QStringLiteral("SELECT status FROM mhero.message WHERE external_id = 'm_out1'"))
                                  .valueOr(QVariant())
                                  .toString(),
                              QStringLiteral("read"), 5000);
}

void TestWebhookServer::eventsLeftByACrashAreProcessedAtStart()
{
    // Stored and answered, then the process died before processing it.
    m_server.reset();
    auto service = TestCluster::connectAs(m_service);
    MHERO_VERIFY_OK(service);
    const int sourceId = count(QStringLiteral("SELECT id FROM mhero.source WHERE name = 'moh-whatsapp'"));
    meta::MetaIntake intake(service->db());
    auto stored = intake.store(sourceId, whatsAppText("wamid.crash", "are you there?"));
    MHERO_VERIFY_OK(stored);
    QVERIFY(*stored);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.message")), 0);
    startServer(); // a new mhero-server
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE external_id = 'wamid.crash'")), 1, 5000);
}

void TestWebhookServer::unreadableEventIsGivenUpWithItsReason()
{
    // Signed by Meta but not something mHero can read: answered (Meta would retry a refusal for
    // days), kept with its reason for the administrator, never retried in a loop.
    const QByteArray body = R"({"object":"whatsapp_business_account","entry":"not a list"})";
    QCOMPARE(post(QStringLiteral("/webhooks/whatsapp/moh-whatsapp"), body, kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NOT NULL "
                                                   "AND error LIKE '%entries%' AND attempts = 1")),
                              1, 5000);
}

void TestWebhookServer::killedServerLosesNoAcknowledgedDelivery()
{
    // mhero-server as IT runs it, killed (SIGKILL) right after it acknowledged a burst of
    // deliveries: every delivery Meta got a 200 for becomes its message, once, when a new
    // mhero-server starts.
    m_server.reset();
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const auto startProcess = [&](QProcess& server) {
        server.setProgram(QStringLiteral(MHERO_SERVER_PATH));
        server.setArguments({QStringLiteral("--db"), m_service.settings.toConnInfo(true), QStringLiteral("--engine-key"),
                             m_keyPath, QStringLiteral("--webhook-listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start();
        QVERIFY(server.waitForStarted(10'000));
    };
    QProcess first;
    startProcess(first);
    if (QTest::currentTestFailed())
        return;
    m_port = port;
    // Wait for the door to open.
    QTRY_VERIFY_WITH_TIMEOUT(request("GET", QStringLiteral("/webhooks/whatsapp/moh-whatsapp?hub.mode=subscribe&"
                                                           "hub.verify_token=%1&hub.challenge=7")
                                                .arg(QString::fromLatin1(kVerifyToken)))
                                     .status
                                 == 200,
                             15'000);
    constexpr int kDeliveries = 40;
    int acknowledged = 0;
    for (int i = 0; i < kDeliveries; ++i)
        if (post(QStringLiteral("/webhooks/whatsapp/moh-whatsapp"),
                 whatsAppText("wamid.burst" + QByteArray::number(i), "message " + QByteArray::number(i)), kAppSecret)
                .status
            == 200)
            ++acknowledged;
    first.kill();
    QVERIFY(first.waitForFinished(10'000));
    QCOMPARE(acknowledged, kDeliveries);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event")), kDeliveries);
    const int before = count(QStringLiteral("SELECT count(*) FROM mhero.message"));
    qInfo("at the kill: %d of %d acknowledged deliveries already processed", before, kDeliveries);

    QProcess second;
    startProcess(second);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE external_id LIKE 'wamid.burst%'")),
                              kDeliveries, 20'000);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT external_id) FROM mhero.message")), kDeliveries);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NULL OR error IS NOT NULL")), 0);
    second.terminate();
    QVERIFY(second.waitForFinished(10'000));
}

void TestWebhookServer::outsideTheWindowOnlyAnApprovedWhatsAppTemplateGoes()
{
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp");
    // The person wrote long ago (the payload's time): WhatsApp's 24-hour window is closed.
    QCOMPARE(post(path, whatsAppText("wamid.old", "hello"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.conversation")), 1, 5000);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.setting SET value = '\"free_text\"' "
                                                            "WHERE key = 'messaging.free_text_policy'")));
    auto& cluster = TestCluster::instance();
    auto agentUser = cluster.createUser(m_database, UserKind::Agent, QStringLiteral("agent"));
    auto writerUser = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("writer"));
    auto approverUser = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("approver"));
    MHERO_VERIFY_OK(agentUser);
    MHERO_VERIFY_OK(writerUser);
    MHERO_VERIFY_OK(approverUser);
    auto agent = TestCluster::connectAs(*agentUser);
    auto writer = TestCluster::connectAs(*writerUser);
    auto approver = TestCluster::connectAs(*approverUser);
    MHERO_VERIFY_OK(agent);
    MHERO_VERIFY_OK(writer);
    MHERO_VERIFY_OK(approver);
    const QString freeText = QStringLiteral("SELECT mhero.reply(id, 'Please call the hotline.') FROM mhero.conversation");
    QCOMPARE(sqlState(agent->db(), freeText), QStringLiteral("55000")); // refused before anything leaves

    // An approved mHero template mapped to the WhatsApp template lassa_alert (en).
    auto created = sql::scalar(writer->db(), QStringLiteral("SELECT mhero.create_template('Lassa alert', 'outbreak', '{}')"));
    MHERO_VERIFY_OK(created);
    auto version = sql::scalar(writer->db(),
                               QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, '{}', 'lassa_alert', 'en', '{}')"),
                               {created->toLongLong(), QStringLiteral(R"({"en": "Lassa fever alert: wash your hands often."})")});
    MHERO_VERIFY_OK(version);
    QCOMPARE(sqlState(writer->db(), QStringLiteral("SELECT mhero.submit_version(?)"), {*version}), QStringLiteral("ok"));
    QCOMPARE(sqlState(approver->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {*version}), QStringLiteral("ok"));
    const QString templated = QStringLiteral("SELECT mhero.reply(id, 'Lassa fever alert: wash your hands often.', ?) "
                                             "FROM mhero.conversation");
    // Not (yet) approved by WhatsApp for this number: refused.
    QCOMPARE(sqlState(agent->db(), templated, {*version}), QStringLiteral("55000"));
    const auto templateEvent = [](const char* event) -> QByteArray {
        return QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1765000000,"changes":[{"value":{
          "event":")") + event + R"(","message_template_id":123,"message_template_name":"lassa_alert",
          "message_template_language":"en","reason":"NONE","message_template_category":"UTILITY"},
          "field":"message_template_status_update"}]}]})";
    };
    QCOMPARE(post(path, templateEvent("APPROVED"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template WHERE status = 'APPROVED'")),
                              1, 5000);
    QCOMPARE(sqlState(agent->db(), templated, {*version}), QStringLiteral("ok"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.outbox")), 1);
    // Paused by Meta: refused again.
    QCOMPARE(post(path, templateEvent("PAUSED"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template WHERE status = 'PAUSED'")),
                              1, 5000);
    QCOMPARE(sqlState(agent->db(), templated, {*version}), QStringLiteral("55000"));
    // The person writes again: the window is open for free text.
    QByteArray now = whatsAppText("wamid.new", "are you there?");
    now.replace("1765000000", QByteArray::number(QDateTime::currentSecsSinceEpoch()));
    QCOMPARE(post(path, now, kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'in'")), 2, 5000);
    QCOMPARE(sqlState(agent->db(), freeText), QStringLiteral("ok"));
    // Nobody but the engine writes WhatsApp's template list.
    QCOMPARE(sqlState(agent->db(), QStringLiteral("UPDATE mhero.whatsapp_template SET status = 'APPROVED'")),
             QStringLiteral("42501"));
}

void TestWebhookServer::eachNumberAndPageGoesToItsOwnSource()
{
    // One Meta app's webhook carries all its numbers, whichever source's address Meta was given:
    // a message to number B arriving at A's door is B's, a number no source has is left out, and
    // a template change of the Business Account holds for every number of that account.
    meta::MetaSource second;
    second.name = QStringLiteral("moh-whatsapp-2");
    second.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v21.0/"));
    second.phoneNumberId = QStringLiteral("106540352249999");
    second.businessAccountId = QStringLiteral("102290129340398");
    second.accessToken = QStringLiteral("t");
    second.appSecret = QString::fromLatin1(kAppSecret);
    second.verifyToken = QStringLiteral("v");
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), second));
    m_server.reset();
    startServer(); // knows the new source at once
    const QString path = QStringLiteral("/webhooks/whatsapp/moh-whatsapp");
    QByteArray toSecond = whatsAppText("wamid.toB", "for the second number", "231770100002");
    toSecond.replace("106540352242922", "106540352249999");
    QByteArray toNobody = whatsAppText("wamid.toX", "for a number we do not have", "231770100003");
    toNobody.replace("106540352242922", "999999999999999");
    QCOMPARE(post(path, toSecond, kAppSecret).status, 200);
    QCOMPARE(post(path, toNobody, kAppSecret).status, 200);
    QCOMPARE(post(path, whatsAppText("wamid.toA", "for the first number"), kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE processed_at IS NULL")), 0, 5000);
    const auto sourceOf = [this](const char* wamid) {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT s.name FROM mhero.message m JOIN mhero.source s "
                                                         "ON s.id = m.source_id WHERE m.external_id = ?"),
                           {QString::fromLatin1(wamid)})
            .valueOr(QVariant(QStringLiteral("none")))
            .toString();
    };
    QCOMPARE(sourceOf("wamid.toB"), QStringLiteral("moh-whatsapp-2"));
    QCOMPARE(sourceOf("wamid.toA"), QStringLiteral("moh-whatsapp"));
    QCOMPARE(sourceOf("wamid.toX"), QStringLiteral("none"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE error LIKE '%999999999999999%'")), 1);
    const QByteArray approved = R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1765000000,"changes":[{"value":{
      "event":"APPROVED","message_template_id":7,"message_template_name":"payday","message_template_language":"en",
      "reason":"NONE"},"field":"message_template_status_update"}]}]})";
    QCOMPARE(post(path, approved, kAppSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template WHERE name = 'payday'")), 2, 5000);
    // A Page the app serves but no source has.
    const QByteArray otherPage = R"({"object":"page","entry":[{"id":"777","time":1765000000000,"messaging":[
      {"sender":{"id":"6783451299"},"recipient":{"id":"777"},"timestamp":1765000000123,"message":{"mid":"m_other","text":"hi"}}]}]})";
    QCOMPARE(post(QStringLiteral("/webhooks/messenger/moh-page"), otherPage, kPageSecret).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.webhook_event WHERE error LIKE '%Page 777%'")), 1, 5000);
    QCOMPARE(sourceOf("m_other"), QStringLiteral("none"));
}

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
