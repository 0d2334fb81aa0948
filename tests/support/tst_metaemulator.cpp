// The C++ wrapper of the Meta emulator, end to end over real sockets: a webhook receiver in this
// process (as the channel adapters will have) gets signed events; Graph calls go through
// QNetworkAccessManager. The emulator's own behaviour is checked by metaemulator.selfcheck.
#include "MetaEmulator.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <utility>

using mhero::test::MetaEmulator;

namespace {

/// A minimal HTTP server standing in for the application's webhook endpoint: answers the GET
/// handshake and records POST bodies with whether their X-Hub-Signature-256 verifies.
class WebhookReceiver final : public QObject
{
public:
    struct Event
    {
        QByteArray body;
        bool signatureValid = false;
    };

    WebhookReceiver()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    [[nodiscard]] QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_server.serverPort()));
    }
    QList<Event> events;

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        qsizetype length = 0;
        QByteArray signature;
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "x-hub-signature-256")
                signature = value;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray requestLine = lines.value(0).trimmed();
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        QByteArray reply = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\n";
        if (requestLine.startsWith("GET ")) {
            const QUrlQuery query(QUrl(QString::fromUtf8(requestLine.split(' ').value(1))).query());
            const bool ok = query.queryItemValue(QStringLiteral("hub.verify_token")) == MetaEmulator::verifyToken();
            const QByteArray challenge
                = ok ? query.queryItemValue(QStringLiteral("hub.challenge")).toUtf8() : QByteArray();
            if (!ok)
                reply.replace("200 OK", "403 Forbidden");
            reply += "Content-Length: " + QByteArray::number(challenge.size()) + "\r\n\r\n" + challenge;
        } else {
            const QByteArray expected = "sha256="
                + QMessageAuthenticationCode::hash(body, MetaEmulator::appSecret().toUtf8(), QCryptographicHash::Sha256)
                      .toHex();
            events.append({body, signature == expected});
            reply += "Content-Length: 0\r\n\r\n";
        }
        socket->write(reply);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

struct GraphReply
{
    int status = 0;
    QJsonObject json;
};

GraphReply graphPost(const QUrl& url, const QJsonObject& body, const QString& token = MetaEmulator::token())
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    GraphReply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      QJsonDocument::fromJson(reply->readAll()).object()};
    reply->deleteLater();
    return result;
}

QJsonObject textMessage(const QString& to, const QString& text)
{
    return {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
            {QStringLiteral("to"), to},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), text}}}};
}

QJsonObject changeValue(const QJsonObject& delivery)
{
    return delivery[QStringLiteral("payload")][QStringLiteral("entry")][0][QStringLiteral("changes")][0]
                   [QStringLiteral("value")]
                       .toObject();
}

} // namespace

class TestMetaEmulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_emulator.ok(), qPrintable(m_emulator.startError())); }

    void init()
    {
        QVERIFY(m_emulator.reset());
        m_receiver.events.clear();
        QVERIFY(m_emulator.setWebhookTargets(m_receiver.url(), m_receiver.url()));
        QVERIFY(m_emulator.setConfig({{QStringLiteral("status_delay_ms"), 10}}).contains(QStringLiteral("app_secret")));
    }

    void inboundThenReplyProducesSignedStatusWebhooks()
    {
        const QString user = QStringLiteral("231770123456");
        const QJsonObject inbound = m_emulator.whatsappText(user, QStringLiteral("hello"), QStringLiteral("Ann"));
        QCOMPARE(inbound[QStringLiteral("message")][QStringLiteral("text")][QStringLiteral("body")].toString(),
                 QStringLiteral("hello"));

        const QUrl sendUrl
            = m_emulator.graphUrl().resolved(QUrl(MetaEmulator::phoneNumberId() + QStringLiteral("/messages")));
        const GraphReply reply = graphPost(sendUrl, textMessage(user, QStringLiteral("Hi Ann")));
        QCOMPARE(reply.status, 200);
        const QString wamid = reply.json[QStringLiteral("messages")][0][QStringLiteral("id")].toString();
        QVERIFY(wamid.startsWith(QStringLiteral("wamid.")));

        const QJsonArray deliveries = m_emulator.waitForWebhooks(4, 5000, QStringLiteral("whatsapp"));
        QCOMPARE(deliveries.size(), 4);
        QStringList statuses;
        for (qsizetype i = 1; i < deliveries.size(); ++i) {
            const QJsonObject status = changeValue(deliveries[i].toObject())[QStringLiteral("statuses")][0].toObject();
            QCOMPARE(status[QStringLiteral("id")].toString(), wamid);
            statuses.append(status[QStringLiteral("status")].toString());
        }
        QCOMPARE(statuses, (QStringList{QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read")}));
        QCOMPARE(m_receiver.events.size(), 4);
        for (const auto& event : std::as_const(m_receiver.events))
            QVERIFY(event.signatureValid);

        const QJsonArray sent = m_emulator.sent();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0][QStringLiteral("request")][QStringLiteral("text")][QStringLiteral("body")].toString(),
                 QStringLiteral("Hi Ann"));
        QVERIFY(m_emulator.takeRequests().contains(
            QStringLiteral("POST /v21.0/%1/messages 200").arg(MetaEmulator::phoneNumberId())));
    }

    void windowFaultsAndTemplates()
    {
        const QString user = QStringLiteral("231770000002");
        const QUrl sendUrl
            = m_emulator.graphUrl().resolved(QUrl(MetaEmulator::phoneNumberId() + QStringLiteral("/messages")));
        QVERIFY(m_emulator.setFaults({{QStringLiteral("window_error"), QStringLiteral("sync")}}));
        QVERIFY(m_emulator.setWhatsAppLastInbound(user, QDateTime::currentDateTimeUtc().addSecs(-25 * 3600)));
        GraphReply reply = graphPost(sendUrl, textMessage(user, QStringLiteral("late")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json[QStringLiteral("error")][QStringLiteral("code")].toInt(), 131047);

        QVERIFY(m_emulator.setWhatsAppLastInbound(user, QDateTime::currentDateTimeUtc().addSecs(-3600)));
        QVERIFY(m_emulator.failNextSends(130429));
        reply = graphPost(sendUrl, textMessage(user, QStringLiteral("throttled")));
        QCOMPARE(reply.json[QStringLiteral("error")][QStringLiteral("code")].toInt(), 130429);
        QCOMPARE(graphPost(sendUrl, textMessage(user, QStringLiteral("ok"))).status, 200);
        QCOMPARE(graphPost(sendUrl, textMessage(user, QStringLiteral("x")), QStringLiteral("bad")).status, 401);

        const QJsonArray templates = m_emulator.registerTemplates(
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("renewal")},
                                   {QStringLiteral("language"), QStringLiteral("en")},
                                   {QStringLiteral("status"), QStringLiteral("PENDING")}}});
        QCOMPARE(templates.size(), 1);
        QVERIFY(
            m_emulator.setTemplateStatus(QStringLiteral("renewal"), QStringLiteral("en"), QStringLiteral("APPROVED")));
        // the accepted "ok" message has its own status webhooks; pick the template event out
        QJsonObject update;
        for (const QJsonValue& delivery : m_emulator.waitForWebhooks(1, 5000, QStringLiteral("whatsapp"))) {
            if (delivery[QStringLiteral("field")].toString() == QStringLiteral("message_template_status_update"))
                update = delivery.toObject();
        }
        QCOMPARE(update[QStringLiteral("state")].toString(), QStringLiteral("delivered"));
        QCOMPARE(changeValue(update)[QStringLiteral("event")].toString(), QStringLiteral("APPROVED"));
    }

    void mediaMessengerAndHandshake()
    {
        const QByteArray bytes("\x89PNG\r\n\x1a\n\x00\x01", 10);
        const QJsonObject inbound
            = m_emulator.whatsappMedia(QStringLiteral("231770000003"), QStringLiteral("image"), bytes,
                                       QStringLiteral("image/png"), QStringLiteral("a photo"));
        const QString mediaId
            = inbound[QStringLiteral("message")][QStringLiteral("image")][QStringLiteral("id")].toString();
        QVERIFY(!mediaId.isEmpty());
        QCOMPARE(m_emulator.mediaBytes(mediaId), bytes);
        QCOMPARE(m_emulator.media().size(), 1);

        m_emulator.messengerText(QStringLiteral("7001"), QStringLiteral("hi page"));
        const QJsonArray deliveries = m_emulator.waitForWebhooks(1, 5000, QStringLiteral("messenger"));
        QCOMPARE(deliveries.size(), 1);
        QCOMPARE(deliveries[0][QStringLiteral("payload")][QStringLiteral("object")].toString(), QStringLiteral("page"));

        QVERIFY(m_emulator.verifyWebhook(QStringLiteral("whatsapp"))[QStringLiteral("verified")].toBool());
        const QJsonObject refused = m_emulator.verifyWebhook(QStringLiteral("messenger"), QStringLiteral("wrong"));
        QCOMPARE(refused[QStringLiteral("status")].toInt(), 403);
        QVERIFY(!refused[QStringLiteral("verified")].toBool());
    }

private:
    WebhookReceiver m_receiver;
    MetaEmulator m_emulator;
};

QTEST_GUILESS_MAIN(TestMetaEmulator)
#include "tst_metaemulator.moc"
