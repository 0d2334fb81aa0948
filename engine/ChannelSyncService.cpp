#include "engine/ChannelSyncService.h"

#include "channels/ChannelRegistry.h"
#include "db/Notifications.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChannelSync, "mhero.sync.channel")

namespace mhero::engine {

namespace {
QString lockKey(int sourceId)
{
    return QStringLiteral("hashtextextended('mhero.sync.channel.%1', 0)").arg(sourceId);
}

constexpr qint64 kLockRetryMs = 5'000;
constexpr qint64 kReloadMs = 60'000;
constexpr qint64 kOutboxMs = 5'000; // retries falling due, even without a notification
constexpr qint64 kMediaMs = 2'000; // new attachments appear with inbound polls (every poll_seconds)
} // namespace

ChannelSyncService::ChannelSyncService(ConnectionSettings settings, std::shared_ptr<secrets::EngineKeyring> keyring,
                                       QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keyring(std::move(keyring))
    , m_worker(QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid()))
    , m_timer(this)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ChannelSyncService::tick);
}

ChannelSyncService::~ChannelSyncService()
{
    m_runners.clear();
}

void ChannelSyncService::setTickInterval(int milliseconds)
{
    m_timer.setInterval(milliseconds);
}

void ChannelSyncService::start()
{
    m_timer.start();
    tick();
}

void ChannelSyncService::stop()
{
    m_timer.stop();
    m_runners.clear();
    m_connection.reset(); // ends the session: its advisory locks go with it
}

Status ChannelSyncService::ensureConnection()
{
    if (m_connection && sql::isConnectionHealthy(m_connection->db()))
        return {};
    if (m_connection) {
        qCWarning(lcChannelSync) << "lost the database connection; every source is given up until it is back";
        m_runners.clear(); // their locks died with the session
    }
    m_connection.reset();
    ConnectionSettings settings = m_settings;
    settings.applicationName = QStringLiteral("mhero sync engine (messaging)");
    auto opened = ScopedConnection::open(settings, QStringLiteral("channel-sync"));
    if (!opened)
        return opened.error();
    m_connection.emplace(std::move(opened.value()));
    QSqlDriver* driver = m_connection->db().driver();
    connect(driver, &QSqlDriver::notification, this, &ChannelSyncService::onNotification, Qt::UniqueConnection);
    driver->subscribeToNotification(QString(notify::kOutbox));
    m_lastReload.invalidate();
    return {};
}

void ChannelSyncService::onNotification(const QString& name, QSqlDriver::NotificationSource, const QVariant& payload)
{
    if (name != notify::kOutbox)
        return;
    const int sourceId = payload.toString().toInt();
    for (auto& runner : m_runners)
        if (runner->channel->entry().id == sourceId) {
            runner->outboxWanted = true;
            if (runner->locked && !runner->sending)
                runNext(*runner);
        }
}

void ChannelSyncService::reloadSources()
{
    m_lastReload.start();
    auto key = m_keyring->get(m_connection->db());
    if (!key)
        qCWarning(lcChannelSync).noquote() << "no engine key, so no source secret can be opened:" << key.error().toString();
    const std::optional<Error> keyError = key ? std::nullopt : std::optional<Error>(key.error());
    QList<channels::LoadedSource> sources;
    for (const channels::ChannelKind& kind : channels::channelKinds()) {
        auto loaded = kind.load(m_connection->db(), key ? key->get() : nullptr, keyError);
        if (!loaded) {
            // Sources of this kind keep what they run; they are looked at again on the next reload.
            qCWarning(lcChannelSync).noquote() << "cannot read the" << kind.kind << "sources:" << loaded.error().toString();
            for (const auto& runner : m_runners)
                if (runner->channel->entry().kind == kind.kind)
                    sources.append({runner->channel->entry(), {}});
            continue;
        }
        sources.append(*loaded);
    }
    for (const channels::LoadedSource& source : std::as_const(sources))
        if (source.make && source.entry.secretError)
            qCWarning(lcChannelSync).noquote() << source.entry.name << "does not run:" << source.entry.secretError->message;
    for (const channels::LoadedSource& source : std::as_const(sources)) {
        if (!source.make)
            continue; // kept as it is (its kind could not be read)
        bool alreadyLocked = false;
        auto it = std::find_if(m_runners.begin(), m_runners.end(),
                               [&](const auto& r) { return r->channel->entry().id == source.entry.id; });
        if (it != m_runners.end()) {
            if ((*it)->channel->entry().fingerprint == source.entry.fingerprint)
                continue;
            if ((*it)->busy())
                continue; // changed settings apply when its job is done (next reload)
            alreadyLocked = (*it)->locked; // the new runner keeps the lock: no gap, no second hold
            m_runners.erase(it);
        }
        auto runner = std::make_unique<Runner>();
        runner->channel = source.make(m_connection->db(), m_worker);
        runner->media = std::make_unique<channels::MediaFetcher>(runner->channel->adapter(), source.entry.id,
                                                                 m_connection->db());
        if (alreadyLocked) {
            runner->locked = true;
        } else {
            auto locked = sql::scalar(m_connection->db(),
                                      QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey(source.entry.id)));
            runner->locked = locked && locked->toBool();
        }
        runner->lastLockTry.start();
        if (runner->locked) {
            qCInfo(lcChannelSync).noquote() << "running the jobs of" << source.entry.name;
            Q_EMIT sourceActive(source.entry.name, true);
        } else {
            qCInfo(lcChannelSync).noquote() << source.entry.name << "is served by another sync engine; standing by";
        }
        m_runners.push_back(std::move(runner));
    }
    // Sources disabled or removed: let them go.
    std::erase_if(m_runners, [&](const auto& r) {
        const bool gone = !r->busy() && std::none_of(sources.begin(), sources.end(), [&](const channels::LoadedSource& s) {
            return s.entry.id == r->channel->entry().id;
        });
        if (gone && r->locked)
            (void)sql::scalar(m_connection->db(),
                              QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey(r->channel->entry().id)));
        return gone;
    });
}

