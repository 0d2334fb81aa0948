#pragma once

#include "Result.h"
#include "channels/ChannelSource.h"
#include "secrets/SealedSecrets.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace mhero::rapidpro {

/// A RapidPro workspace the console talks through (a row of mhero.source with kind 'rapidpro').
/// Its API token is a source secret: only the sync engine's role can read it.
struct RapidProSource
{
    int id = 0;
    QString name;
    QUrl baseUrl;
    QString token;
    QString tokenOrigin; ///< the origin the token was entered for (it is sent nowhere else)
    std::optional<Error> secretError; ///< why the token cannot be used: nothing is sent at all
    QString region; ///< default phone region for tel: URNs without a country code
    int pollSeconds = 5; ///< how often inbound messages are polled
    int overlapSeconds = 300; ///< how far back each poll looks again (late-committed messages)
    int historyDays = 7; ///< how far back the first poll reaches
    /// Pages one poll may read before it stops with an error (config max_pages_per_run): a
    /// server whose `next` links never end cannot keep a job busy for ever. 20,000 pages of 250
    /// are five million messages in one poll window, far beyond any real backlog.
    int maxPages = kDefaultMaxPages;
    static constexpr int kDefaultMaxPages = 20'000;
    /// Most messages sent per second (config send_per_second; 0: as fast as RapidPro answers). For
    /// a channel behind RapidPro that throttles on its own terms (an SMS gateway's contract rate),
    /// so mHero does not burn 429s, or a channel's quality rating, finding the limit.
    double sendPerSecond = 0;
    bool enabled = true;
};

/// The source as the sync engine lists it; its fingerprint covers every field above, the token too.
channels::SourceEntry sourceEntry(const RapidProSource& source);

/// Adds a RapidPro source and stores its token, sealed to the sync engine's key
/// (secrets::storeSourceSecret()).
Status addRapidProSource(QSqlDatabase& db, const RapidProSource& source);

/// Enabled RapidPro sources (or the one named @p name), with their tokens opened with @p key: only
/// a connection that may read mhero.source_secret (the sync engine) gets them. A token that cannot
/// be used (none stored, invalidated by a URL change, sealed for another origin, no key) leaves
/// `token` empty and says why in `secretError`.
Result<QList<RapidProSource>> loadRapidProSources(QSqlDatabase& db, const QString& name = {},
                                                  const secrets::EngineKey* key = nullptr);

} // namespace mhero::rapidpro
