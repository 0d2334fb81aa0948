#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

class QNetworkAccessManager;
class QNetworkRequest;

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

/// Sends a request whose body Qt may not send twice. Qt's HTTP/1.1 stack quietly sends a request
/// again when the server closes a kept-alive connection before answering: harmless for a GET, a
/// second SMS for a POST the server had already carried out (RapidPro has no idempotency key).
/// The body goes out through a device that cannot rewind, so Qt reports
/// QNetworkReply::ContentReSendError instead of resending, and the caller treats the attempt as
/// one of unknown outcome (looks it up before trying again). Bodiless requests go out as usual.
[[nodiscard]] QNetworkReply* sendAtMostOnce(QNetworkAccessManager& network, QNetworkRequest request,
                                            const QByteArray& verb, const QByteArray& body);

} // namespace mhero::net
