#pragma once

#include "Result.h"
#include "channels/meta/MetaChannel.h"
#include "db/Connection.h"
#include "secrets/SealedSecrets.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

class QTcpServer;

namespace mhero::engine {

/// mhero-server's door for Meta's webhooks (--webhook-listen): GET and POST
/// /webhooks/whatsapp/NAME and /webhooks/messenger/NAME, NAME being the source's name.
///
/// This class is the HTTP part only: it refuses oversized or chunked bodies before they are read
/// (kMaxBodyBytes, 413), routes the path, and hands the request to the platform's door
/// (meta::WebhookDoor: the handshake, the signature — 401 and nothing stored when wrong —,
/// storing the raw body before the 200, so a crash after the answer loses nothing). Processing
/// follows on this thread after each delivery, every few seconds for what failed, and at start
/// for what a crash left. A database that cannot store answers 503: Meta delivers again later.
///
/// Plain HTTP on the address given (loopback by default): TLS is a reverse proxy's job
/// (docs/deployment.md has an nginx example). Lives on a thread of its own, with its own
/// connection; a slow webhook sender never holds up the other jobs.
class WebhookServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024; ///< Meta's deliveries are a few KB
    static constexpr qint64 kMaxHeaderBytes = 16 * 1024;

    WebhookServer(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring,
                  QObject* parent = nullptr);
    ~WebhookServer() override;

    /// Starts listening; returns the port (useful with port 0).
    Result<quint16> start(const QHostAddress& address, quint16 port);
    /// Asks the processing thread to process what is stored and not processed yet (also done
    /// after each new delivery, every few seconds, and at start).
    void processPending();

Q_SIGNALS:
    /// A delivery was stored (new: false when Meta sent the same body before).
    void eventStored(const QString& source, bool isNew);
    /// A round of processing ended: how many messages and statuses it stored.
    void processed(int events, int messages, int statuses);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

Q_SIGNALS:
    /// (internal) wakes the processor on its thread.
    void wakeProcessor();

private:
    Status ensureConnection();

    ConnectionSettings m_settings;
    std::optional<ScopedConnection> m_connection;
    meta::WebhookDoor m_meta;
    QTimer m_catchUpTimer;
    /// Processing has a thread and a connection of its own: answering Meta never waits for it.
    QThread m_processorThread;
    QTcpServer* m_tcp = nullptr;
};

} // namespace mhero::engine
