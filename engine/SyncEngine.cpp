#include "engine/SyncEngine.h"

#include "engine/ChannelSyncService.h"
#include "engine/DirectorySyncService.h"
#include "engine/WebhookServer.h"
#include "secrets/SealedSecrets.h"

#include <QRegularExpression>

namespace mhero::engine {

SyncEngine::SyncEngine(ConnectionSettings settings, QString keyPath, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keyPath(std::move(keyPath))
{
    m_directoryThread.setObjectName(QStringLiteral("directory-sync"));
    m_channelThread.setObjectName(QStringLiteral("channel-sync"));
    m_webhookThread.setObjectName(QStringLiteral("webhooks"));
}

void SyncEngine::setWebhookListen(const QHostAddress& address, quint16 port)
{
    m_webhookListen = std::make_pair(address, port);
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

    if (m_webhookListen) {
        auto* webhooks = new WebhookServer(m_settings, keyring);
        webhooks->moveToThread(&m_webhookThread);
        connect(&m_webhookThread, &QThread::finished, webhooks, &QObject::deleteLater);
        m_webhookThread.start();
        const auto [address, port] = *m_webhookListen;
        QMetaObject::invokeMethod(webhooks, [this, webhooks, address = address, port = port] {
            if (auto listening = webhooks->start(address, port); !listening)
                Q_EMIT webhookListenFailed(listening.error().toString());
        }, Qt::QueuedConnection);
    }
}

void SyncEngine::stop()
{
    m_directoryThread.quit();
    m_channelThread.quit();
    m_webhookThread.quit();
    m_directoryThread.wait();
    m_channelThread.wait();
    m_webhookThread.wait();
}

Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^(?:\\[([0-9a-fA-F:.]+)\\]|([^:\\[\\]]*))?:?([0-9]{1,5})$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    const uint port = m.hasMatch() ? m.captured(3).toUInt() : 0;
    const QString host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    QHostAddress address = host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (!m.hasMatch() || port == 0 || port > 65535 || address.isNull())
        return Error{QStringLiteral("bad-listen-address"),
                     QStringLiteral("\"%1\" is not ADDRESS:PORT (e.g. 127.0.0.1:8088, [::1]:8088, 8088).").arg(text),
                     {}};
    return std::make_pair(address, quint16(port));
}

LocalEngineFactory localEngineFactory()
{
    return [](const ConnectionSettings& owner, const QString& keyPath) -> std::unique_ptr<LocalEngine> {
        return std::make_unique<SyncEngine>(owner, keyPath);
    };
}

} // namespace mhero::engine
