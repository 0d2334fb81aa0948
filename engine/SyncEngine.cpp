#include "engine/SyncEngine.h"

#include "engine/ChannelSyncService.h"
#include "engine/DirectorySyncService.h"
#include "secrets/SealedSecrets.h"

namespace mhero::engine {

SyncEngine::SyncEngine(ConnectionSettings settings, QString keyPath, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keyPath(std::move(keyPath))
{
    m_directoryThread.setObjectName(QStringLiteral("directory-sync"));
    m_channelThread.setObjectName(QStringLiteral("channel-sync"));
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::start()
{
    if (running())
        return;
    // One key for both jobs: the first to need it loads (or makes and publishes) it.
    auto keyring = std::make_shared<secrets::EngineKeyring>(m_keyPath, true);
    auto* directory = new DirectorySyncService(m_settings, keyring);
    directory->moveToThread(&m_directoryThread);
    connect(&m_directoryThread, &QThread::finished, directory, &QObject::deleteLater);
    m_directoryThread.start();
    QMetaObject::invokeMethod(directory, &DirectorySyncService::start, Qt::QueuedConnection);

    auto* channels = new ChannelSyncService(m_settings, keyring);
    channels->moveToThread(&m_channelThread);
    connect(&m_channelThread, &QThread::finished, channels, &QObject::deleteLater);
    m_channelThread.start();
    QMetaObject::invokeMethod(channels, &ChannelSyncService::start, Qt::QueuedConnection);
}

void SyncEngine::stop()
{
    m_directoryThread.quit();
    m_channelThread.quit();
    m_directoryThread.wait();
    m_channelThread.wait();
}

LocalEngineFactory localEngineFactory()
{
    return [](const ConnectionSettings& owner, const QString& keyPath) -> std::unique_ptr<LocalEngine> {
        return std::make_unique<SyncEngine>(owner, keyPath);
    };
}

} // namespace mhero::engine
