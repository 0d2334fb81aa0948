#pragma once

#include "Result.h"
#include "channels/meta/MetaSource.h"
#include "db/Connection.h"
#include "secrets/SealedSecrets.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QTimer>

#include <memory>
#include <optional>

class QTcpServer;

namespace mhero::engine {

/// mhero-server's door for Meta's webhooks (--webhook-listen): GET and POST
/// /webhooks/whatsapp/NAME and /webhooks/messenger/NAME, NAME being the source's name.
///
/// GET answers Meta's subscription handshake with the source's verify token. POST accepts a
/// delivery only when its X-Hub-Signature-256 is the HMAC of the raw body with the source's app
/// secret (401, nothing stored, otherwise), at most kMaxBodyBytes (413); it stores the raw body
/// (meta::MetaIntake::store()) and only then answers 200, so a crash after the answer loses
/// nothing; processing follows on this thread, and again at start for what a crash left.
/// A database that cannot store answers 503: Meta delivers again later.
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
    /// Processes what is stored and not processed yet (also called after each delivery).
    void processPending();

Q_SIGNALS:
    /// A delivery was stored (new: false when Meta sent the same body before).
    void eventStored(const QString& source, bool isNew);
    /// A round of processing ended: how many messages and statuses it stored.
    void processed(int events, int messages, int statuses);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Status ensureConnection();
    /// The source of that kind and name (reloaded at most every few seconds on a miss).
    const meta::MetaSource* findSource(const QString& kind, const QString& name);

    ConnectionSettings m_settings;
    std::shared_ptr<secrets::EngineKeyring> m_keyring;
    std::optional<ScopedConnection> m_connection;
    QHash<QString, meta::MetaSource> m_sources; ///< "kind/name" → source
    QElapsedTimer m_lastReload;
    QElapsedTimer m_lastPurge;
    QTimer m_processTimer;
    QTimer m_catchUpTimer;
    QTcpServer* m_tcp = nullptr;
};

} // namespace mhero::engine
