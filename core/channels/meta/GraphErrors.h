#pragma once

#include "channels/ChannelAdapter.h"
#include "net/HttpClient.h"

#include <QString>

#include <optional>

namespace mhero::meta {

/// Meta's Graph API error envelope: {"error": {"message", "type", "code", "error_subcode",
/// "error_data": {"details"}, "fbtrace_id"}}.
struct GraphError
{
    int code = 0;
    int subcode = 0;
    QString message; ///< Meta's words, with error_data.details when it adds something
};

/// The error of an answer, when it carries Graph's envelope.
[[nodiscard]] std::optional<GraphError> graphError(const net::HttpOutcome& outcome);

/// What a failed send means for the outbox, for WhatsApp's Cloud API and Messenger's Send API
/// alike (their codes do not overlap where it matters). The reason begins with Meta's code
/// ("131047: …") so the thread, the log and the console's next step (offer templates, offer
/// SMS) read the same number the status webhooks carry:
///
///  * 190 or 401/403 (the token): transient, the run stops — IT must fix the token;
///  * 4, 80007, 130429, 613 (throughput, app or page rate limits) and HTTP 429: throttled, the
///    whole source waits (Retry-After, else a minute);
///  * 131056 (too many messages to this one person), 1200, 2 and 131000 with a 5xx: transient,
///    this message backs off;
///  * 131047 (window closed), 131026 (cannot receive), 132000/132001/132015/132016 (template
///    parameters, language missing, paused, disabled), 131008/131009/100 (invalid), Messenger 10
///    /2018278 (outside the window), 2018001 (no such person), 551 (unavailable): permanent, with
///    a sentence an agent understands;
///  * an answer that never came, or a 5xx, after the request went out: uncertain.
[[nodiscard]] channels::SendOutcome sendFailure(const net::HttpOutcome& outcome, const QString& platform);

/// The sentence for a Meta error code in the thread, empty when mHero has none of its own.
[[nodiscard]] QString explainCode(int code, int subcode, const QString& platform);

} // namespace mhero::meta
