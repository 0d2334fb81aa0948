#include "engine/WebhookServer.h"

#include "channels/meta/MetaIntake.h"
#include "channels/meta/MetaWebhook.h"
#include "db/Sql.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcWebhooks, "mhero.sync.webhooks")

namespace mhero::engine {

namespace {
using StatusCode = QHttpServerResponder::StatusCode;

constexpr qint64 kReloadMs = 60'000; // new sources and changed secrets, at the latest
constexpr qint64 kMissReloadMs = 5'000; // an unknown name reloads at most this often
constexpr int kCatchUpMs = 10'000; // events a failure left, tried again
constexpr int kPurgeDays = 7;
constexpr qint64 kPurgeEveryMs = 3'600'000;

/// Refuses a request before its body is read: the HTTP parser of QAbstractHttpServer would keep a
/// body of any size in memory. Checks the head of each connection's first request (size of the
/// head, Content-Length, no chunked bodies: Meta sends a length) and what a connection sends in
/// all; handleRequest() checks each body again.
class GuardedTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        struct State
        {
            qint64 received = 0;
            bool headChecked = false;
            bool refused = false;
        };
        auto state = std::make_shared<State>();
        // Connected before the HTTP server's own handler (it connects when it takes the pending
        // connection), so a refused request is drained before the parser sees it.
        connect(socket, &QTcpSocket::readyRead, socket, [socket, state] {
            if (state->refused) {
                (void)socket->readAll();
                return;
            }
            state->received += socket->bytesAvailable();
            const auto refuse = [&](const char* statusLine) {
                state->refused = true;
                (void)socket->readAll();
                socket->write(QByteArray("HTTP/1.1 ") + statusLine
                              + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                connect(socket, &QTcpSocket::bytesWritten, socket, &QTcpSocket::disconnectFromHost);
                qCWarning(lcWebhooks).noquote() << "refused a request from" << socket->peerAddress().toString() << ":"
                                                << statusLine;
            };
            if (!state->headChecked) {
                const QByteArray head = socket->peek(WebhookServer::kMaxHeaderBytes + 4);
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (head.size() > WebhookServer::kMaxHeaderBytes)
                        refuse("431 Request Header Fields Too Large");
                    return;
                }
                state->headChecked = true;
                for (const QByteArray& line : head.left(end).split('\n')) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon < 0)
                        continue;
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed().toLower();
                    if (name == "content-length" && value.toLongLong() > WebhookServer::kMaxBodyBytes)
                        return refuse("413 Payload Too Large");
                    if (name == "transfer-encoding" && value.contains("chunked"))
                        return refuse("411 Length Required");
                }
            }
            // Keep-alive connections carry several requests: a generous total, still bounded.
            if (state->received > 16 * (WebhookServer::kMaxBodyBytes + WebhookServer::kMaxHeaderBytes))
                refuse("413 Payload Too Large");
        });
        addPendingConnection(socket);
    }
};

void answer(QHttpServerResponder& responder, StatusCode status, const QByteArray& text)
{
    responder.write(text, QByteArrayLiteral("text/plain; charset=utf-8"), status);
}
} // namespace

WebhookServer::WebhookServer(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring,
                             QObject* parent)
    : QAbstractHttpServer(parent)
    , m_settings(std::move(settings))
    , m_keyring(std::move(keyring))
    , m_processTimer(this)
    , m_catchUpTimer(this)
{
    // A burst of deliveries is processed in one round, right after the last answer went out.
    m_processTimer.setSingleShot(true);
    m_processTimer.setInterval(0);
    connect(&m_processTimer, &QTimer::timeout, this, &WebhookServer::processPending);
    m_catchUpTimer.setInterval(kCatchUpMs);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &WebhookServer::processPending);
}

WebhookServer::~WebhookServer() = default;

Result<quint16> WebhookServer::start(const QHostAddress& address, quint16 port)
{
    m_tcp = new GuardedTcpServer(this);
    if (!m_tcp->listen(address, port))
        return Error{QStringLiteral("webhook-listen"),
                     QStringLiteral("Cannot listen for webhooks on %1:%2").arg(address.toString()).arg(port),
                     m_tcp->errorString()};
    bind(m_tcp);
    m_catchUpTimer.start();
    m_processTimer.start(); // what a crash left stored and unprocessed
    qCInfo(lcWebhooks).noquote() << "listening for webhooks on" << address.toString() << "port" << m_tcp->serverPort();
    return m_tcp->serverPort();
}

Status WebhookServer::ensureConnection()
{
    if (m_connection && sql::isConnectionHealthy(m_connection->db()))
        return {};
    m_connection.reset();
    ConnectionSettings settings = m_settings;
    settings.applicationName = QStringLiteral("mhero sync engine (webhooks)");
    auto opened = ScopedConnection::open(settings, QStringLiteral("webhooks"));
    if (!opened)
        return opened.error();
    m_connection.emplace(std::move(opened.value()));
    m_lastReload.invalidate();
    return {};
}

