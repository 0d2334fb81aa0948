#pragma once

#include "channels/ChannelSource.h"

#include <QList>

namespace mhero::channels {

/// Every channel kind this build can run. ChannelRegistry.cpp is the one place outside the
/// platform folders that names them; the engine, the CLI and the tests go through this list.
const QList<ChannelKind>& channelKinds();

} // namespace mhero::channels
