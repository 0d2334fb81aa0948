#include "sync/SyncEngine.h"

#include "messaging/ChannelSyncService.h"
#include "sync/DirectorySyncService.h"

namespace mhero::sync {

SyncEngine::SyncEngine(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
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
    auto* directory = new DirectorySyncService(m_settings);
    directory->moveToThread(&m_directoryThread);
    connect(&m_directoryThread, &QThread::finished, directory, &QObject::deleteLater);
    m_directoryThread.start();
    QMetaObject::invokeMethod(directory, &DirectorySyncService::start, Qt::QueuedConnection);

    auto* channels = new messaging::ChannelSyncService(m_settings);
    channels->moveToThread(&m_channelThread);
    connect(&m_channelThread, &QThread::finished, channels, &QObject::deleteLater);
    m_channelThread.start();
    QMetaObject::invokeMethod(channels, &messaging::ChannelSyncService::start, Qt::QueuedConnection);
}

void SyncEngine::stop()
{
    m_directoryThread.quit();
    m_channelThread.quit();
    m_directoryThread.wait();
    m_channelThread.wait();
}

} // namespace mhero::sync
