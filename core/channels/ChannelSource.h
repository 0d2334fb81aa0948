#pragma once

#include "Result.h"
#include "channels/OutboxSender.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mhero::secrets {
struct EngineKey;
}

namespace mhero::channels {

/// One source of a channel kind (a row of mhero.source whose kind is in mhero.channel_kind), as
/// the sync engine finds it.
struct SourceEntry
{
    int id = 0;
    QString name;
    QString kind;
    /// Changes whenever anything the source's jobs use changes (URL, settings, the opened
    /// secret): the engine replaces a source's jobs only then.
    QByteArray fingerprint;
    std::optional<Error> secretError; ///< why its secret cannot be used (logged by the engine)
};

/// A fingerprint of @p fields (length-prefixed, so no two lists collide): for SourceEntry.
QByteArray fingerprintOf(const QStringList& fields);

/// The sync engine's jobs for one channel source: its polls (platforms that must be asked for
/// news, like RapidPro) and its outbox (channels::OutboxSender over the source's adapter). A
/// platform that pushes (webhooks) simply has no polls. Implemented in each platform's folder
/// (core/channels/<platform>/); the engine knows only this interface, so a new platform is an
/// adapter, its jobs and a line in ChannelRegistry.cpp — never a change to the engine.
///
/// Every job is asynchronous on the engine's thread, on the connection it was given, and calls
/// its @p done exactly once. The engine runs at most one poll at a time per source, and the
/// outbox beside it.
class ChannelSource : public QObject
{
    Q_OBJECT
public:
    struct Poll
    {
        QString job; ///< "inbound", "statuses", "contacts": its name in the log and in signals
        qint64 intervalMs = 0; ///< how often it is due
    };

    [[nodiscard]] virtual const SourceEntry& entry() const = 0;
    /// The source's polls, most urgent first: when several are due, the first runs.
    [[nodiscard]] virtual QList<Poll> polls() const = 0;
    /// Runs the poll named @p job; @p done gets how many rows it changed.
    virtual void poll(const QString& job, std::function<void(Result<int>)> done) = 0;
    /// Sends what is due in the outbox, until nothing is due.
    virtual void sendOutbox(std::function<void(Result<SendReport>)> done) = 0;
    /// The source's adapter (the media fetcher uses it too).
    [[nodiscard]] virtual ChannelAdapter& adapter() = 0;
    /// What the platform carries, as its adapter declares it (the row of mhero.channel_kind that
    /// consoles read must say the same; tests hold them equal).
    [[nodiscard]] virtual ChannelCapabilities capabilities() const = 0;
    /// The platform asked us to wait: no job should start now.
    [[nodiscard]] virtual bool throttled() const = 0;

protected:
    using QObject::QObject;
};

/// A source as loaded, ready to have its jobs made on the engine's connection.
struct LoadedSource
{
    SourceEntry entry;
    std::function<std::unique_ptr<ChannelSource>(QSqlDatabase& db, const QString& worker)> make;
};

/// A channel kind the sync engine can run (one per platform folder).
struct ChannelKind
{
    QString kind; ///< mhero.source.kind and mhero.channel_kind.kind
    /// Its enabled sources with their secrets opened with @p key. Without a key (nullptr) every
    /// source gets @p keyError — why the engine has none, which is what IT needs to read — as its
    /// secretError, and its jobs record that instead of running.
    std::function<Result<QList<LoadedSource>>(QSqlDatabase& db, const secrets::EngineKey* key,
                                              const std::optional<Error>& keyError)>
        load;
};

} // namespace mhero::channels
