#pragma once

#include "Result.h"
#include "channels/ChannelSource.h"
#include "channels/meta/MetaSource.h"
#include "secrets/SealedSecrets.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QUrlQuery>

#include <memory>

namespace mhero::meta {

/// WhatsApp (@p platform WhatsApp) or Messenger as a channel kind the sync engine runs: its
/// sources, each with its MetaSync jobs (ChannelRegistry.cpp lists both).
channels::ChannelKind channelKind(MetaSource::Platform platform);

/// What to answer Meta, and what happened.
struct WebhookAnswer
{
    int status = 200;
    QByteArray body;
    QString source; ///< the source's name, when the request named a known one
    bool stored = false; ///< a delivery was kept (or had been kept before)
    bool isNew = false; ///< …and it was not a repeat
};

/// The webhook door of Meta's channels, the front of this folder for the engine's HTTP server
/// (engine/WebhookServer does HTTP and nothing else): which source a request is for, the
/// subscription handshake, the signature, storing a delivery before it is answered, and
/// processing what was stored. See MetaWebhook.h and MetaIntake.h for the rules.
class WebhookDoor final
{
public:
    explicit WebhookDoor(std::shared_ptr<secrets::EngineKeyring> keyring);

    /// Whether @p platform ("whatsapp", "messenger") is one this door serves.
    static bool serves(const QString& platform);

    /// One request for /webhooks/@p platform/@p name. @p method is "GET" or "POST";
    /// @p signature the X-Hub-Signature-256 header; @p peer the caller's address (for the log).
    WebhookAnswer handle(QSqlDatabase& db, const QByteArray& method, const QString& platform, const QString& name,
                         const QUrlQuery& query, const QByteArray& signature, const QByteArray& body,
                         const QString& peer);

    struct Processed
    {
        int events = 0;
        int messages = 0;
        int statuses = 0;
    };
    /// Processes every stored delivery not processed yet (and now and then forgets old ones).
    Result<Processed> processPending(QSqlDatabase& db);

    /// Forget the cached sources (a new connection, a changed secret): read again on next use.
    void reload() { m_lastReload.invalidate(); }

private:
    const MetaSource* findSource(QSqlDatabase& db, const QString& kind, const QString& name);

    std::shared_ptr<secrets::EngineKeyring> m_keyring;
    QHash<QString, MetaSource> m_sources; ///< "kind/name" → source
    QElapsedTimer m_lastReload;
    QElapsedTimer m_lastPurge;
};

} // namespace mhero::meta
