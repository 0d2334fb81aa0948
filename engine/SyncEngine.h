#pragma once

#include "Result.h"
#include "db/ConnectionSettings.h"
#include "session/LocalEngine.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <optional>
#include <utility>

namespace mhero::engine {

/// The sync engine: the directory sync (FHIR), the messaging jobs (polls, the outbox, media) and,
/// when asked to listen, the webhook door (WhatsApp, Messenger), each on a thread of its own with
/// its own connection, so a long directory sync never delays a reply. mhero-server runs one; so does the console on this computer's private
/// cluster, where no mhero-server is deployed. Several engines may run against one database:
/// each source's jobs run in the engine holding that source's advisory lock.
class SyncEngine final : public QObject, public LocalEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    /// @p settings: an account that may run the jobs (the service role, or the local superuser).
    /// @p keyPath: the engine's key file (secrets::keyPath()); made, and its public key
    /// published, on the first start when neither exists yet.
    SyncEngine(ConnectionSettings settings, QString keyPath, QObject* parent = nullptr);
    ~SyncEngine() override;

    /// Also take Meta's webhooks on @p address:@p port (mhero-server --webhook-listen); before start().
    void setWebhookListen(const QHostAddress& address, quint16 port);

    void start() override;
    /// Stops the jobs and waits for their threads; their sessions, and locks, end.
    void stop() override;

Q_SIGNALS:
    /// The webhook door could not listen (the port is taken, the address is not this machine's).
    void webhookListenFailed(const QString& reason);

public:
    [[nodiscard]] bool running() const { return m_channelThread.isRunning(); }

private:
    ConnectionSettings m_settings;
    QString m_keyPath;
    QThread m_directoryThread;
    QThread m_channelThread;
    QThread m_webhookThread;
    std::optional<std::pair<QHostAddress, quint16>> m_webhookListen;
};

/// "ADDRESS:PORT", "[IPv6]:PORT" or "PORT" (loopback) as given to --webhook-listen.
Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString& text);

/// The factory mhero-console's main() hands to the console (LocalEngineFactory).
LocalEngineFactory localEngineFactory();

} // namespace mhero::engine
