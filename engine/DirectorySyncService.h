#pragma once

#include "db/Connection.h"
#include "secrets/SealedSecrets.h"
#include "sources/SourceAdapter.h"
#include "sources/fhir/FhirSource.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace mhero::engine {

/// The directory part of the sync engine: every few minutes (setting
/// directory.sync_interval_minutes, default 15) it syncs each enabled FHIR source, one at a time.
/// Several mhero-server processes may run against one database: a source is synced by the one
/// that wins its PostgreSQL advisory lock; the others skip it that round.
///
/// Lives on a thread of its own (moveToThread, then start()): it owns a connection of that thread
/// and blocks only that thread while writing pages.
class DirectorySyncService final : public QObject
{
    Q_OBJECT
public:
    /// @p keyring: the engine's key, shared with its other jobs, which opens the sources' secrets.
    DirectorySyncService(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring,
                         QObject* parent = nullptr);
    ~DirectorySyncService() override;

public Q_SLOTS:
    /// Runs a round now and then on the schedule.
    void start();
    void stop();

Q_SIGNALS:
    void sourceSynced(const mhero::sources::SyncReport& report);
    void roundFinished(int sources);

private:
    void round();
    void next();
    Status ensureConnection();

    ConnectionSettings m_settings;
    std::shared_ptr<secrets::EngineKeyring> m_keyring;
    std::optional<ScopedConnection> m_connection;
    QTimer m_timer;
    QList<fhir::FhirSource> m_queue;
    sources::SourceAdapter* m_running = nullptr; ///< the source being synced (a child of this)
    int m_done = 0;
};

} // namespace mhero::engine
