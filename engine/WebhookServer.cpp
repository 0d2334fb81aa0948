#include "engine/WebhookServer.h"

#include "db/Sql.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcWebhooks, "mhero.sync.webhooks")

namespace mhero::engine {

namespace {
using StatusCode = QHttpServerResponder::StatusCode;

constexpr int kCatchUpMs = 10'000; // events a failure left, tried again
constexpr int kConnectionLifetimeMs = 60'000;

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
        // A connection that lingers (a slow sender holding sockets open) is closed: Meta's
        // deliveries take milliseconds, and a proxy in front opens a connection per request.
        auto* lifetime = new QTimer(socket);
        lifetime->setSingleShot(true);
        connect(lifetime, &QTimer::timeout, socket, [socket] {
            qCWarning(lcWebhooks).noquote() << "closed a connection from" << socket->peerAddress().toString()
                                            << "open longer than" << kConnectionLifetimeMs / 1000 << "s";
            socket->abort();
        });
        lifetime->start(kConnectionLifetimeMs);
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

/// Processes stored deliveries on its own thread and connection, a round at a time: wakes that
/// arrive during a round make one more round, not one each.
class WebhookProcessor final : public QObject
{
    Q_OBJECT
public:
    WebhookProcessor(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring)
        : m_settings(std::move(settings))
        , m_door(std::move(keyring))
    { }

    void wake()
    {
        if (m_scheduled)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &WebhookProcessor::round, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void processed(int events, int messages, int statuses);

private:
    void round()
    {
        m_scheduled = false;
        if (!m_connection || !sql::isConnectionHealthy(m_connection->db())) {
            m_connection.reset();
            ConnectionSettings settings = m_settings;
            settings.applicationName = QStringLiteral("mhero sync engine (webhook processing)");
            auto opened = ScopedConnection::open(settings, QStringLiteral("webhook-processing"));
            if (!opened) {
                qCWarning(lcWebhooks).noquote() << "cannot connect to process webhook events:" << opened.error().toString();
                return; // the catch-up timer wakes us again
            }
            m_connection.emplace(std::move(opened.value()));
        }
        auto done = m_door.processPending(m_connection->db());
        if (!done) {
            qCWarning(lcWebhooks).noquote() << "cannot process webhook events:" << done.error().toString();
            return;
        }
        if (done->events > 0) {
            qCDebug(lcWebhooks) << "processed" << done->events << "webhook events:" << done->messages << "messages,"
                                << done->statuses << "statuses";
            Q_EMIT processed(done->events, done->messages, done->statuses);
        }
    }

    ConnectionSettings m_settings;
    meta::WebhookDoor m_door;
    std::optional<ScopedConnection> m_connection;
    bool m_scheduled = false;
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
    , m_meta(keyring)
    , m_catchUpTimer(this)
{
    m_processorThread.setObjectName(QStringLiteral("webhook-processing"));
    auto* processor = new WebhookProcessor(m_settings, std::move(keyring));
    processor->moveToThread(&m_processorThread);
    connect(&m_processorThread, &QThread::finished, processor, &QObject::deleteLater);
    connect(this, &WebhookServer::wakeProcessor, processor, &WebhookProcessor::wake, Qt::QueuedConnection);
    connect(processor, &WebhookProcessor::processed, this, &WebhookServer::processed, Qt::QueuedConnection);
    m_processorThread.start();
    // Events a failure left (the database was away) are tried again now and then.
    m_catchUpTimer.setInterval(kCatchUpMs);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &WebhookServer::processPending);
}

WebhookServer::~WebhookServer()
{
    m_processorThread.quit();
    m_processorThread.wait();
}

Result<quint16> WebhookServer::start(const QHostAddress& address, quint16 port)
{
    m_tcp = new GuardedTcpServer(this);
    if (!m_tcp->listen(address, port))
        return Error{QStringLiteral("webhook-listen"),
                     QStringLiteral("Cannot listen for webhooks on %1:%2").arg(address.toString()).arg(port),
                     m_tcp->errorString()};
    bind(m_tcp);
    m_catchUpTimer.start();
    processPending(); // what a crash left stored and unprocessed
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
    m_meta.reload();
    return {};
}

bool WebhookServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QStringList parts = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 3 || parts.at(0) != QLatin1String("webhooks") || !meta::WebhookDoor::serves(parts.at(1)))
        return false; // missingHandler(): 404
    QHttpServerResponder responder = makeResponder(request, socket);
    if (Status connected = ensureConnection(); !connected) {
        qCWarning(lcWebhooks).noquote() << "no database for a webhook:" << connected.error().toString();
        answer(responder, StatusCode::ServiceUnavailable, "try again later\n"); // Meta delivers again
        return true;
    }
    QByteArray method;
    if (request.method() == QHttpServerRequest::Method::Get)
        method = QByteArrayLiteral("GET");
    else if (request.method() == QHttpServerRequest::Method::Post)
        method = QByteArrayLiteral("POST");
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes) {
        answer(responder, StatusCode::PayloadTooLarge, "refused\n");
        return true;
    }
    const meta::WebhookAnswer reply =
        m_meta.handle(m_connection->db(), method, parts.at(1), parts.at(2), request.query(),
                      request.value(QByteArrayLiteral("X-Hub-Signature-256")), body, socket->peerAddress().toString());
    answer(responder, static_cast<StatusCode>(reply.status), reply.body);
    if (reply.stored) {
        Q_EMIT eventStored(reply.source, reply.isNew);
        if (reply.isNew)
            processPending();
    }
    return true;
}

void WebhookServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    answer(responder, StatusCode::NotFound, "not found\n");
}

void WebhookServer::processPending()
{
    Q_EMIT wakeProcessor();
}

} // namespace mhero::engine

#include "WebhookServer.moc"
