#include "channels/ChannelRegistry.h"

#include "channels/rapidpro/RapidProChannel.h"

namespace mhero::channels {

const QList<ChannelKind>& channelKinds()
{
    static const QList<ChannelKind> kinds{rapidpro::channelKind()};
    return kinds;
}

} // namespace mhero::channels
