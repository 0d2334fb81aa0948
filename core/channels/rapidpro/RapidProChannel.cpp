#include "channels/rapidpro/RapidProChannel.h"

#include "channels/rapidpro/RapidProSource.h"
#include "channels/rapidpro/RapidProSync.h"

namespace mhero::rapidpro {

channels::ChannelKind channelKind()
{
    channels::ChannelKind kind;
    kind.kind = QStringLiteral("rapidpro");
    kind.load = [](QSqlDatabase& db, const secrets::EngineKey* key,
                   const std::optional<Error>& keyError) -> Result<QList<channels::LoadedSource>> {
        auto sources = loadRapidProSources(db, {}, key);
        if (!sources)
            return sources.error();
        for (RapidProSource& source : *sources)
            if (!key && keyError && source.secretError && source.secretError->code == QLatin1String("no-engine-key"))
                source.secretError = keyError;
        QList<channels::LoadedSource> loaded;
        loaded.reserve(sources->size());
        for (const RapidProSource& source : std::as_const(*sources))
            loaded.append({sourceEntry(source), [source](QSqlDatabase& connection, const QString& worker) {
                               return std::unique_ptr<channels::ChannelSource>(
                                   std::make_unique<RapidProSync>(source, connection, worker));
                           }});
        return loaded;
    };
    return kind;
}

} // namespace mhero::rapidpro
