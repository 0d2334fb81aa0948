#include "channels/ChannelRegistry.h"

#include "channels/meta/MetaChannel.h"
#include "channels/rapidpro/RapidProChannel.h"

namespace mhero::channels {

const QList<ChannelKind>& channelKinds()
{
    static const QList<ChannelKind> kinds{rapidpro::channelKind(), meta::channelKind(meta::MetaSource::Platform::WhatsApp),
                                          meta::channelKind(meta::MetaSource::Platform::Messenger)};
    return kinds;
}

} // namespace mhero::channels
