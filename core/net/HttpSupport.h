#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

namespace mhero::net {

/// HTTP statuses worth another try: throttled (429) and the server's temporary failures.
[[nodiscard]] bool retryableStatus(int status);

/// Network failures worth another try (refused, reset, timed out, DNS hiccups…).
[[nodiscard]] bool retryableNetworkError(QNetworkReply::NetworkError error);

/// An HTTP date ("Wed, 25 Nov 2026 08:05:53 GMT", RFC 9110 IMF-fixdate) in UTC; invalid when
/// unreadable. Qt 6.4's RFC 2822 parser refuses the "GMT" zone name, hence this.
[[nodiscard]] QDateTime parseHttpDate(const QByteArray& value);

/// Retry-After in milliseconds (seconds or an HTTP date); -1 when absent or unreadable.
[[nodiscard]] int retryAfterMs(const QNetworkReply& reply);

/// Exponential backoff with jitter: @p firstMs doubled per attempt (1-based) up to @p maxMs, plus
/// up to half again at random, so many clients do not retry in step.
[[nodiscard]] int backoffMs(int attempt, int firstMs, int maxMs);

} // namespace mhero::net
