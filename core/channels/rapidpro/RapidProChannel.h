#pragma once

#include "channels/ChannelSource.h"

namespace mhero::rapidpro {

/// RapidPro as a channel kind of the sync engine: its sources (loadRapidProSources()) and their
/// jobs (RapidProSync). The front door of this folder: nothing else in it is needed outside.
channels::ChannelKind channelKind();

} // namespace mhero::rapidpro
