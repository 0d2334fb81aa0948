#include "messaging/ChannelSyncService.h"

#include "db/Sql.h"
#include "db/Notifications.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChannelSync, "mhero.sync.channel")

namespace mhero::messaging {

namespace {
QString lockKey(int sourceId)
{
    return QStringLiteral("hashtextextended('mhero.sync.channel.%1', 0)").arg(sourceId);
}

constexpr qint64 kLockRetryMs = 5'000;
constexpr qint64 kReloadMs = 60'000;
constexpr qint64 kStatusesMs = 15'000;
constexpr qint64 kContactsMs = 60'000;
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
        if (runner->sync->source().id == sourceId) {
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
    auto sources = loadRapidProSources(m_connection->db(), {}, key ? key->get() : nullptr);
    if (!sources) {
        qCWarning(lcChannelSync).noquote() << "cannot read the RapidPro sources:" << sources.error().toString();
        return;
    }
    for (RapidProSource& source : *sources)
        if (!key && source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
            source.secretError = key.error(); // the reason is what IT needs to read
    for (const RapidProSource& source : std::as_const(*sources))
        if (source.secretError)
            qCWarning(lcChannelSync).noquote() << source.name << "does not run:" << source.secretError->message;
    for (const RapidProSource& source : *sources) {
        bool alreadyLocked = false;
        auto it = std::find_if(m_runners.begin(), m_runners.end(),
                               [&](const auto& r) { return r->sync->source().id == source.id; });
        if (it != m_runners.end()) {
            const RapidProSource& known = (*it)->sync->source();
            if (known.token == source.token && known.tokenOrigin == source.tokenOrigin
                && known.secretError == source.secretError && known.baseUrl == source.baseUrl
                && known.region == source.region && known.pollSeconds == source.pollSeconds
                && known.overlapSeconds == source.overlapSeconds && known.maxPages == source.maxPages
                && known.sendPerSecond == source.sendPerSecond)
                continue;
            if ((*it)->busy())
                continue; // changed settings apply when its job is done (next reload)
            alreadyLocked = (*it)->locked; // the new runner keeps the lock: no gap, no second hold
            m_runners.erase(it);
        }
        auto runner = std::make_unique<Runner>();
        runner->sync = std::make_unique<RapidProSync>(source, m_connection->db(), m_worker);
        runner->media
            = std::make_unique<channels::MediaFetcher>(runner->sync->adapter(), source.id, m_connection->db());
        if (alreadyLocked) {
            runner->locked = true;
        } else {
            auto locked = sql::scalar(m_connection->db(),
                                      QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey(source.id)));
            runner->locked = locked && locked->toBool();
        }
        runner->lastLockTry.start();
        if (runner->locked) {
            qCInfo(lcChannelSync).noquote() << "running the jobs of" << source.name;
            Q_EMIT sourceActive(source.name, true);
        } else {
            qCInfo(lcChannelSync).noquote() << source.name << "is served by another sync engine; standing by";
        }
        m_runners.push_back(std::move(runner));
    }
    // Sources disabled or removed: let them go.
    std::erase_if(m_runners, [&](const auto& r) {
        const bool gone = !r->busy() && std::none_of(sources->begin(), sources->end(), [&](const RapidProSource& s) {
            return s.id == r->sync->source().id;
        });
        if (gone && r->locked)
            (void)sql::scalar(m_connection->db(),
                              QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey(r->sync->source().id)));
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
                                      QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey(runner->sync->source().id)));
            runner->locked = locked && locked->toBool();
            if (runner->locked) {
                qCInfo(lcChannelSync).noquote() << "taking over the jobs of" << runner->sync->source().name;
                Q_EMIT sourceActive(runner->sync->source().name, true);
            }
        }
        if (runner->locked)
            runNext(*runner);
    }
}

void ChannelSyncService::runNext(Runner& runner)
{
    RapidProSync& sync = *runner.sync;
    if (sync.throttled())
        return;
    const auto due = [](const QElapsedTimer& last, qint64 ms) { return !last.isValid() || last.hasExpired(ms); };
    Runner* r = &runner;
    // Two lanes: the outbox never waits for a poll, whatever the poll is doing.
    if (!runner.sending && (runner.outboxWanted || due(runner.lastOutbox, kOutboxMs))) {
        runner.sending = true;
        runner.outboxWanted = false;
        runner.lastOutbox.start();
        sync.sendOutbox([this, r](Result<channels::SendReport> report) {
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
    if (due(runner.lastInbound, qint64(sync.source().pollSeconds) * 1000)) {
        runner.polling = true;
        runner.lastInbound.start();
        sync.pollInbound([this, r](Result<int> added) {
            finished(*r, QStringLiteral("inbound"),
                     added ? QStringLiteral("%1 new").arg(*added) : added.error().toString(), false);
        });
    } else if (due(runner.lastStatuses, kStatusesMs)) {
        runner.polling = true;
        runner.lastStatuses.start();
        sync.pollStatuses([this, r](Result<int> changed) {
            finished(*r, QStringLiteral("statuses"),
                     changed ? QStringLiteral("%1 changed").arg(*changed) : changed.error().toString(), false);
        });
    } else if (due(runner.lastContacts, kContactsMs)) {
        runner.polling = true;
        runner.lastContacts.start();
        sync.pollContacts([this, r](Result<int> changed) {
            finished(*r, QStringLiteral("contacts"),
                     changed ? QStringLiteral("%1 changed").arg(*changed) : changed.error().toString(), false);
        });
    }
}

void ChannelSyncService::finished(Runner& runner, const QString& job, const QString& detail, bool outbox, bool media)
{
    if (!media)
        (outbox ? runner.sending : runner.polling) = false;
    qCDebug(lcChannelSync).noquote() << runner.sync->source().name << job << detail;
    Q_EMIT jobFinished(runner.sync->source().name, job, detail);
    if (runner.locked && m_timer.isActive())
        QMetaObject::invokeMethod(this, [this, r = &runner] {
            for (auto& candidate : m_runners)
                if (candidate.get() == r && r->locked)
                    runNext(*r);
        }, Qt::QueuedConnection);
}

} // namespace mhero::messaging