const meta::MetaSource* WebhookServer::findSource(const QString& kind, const QString& name)
{
    const QString key = kind + QLatin1Char('/') + name;
    auto it = m_sources.constFind(key);
    const bool stale = !m_lastReload.isValid() || m_lastReload.hasExpired(kReloadMs);
    const bool missReload = it == m_sources.cend() && m_lastReload.hasExpired(kMissReloadMs);
    if (stale || missReload) {
        m_lastReload.start();
        auto engineKey = m_keyring->get(m_connection->db());
        auto loaded = meta::loadMetaSources(m_connection->db(), {}, engineKey ? engineKey->get() : nullptr);
        if (!loaded) {
            qCWarning(lcWebhooks).noquote() << "cannot read the WhatsApp and Messenger sources:"
                                            << loaded.error().toString();
        } else {
            m_sources.clear();
            for (meta::MetaSource& source : *loaded) {
                if (!engineKey && source.secretError)
                    source.secretError = engineKey.error();
                m_sources.insert(source.kind() + QLatin1Char('/') + source.name, source);
            }
        }
        it = m_sources.constFind(key);
    }
    return it == m_sources.cend() ? nullptr : &it.value();
}

bool WebhookServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QStringList parts = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 3 || parts.at(0) != QLatin1String("webhooks")
        || (parts.at(1) != QLatin1String("whatsapp") && parts.at(1) != QLatin1String("messenger")))
        return false; // missingHandler(): 404
    QHttpServerResponder responder = makeResponder(request, socket);
    if (Status connected = ensureConnection(); !connected) {
        qCWarning(lcWebhooks).noquote() << "no database for a webhook:" << connected.error().toString();
        answer(responder, StatusCode::ServiceUnavailable, "try again later\n"); // Meta delivers again
        return true;
    }
    const meta::MetaSource* source = findSource(parts.at(1), parts.at(2));
    if (!source) {
        answer(responder, StatusCode::NotFound, "no such source\n");
        return true;
    }
    if (source->secretError) {
        // Without its secrets nothing can be checked: refused, and IT is told why.
        qCWarning(lcWebhooks).noquote() << source->name << "cannot take webhooks:" << source->secretError->toString();
        answer(responder, StatusCode::ServiceUnavailable, "source not ready\n");
        return true;
    }
    if (request.method() == QHttpServerRequest::Method::Get) {
        if (auto challenge = meta::handshakeChallenge(request.query(), source->verifyToken)) {
            qCInfo(lcWebhooks).noquote() << source->name << "subscription confirmed";
            answer(responder, StatusCode::Ok, challenge->toUtf8());
        } else {
            qCWarning(lcWebhooks).noquote() << source->name << "refused a subscription handshake (wrong verify token)";
            answer(responder, StatusCode::Forbidden, "forbidden\n");
        }
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        answer(responder, StatusCode::MethodNotAllowed, "GET or POST\n");
        return true;
    }
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes || body.isEmpty()) {
        answer(responder, body.isEmpty() ? StatusCode::BadRequest : StatusCode::PayloadTooLarge, "refused\n");
        return true;
    }
    if (!meta::verifySignature(source->appSecret.toUtf8(), body, request.value(QByteArrayLiteral("X-Hub-Signature-256")))) {
        qCWarning(lcWebhooks).noquote() << source->name << "refused a delivery with a missing or wrong signature from"
                                        << socket->peerAddress().toString();
        answer(responder, StatusCode::Unauthorized, "bad signature\n");
        return true;
    }
    meta::MetaIntake intake(m_connection->db());
    auto stored = intake.store(source->id, body);
    if (!stored) {
        qCWarning(lcWebhooks).noquote() << source->name << "could not store a delivery:" << stored.error().toString();
        answer(responder, StatusCode::ServiceUnavailable, "try again later\n");
        return true;
    }
    answer(responder, StatusCode::Ok, "EVENT_RECEIVED");
    Q_EMIT eventStored(source->name, *stored);
    if (*stored)
        m_processTimer.start();
    return true;
}

void WebhookServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    answer(responder, StatusCode::NotFound, "not found\n");
}

void WebhookServer::processPending()
{
    if (Status connected = ensureConnection(); !connected)
        return;
    meta::MetaIntake intake(m_connection->db());
    int events = 0;
    int messages = 0;
    int statuses = 0;
    for (;;) {
        auto report = intake.processPending(200);
        if (!report) {
            qCWarning(lcWebhooks).noquote() << "cannot process webhook events:" << report.error().toString();
            break;
        }
        events += report->events;
        messages += report->messages;
        statuses += report->statuses + report->reads;
        if (report->events < 200 || report->failed > 0)
            break;
    }
    if (events > 0) {
        qCDebug(lcWebhooks) << "processed" << events << "webhook events:" << messages << "messages," << statuses
                            << "statuses";
        Q_EMIT processed(events, messages, statuses);
    }
    if (!m_lastPurge.isValid() || m_lastPurge.hasExpired(kPurgeEveryMs)) {
        m_lastPurge.start();
        if (auto purged = intake.purgeProcessed(kPurgeDays); purged && *purged > 0)
            qCInfo(lcWebhooks) << "forgot" << *purged << "processed webhook events older than" << kPurgeDays << "days";
    }
}

} // namespace mhero::engine
