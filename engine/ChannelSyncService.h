#pragma once

#include "channels/MediaFetcher.h"
#include "db/Connection.h"
#include "channels/ChannelSource.h"
#include "secrets/SealedSecrets.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSqlDriver>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace mhero::engine {

/// The messaging part of the sync engine (mhero-server): for each enabled source of every channel
/// kind (channels::channelKinds()) it runs the source's polls when they fall due (RapidPro:
/// inbound messages every poll_seconds, statuses every 15 s, contacts every minute; a webhook
/// platform has none), and sends the outbox as soon as a reply is written (LISTEN mhero_outbox)
/// and whenever a retry falls due. It knows sources only as channels::ChannelSource. The polls
/// of a source run one at a time; its outbox runs beside them, so a slow, hanging or looping
/// poll never delays a reply.
///
/// Several engines may run against one database: a source's jobs run in the engine that holds
/// its PostgreSQL advisory lock (a session lock, so it is released when that engine's connection
/// ends, however it ends); the others stand by and try again every few seconds.
///
/// Lives on a thread of its own (moveToThread, then start()); it owns a connection of that thread.
class ChannelSyncService final : public QObject
{
    Q_OBJECT
public:
    /// @p keyring: the engine's key, shared with its other jobs, which opens the sources' tokens.
    ChannelSyncService(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring,
                       QObject* parent = nullptr);
    ~ChannelSyncService() override;

    /// A name for this engine in outbox claims (host and process id by default).
    void setWorkerName(const QString& name) { m_worker = name; }
    /// How often to look for new sources, lost connections and due work (default 1000 ms).
    void setTickInterval(int milliseconds);

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    /// A job finished: @p job is inbound, contacts, statuses, outbox or media; @p detail says what it did.
    void jobFinished(const QString& source, const QString& job, const QString& detail);
    /// This engine took over (or lost) a source.
    void sourceActive(const QString& source, bool active);

private:
    struct Runner
    {
        std::unique_ptr<channels::ChannelSource> channel;
        bool locked = false;
        bool polling = false; ///< a poll (inbound, statuses, contacts) is under way
        bool sending = false; ///< the outbox sender is under way (never waits for a poll)
        bool outboxWanted = true;
        std::unique_ptr<channels::MediaFetcher> media; ///< inbound attachments, a lane of its own
        bool fetching = false;
        QElapsedTimer lastMedia;
        QElapsedTimer lastLockTry;
        QHash<QString, QElapsedTimer> lastPoll; ///< by job
        QElapsedTimer lastOutbox;
        [[nodiscard]] bool busy() const { return polling || sending || fetching; }
    };

    void tick();
    void reloadSources();
    void runNext(Runner& runner);
    void finished(Runner& runner, const QString& job, const QString& detail, bool outbox, bool media = false);
    Status ensureConnection();
    void onNotification(const QString& name, QSqlDriver::NotificationSource, const QVariant& payload);

    ConnectionSettings m_settings;
    std::shared_ptr<secrets::EngineKeyring> m_keyring;
    QString m_worker;
    std::optional<ScopedConnection> m_connection;
    QTimer m_timer;
    QElapsedTimer m_lastReload;
    std::vector<std::unique_ptr<Runner>> m_runners;
};

} // namespace mhero::engine
