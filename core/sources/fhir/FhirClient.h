#pragma once

#include "Result.h"
#include "sources/fhir/FhirSettings.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace mhero::fhir {

/// Asynchronous HTTP GET for FHIR R4 JSON, with what real servers need: authentication,
/// timeouts, retries with exponential backoff and jitter on 429/5xx/network errors (honouring
/// `Retry-After`), a size cap, and OperationOutcome diagnostics in errors. Never blocks: answers
/// arrive through callbacks on the thread this object lives in.
class FhirClient final : public QObject
{
    Q_OBJECT
public:
    FhirClient(QUrl baseUrl, Credentials credentials, QObject* parent = nullptr);

    /// "Practitioner?_count=…" relative to the base URL.
    [[nodiscard]] QUrl searchUrl(const QString& resourceType, const QUrlQuery& query) const;
    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

    using Done = std::function<void(Result<QByteArray>)>;
    /// GETs @p url (absolute: a search URL or a Bundle's next link, which must be on the same
    /// server) and calls @p done once with the body or the final error.
    void get(const QUrl& url, Done done);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    void setBackoff(int firstDelayMs, int maxDelayMs)
    {
        m_firstDelayMs = firstDelayMs;
        m_maxDelayMs = maxDelayMs;
    }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    /// The server's clock (HTTP Date header) at its most recent answer; invalid before one.
    [[nodiscard]] QDateTime lastServerTime() const { return m_lastServerTime; }
    /// Requests retried so far (for reports and tests).
    [[nodiscard]] int retries() const { return m_retries; }

Q_SIGNALS:
    /// A request will be retried after @p delayMs because of @p reason.
    void retrying(const QString& reason, int delayMs);

private:
    void attempt(const QUrl& url, Done done, int attemptNumber);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    int m_timeoutMs = 60'000;
    int m_maxAttempts = 6;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 30'000;
    qint64 m_maxBodyBytes = 64 * 1024 * 1024;
    QDateTime m_lastServerTime;
    int m_retries = 0;
};

} // namespace mhero::fhir
