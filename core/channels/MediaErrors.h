#pragma once

#include "Result.h"
#include "net/HttpClient.h"

#include <QUrl>

namespace mhero::channels {

/// Why a download of an attachment from @p platform failed, in the codes the media fetcher acts
/// on (ChannelAdapter::fetchMedia()): "media-too-large" (Error::detail: the announced size, when
/// known), "media-refused" (the token would have gone elsewhere), "media-gone" (a 4xx: asking
/// again will not help) or "media-unreachable" (try again later).
[[nodiscard]] Error mediaDownloadError(const net::HttpOutcome& outcome, qint64 maxBytes, const QString& platform,
                                       const QUrl& url);

} // namespace mhero::channels