void ChannelSyncService::tick()
{
    if (Status connected = ensureConnection(); !connected) {
        qCWarning(lcChannelSync).noquote() << "cannot connect:" << connected.error().toString();
        return;
    }
    if (!m_lastReload.isValid() || m_lastReload.hasExpired(kReloadMs))
        reloadSources();
    for (auto& runner : m_runners) {
        if (!runner->locked && runner->lastLockTry.hasExpired(kLockRetryMs)) {
            runner->lastLockTry.start();
            auto locked = sql::scalar(m_connection->db(),
                                      QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey(runner->channel->entry().id)));
            runner->locked = locked && locked->toBool();
            if (runner->locked) {
                qCInfo(lcChannelSync).noquote() << "taking over the jobs of" << runner->channel->entry().name;
                Q_EMIT sourceActive(runner->channel->entry().name, true);
            }
        }
        if (runner->locked)
            runNext(*runner);
    }
}

void ChannelSyncService::runNext(Runner& runner)
{
    channels::ChannelSource& channel = *runner.channel;
    if (channel.throttled())
        return;
    const auto due = [](const QElapsedTimer& last, qint64 ms) { return !last.isValid() || last.hasExpired(ms); };
    Runner* r = &runner;
    // Two lanes: the outbox never waits for a poll, whatever the poll is doing.
    if (!runner.sending && (runner.outboxWanted || due(runner.lastOutbox, kOutboxMs))) {
        runner.sending = true;
        runner.outboxWanted = false;
        runner.lastOutbox.start();
        channel.sendOutbox([this, r](Result<channels::SendReport> report) {
            finished(*r, QStringLiteral("outbox"),
                     report ? QStringLiteral("%1 sent, %2 found already sent, %3 to retry, %4 failed, %5 throttled")
                                  .arg(report->sent).arg(report->adopted).arg(report->retrying).arg(report->failed)
                                  .arg(report->throttled)
                            : report.error().toString(),
                     true);
        });
    }
    // Media has a lane of its own too: a large download never delays a poll or a reply.
    if (!runner.fetching && due(runner.lastMedia, kMediaMs)) {
        runner.fetching = true;
        runner.lastMedia.start();
        runner.media->run([this, r](Result<channels::MediaReport> report) {
            r->fetching = false;
            finished(*r, QStringLiteral("media"),
                     report ? QStringLiteral("%1 stored, %2 too large, %3 to retry, %4 failed")
                                  .arg(report->stored)
                                  .arg(report->tooLarge)
                                  .arg(report->retrying)
                                  .arg(report->failed)
                            : report.error().toString(),
                     false, /*media=*/true);
        });
    }
    if (runner.polling)
        return;
    for (const channels::ChannelSource::Poll& poll : channel.polls()) {
        QElapsedTimer& last = runner.lastPoll[poll.job];
        if (!due(last, poll.intervalMs))
            continue;
        runner.polling = true;
        last.start();
        const bool inbound = poll.job == QLatin1String("inbound");
        channel.poll(poll.job, [this, r, job = poll.job, inbound](Result<int> changed) {
            finished(*r, job,
                     changed ? (inbound ? QStringLiteral("%1 new") : QStringLiteral("%1 changed")).arg(*changed)
                             : changed.error().toString(),
                     false);
        });
        return; // one poll at a time
    }
}

void ChannelSyncService::finished(Runner& runner, const QString& job, const QString& detail, bool outbox, bool media)
{
    if (!media)
        (outbox ? runner.sending : runner.polling) = false;
    qCDebug(lcChannelSync).noquote() << runner.channel->entry().name << job << detail;
    Q_EMIT jobFinished(runner.channel->entry().name, job, detail);
    if (runner.locked && m_timer.isActive())
        QMetaObject::invokeMethod(this, [this, r = &runner] {
            for (auto& candidate : m_runners)
                if (candidate.get() == r && r->locked)
                    runNext(*r);
        }, Qt::QueuedConnection);
}

} // namespace mhero::engine
