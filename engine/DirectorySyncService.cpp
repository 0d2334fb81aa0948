#include "engine/DirectorySyncService.h"

#include "db/Sql.h"
#include "sources/SyncProgress.h"

#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcDirectorySync, "mhero.sync.directory")

namespace mhero::engine {

using fhir::FhirSource;
using fhir::loadFhirSources;
using sources::SourceAdapter;
using sources::SyncProgress;
using sources::SyncReport;

namespace {
QString lockKey(int sourceId)
{
    return QStringLiteral("hashtextextended('mhero.sync.directory.%1', 0)").arg(sourceId);
}
} // namespace

DirectorySyncService::DirectorySyncService(ConnectionSettings settings,
                                           std::shared_ptr<secrets::EngineKeyring> keyring, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keyring(std::move(keyring))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DirectorySyncService::round);
}

DirectorySyncService::~DirectorySyncService() = default;

void DirectorySyncService::start()
{
    round();
}

void DirectorySyncService::stop()
{
    m_timer.stop();
    m_queue.clear();
}

Status DirectorySyncService::ensureConnection()
{
    if (m_connection && sql::isConnectionHealthy(m_connection->db()))
        return {};
    m_connection.reset();
    ConnectionSettings settings = m_settings;
    settings.applicationName = QStringLiteral("mhero-server directory sync");
    auto opened = ScopedConnection::open(settings, QStringLiteral("directory-sync"));
    if (!opened)
        return opened.error();
    m_connection.emplace(std::move(opened.value()));
    return {};
}

void DirectorySyncService::round()
{
    int minutes = 15;
    if (Status connected = ensureConnection(); !connected) {
        qCWarning(lcDirectorySync).noquote() << "cannot connect:" << connected.error().toString();
        m_timer.start(60'000);
        return;
    }
    if (auto v = sql::scalar(m_connection->db(),
                             QStringLiteral("SELECT (value #>> '{}')::int FROM mhero.setting "
                                            "WHERE key = 'directory.sync_interval_minutes'"));
        v && v->toInt() > 0)
        minutes = v->toInt();
    m_timer.setInterval(minutes * 60'000);
    auto key = m_keyring->get(m_connection->db());
    if (!key)
        qCWarning(lcDirectorySync).noquote() << "no engine key, so no source secret can be opened:"
                                             << key.error().toString();
    auto sources = loadFhirSources(m_connection->db(), {}, key ? key->get() : nullptr);
    if (sources && !key)
        for (FhirSource& source : *sources)
            if (source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
                source.secretError = key.error();
    if (!sources) {
        qCWarning(lcDirectorySync).noquote() << "cannot read the sources:" << sources.error().toString();
        m_timer.start();
        return;
    }
    m_queue = *sources;
    m_done = 0;
    next();
}

void DirectorySyncService::next()
{
    while (!m_queue.isEmpty()) {
        const FhirSource source = m_queue.takeFirst();
        auto locked = sql::scalar(m_connection->db(),
                                  QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(lockKey(source.id)));
        if (!locked || !locked->toBool()) {
            qCInfo(lcDirectorySync).noquote() << source.name << "is being synced by another server; skipped";
            continue;
        }
        qCInfo(lcDirectorySync).noquote() << "syncing" << source.name;
        m_running = fhir::createSync(m_connection->db(), source).release();
        m_running->setParent(this);
        auto progress = std::make_shared<SyncProgress>(m_connection->db(), source.id);
        connect(m_running, &SourceAdapter::progress, this, [progress](const QString& pass, int pages, int resources) {
            progress->report(pass, pages, resources);
        });
        connect(m_running, &SourceAdapter::finished, this, [this, progress, id = source.id](const SyncReport& report) {
            progress->clear();
            (void)sql::scalar(m_connection->db(), QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey(id)));
            if (report.error)
                qCWarning(lcDirectorySync).noquote() << report.source << "failed:" << report.error->toString();
            else
                qCInfo(lcDirectorySync).noquote()
                    << report.source << ":" << report.pages << "pages," << report.people << "people," << report.roles
                    << "roles," << report.deleted << "deleted in" << report.elapsedMs << "ms";
            ++m_done;
            Q_EMIT sourceSynced(report);
            m_running->deleteLater();
            m_running = nullptr;
            next();
        });
        m_running->start();
        return;
    }
    Q_EMIT roundFinished(m_done);
    m_timer.start();
}

} // namespace mhero::engine
