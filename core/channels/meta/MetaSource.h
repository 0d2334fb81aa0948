#pragma once

#include "Result.h"
#include "channels/ChannelSource.h"
#include "secrets/SealedSecrets.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace mhero::meta {

/// Meta's Graph API with the version mHero is written and tested against (the emulator accepts
/// any version): a source's default --graph-url.
inline constexpr QLatin1StringView kDefaultGraphUrl{"https://graph.facebook.com/v21.0/"};

/// A WhatsApp Business number (Cloud API) or a Facebook Page, as a row of mhero.source of kind
/// 'whatsapp' or 'messenger'. Its secret holds three things, sealed together to the sync
/// engine's key: the access token (sent to the Graph API only), the app secret (checks that a
/// webhook came from Meta) and the verify token (answers Meta's subscription handshake).
struct MetaSource
{
    enum class Platform { WhatsApp, Messenger };

    int id = 0;
    QString name;
    Platform platform = Platform::WhatsApp;
    QUrl graphUrl; ///< e.g. https://graph.facebook.com/v21.0/ (the emulator in tests)
    QString phoneNumberId; ///< WhatsApp: the business number's id (messages are sent from it)
    QString businessAccountId; ///< WhatsApp: the WABA (its message templates)
    QString pageId; ///< Messenger: the Page
    QString region; ///< default phone region
    bool enabled = true;

    QString accessToken;
    QString appSecret;
    QString verifyToken;
    QString tokenOrigin; ///< the origin the access token was entered for
    std::optional<Error> secretError; ///< why the secrets cannot be used: nothing is sent or accepted

    [[nodiscard]] QString kind() const
    {
        return platform == Platform::WhatsApp ? QStringLiteral("whatsapp") : QStringLiteral("messenger");
    }
};

/// The three secrets as one sealed text (JSON), and back. Error when a part is missing.
QString packSecrets(const QString& accessToken, const QString& appSecret, const QString& verifyToken);
Status unpackSecrets(const QString& packed, MetaSource& source);

/// Adds a WhatsApp or Messenger source with its secrets (sealed to the engine's key, bound to the
/// Graph API's origin), in one transaction. Checks the URL, the ids (digits, as Meta writes
/// them) and that all three secrets are there.
Status addMetaSource(QSqlDatabase& db, const MetaSource& source);

/// Enabled WhatsApp and Messenger sources (or the one named @p name), with their secrets opened
/// with @p key (see rapidpro::loadRapidProSources()).
Result<QList<MetaSource>> loadMetaSources(QSqlDatabase& db, const QString& name = {},
                                          const secrets::EngineKey* key = nullptr);

/// The source as the sync engine lists it; the fingerprint covers every field and the secrets.
channels::SourceEntry sourceEntry(const MetaSource& source);

} // namespace mhero::meta
