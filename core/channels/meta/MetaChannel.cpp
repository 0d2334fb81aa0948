#include "channels/meta/MetaChannel.h"

#include "channels/meta/MetaIntake.h"
#include "channels/meta/MetaSync.h"
#include "channels/meta/MetaWebhook.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWebhookDoor, "mhero.channel.meta.webhooks")

namespace mhero::meta {

namespace {
constexpr qint64 kReloadMs = 60'000; // new sources and changed secrets, at the latest
constexpr qint64 kMissReloadMs = 5'000; // an unknown name reloads at most this often
constexpr int kPurgeDays = 7;
constexpr qint64 kPurgeEveryMs = 3'600'000;
constexpr int kBatch = 200;

WebhookAnswer answer(int status, const char* body, const QString& source = {})
{
    WebhookAnswer a;
    a.status = status;
    a.body = body;
    a.source = source;
    return a;
}
} // namespace

WebhookDoor::WebhookDoor(std::shared_ptr<secrets::EngineKeyring> keyring)
    : m_keyring(std::move(keyring))
{ }

bool WebhookDoor::serves(const QString& platform)
{
    return platform == QLatin1String("whatsapp") || platform == QLatin1String("messenger");
}

const MetaSource* WebhookDoor::findSource(QSqlDatabase& db, const QString& kind, const QString& name)
{
    const QString key = kind + QLatin1Char('/') + name;
    auto it = m_sources.constFind(key);
    const bool stale = !m_lastReload.isValid() || m_lastReload.hasExpired(kReloadMs);
    const bool missReload = it == m_sources.cend() && m_lastReload.hasExpired(kMissReloadMs);
    if (stale || missReload) {
        m_lastReload.start();
        auto engineKey = m_keyring->get(db);
        auto loaded = loadMetaSources(db, {}, engineKey ? engineKey->get() : nullptr);
        if (!loaded) {
            qCWarning(lcWebhookDoor).noquote() << "cannot read the WhatsApp and Messenger sources:"
                                               << loaded.error().toString();
        } else {
            m_sources.clear();
            for (MetaSource& source : *loaded) {
                if (!engineKey && source.secretError)
                    source.secretError = engineKey.error(); // what IT needs to read
                m_sources.insert(source.kind() + QLatin1Char('/') + source.name, source);
            }
        }
        it = m_sources.constFind(key);
    }
    return it == m_sources.cend() ? nullptr : &it.value();
}

WebhookAnswer WebhookDoor::handle(QSqlDatabase& db, const QByteArray& method, const QString& platform,
                                  const QString& name, const QUrlQuery& query, const QByteArray& signature,
                                  const QByteArray& body, const QString& peer)
{
    const MetaSource* source = serves(platform) ? findSource(db, platform, name) : nullptr;
    if (!source)
        return answer(404, "no such source\n");
    if (source->secretError) {
        // Without its secrets nothing can be checked: refused (Meta delivers again), IT told why.
        qCWarning(lcWebhookDoor).noquote() << source->name << "cannot take webhooks:" << source->secretError->toString();
        return answer(503, "source not ready\n", source->name);
    }
    if (method == "GET") {
        if (auto challenge = handshakeChallenge(query, source->verifyToken)) {
            qCInfo(lcWebhookDoor).noquote() << source->name << "subscription confirmed";
            WebhookAnswer ok = answer(200, "", source->name);
            ok.body = challenge->toUtf8();
            return ok;
        }
        qCWarning(lcWebhookDoor).noquote() << source->name << "refused a subscription handshake (wrong verify token) from"
                                           << peer;
        return answer(403, "forbidden\n", source->name);
    }
    if (method != "POST")
        return answer(405, "GET or POST\n", source->name);
    if (body.isEmpty())
        return answer(400, "empty\n", source->name);
    if (!verifySignature(source->appSecret.toUtf8(), body, signature)) {
        qCWarning(lcWebhookDoor).noquote() << source->name << "refused a delivery with a missing or wrong signature from"
                                           << peer;
        return answer(401, "bad signature\n", source->name);
    }
    MetaIntake intake(db);
    auto stored = intake.store(source->id, body);
    if (!stored) {
        qCWarning(lcWebhookDoor).noquote() << source->name << "could not store a delivery:" << stored.error().toString();
        return answer(503, "try again later\n", source->name);
    }
    WebhookAnswer ok = answer(200, "EVENT_RECEIVED", source->name);
    ok.stored = true;
    ok.isNew = *stored;
    return ok;
}

Result<WebhookDoor::Processed> WebhookDoor::processPending(QSqlDatabase& db)
{
    MetaIntake intake(db);
    Processed total;
    for (;;) {
        auto report = intake.processPending(kBatch);
        if (!report)
            return report.error();
        total.events += report->events;
        total.messages += report->messages;
        total.statuses += report->statuses + report->reads;
        if (report->events < kBatch || report->failed > 0)
            break;
    }
    if (!m_lastPurge.isValid() || m_lastPurge.hasExpired(kPurgeEveryMs)) {
        m_lastPurge.start();
        if (auto purged = intake.purgeProcessed(kPurgeDays); purged && *purged > 0)
            qCInfo(lcWebhookDoor) << "forgot" << *purged << "processed webhook events older than" << kPurgeDays << "days";
    }
    return total;
}

channels::ChannelKind channelKind(MetaSource::Platform platform)
{
    channels::ChannelKind kind;
    kind.kind = platform == MetaSource::Platform::WhatsApp ? QStringLiteral("whatsapp") : QStringLiteral("messenger");
    kind.load = [platform](QSqlDatabase& db, const secrets::EngineKey* key,
                           const std::optional<Error>& keyError) -> Result<QList<channels::LoadedSource>> {
        auto sources = loadMetaSources(db, {}, key);
        if (!sources)
            return sources.error();
        QList<channels::LoadedSource> loaded;
        for (MetaSource& source : *sources) {
            if (source.platform != platform)
                continue;
            if (!key && keyError && source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
                source.secretError = keyError;
            loaded.append({sourceEntry(source), [source](QSqlDatabase& connection, const QString& worker) {
                               return std::unique_ptr<channels::ChannelSource>(
                                   std::make_unique<MetaSync>(source, connection, worker));
                           }});
        }
        return loaded;
    };
    return kind;
}

} // namespace mhero::meta
