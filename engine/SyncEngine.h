#pragma once

#include "db/ConnectionSettings.h"
#include "session/LocalEngine.h"

#include <QObject>
#include <QThread>

namespace mhero::engine {

/// The sync engine: the directory sync (FHIR) and the messaging jobs (RapidPro polling, the
/// outbox), each on a thread of its own with its own connection, so a long directory sync never
/// delays a reply. mhero-server runs one; so does the console on this computer's private
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

    void start() override;
    /// Stops both jobs and waits for their threads; their sessions, and locks, end.
    void stop() override;
    [[nodiscard]] bool running() const { return m_channelThread.isRunning(); }

private:
    ConnectionSettings m_settings;
    QString m_keyPath;
    QThread m_directoryThread;
    QThread m_channelThread;
};

/// The factory mhero-console's main() hands to the console (LocalEngineFactory).
LocalEngineFactory localEngineFactory();

} // namespace mhero::engine
