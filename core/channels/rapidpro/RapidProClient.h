#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <initializer_list>
#include <utility>

namespace mhero::rapidpro {

/// What one HTTP exchange gave: a status and body, or a network failure. `uncertain` tells
/// whether the server may have acted on a request whose answer never came (the request was
/// written out, then the connection broke or timed out) — the case where sending again could
/// deliver a message twice.
struct HttpOutcome
{
    int status = 0; ///< 0: no HTTP answer
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkText;
    int retryAfterMs = -1;
    bool uncertain = false;
    /// Not sent, or not followed, because the token would have gone to another origin.
    QString refusal;
    /// The answer was larger than the request allowed and was cut off; its size when the
    /// server announced it (Content-Length), else -1.
    bool tooLarge = false;
    qint64 announcedSize = -1;

    [[nodiscard]] bool success() const
    {
        return status >= 200 && status < 300 && networkError == QNetworkReply::NoError;
    }
    /// One line for logs and for the thread ("HTTP 400: contact: No such object").
    [[nodiscard]] QString describe() const;
};

/// Asynchronous client of RapidPro's API v2 (`Authorization: Token …`). Reads (GET) are retried
/// with exponential backoff and jitter on 429 (honouring Retry-After), 5xx and network failures;
/// writes (POST) are tried once, because only the caller knows whether trying again is safe.
/// Answers arrive through callbacks on the thread this object lives in; nothing blocks.
class RapidProClient final : public QObject
{
    Q_OBJECT
public:
    /// @p tokenOrigin: the one origin ("https://host:443") the token may be sent to, as bound
    /// when it was entered; by default the origin of @p baseUrl. A request for another origin,
    /// and a redirect to one, is refused without sending anything.
    RapidProClient(QUrl baseUrl, QString token, QString tokenOrigin = {}, QObject* parent = nullptr);

    /// https://rapidpro.example.org/api/v2/<endpoint>.json?<query>
    [[nodiscard]] QUrl endpointUrl(const QString& endpoint, const QUrlQuery& query = {}) const;
    /// A query string of @p items, each value percent-encoded (RapidPro URNs hold '+' and ':').
    [[nodiscard]] static QUrlQuery query(std::initializer_list<std::pair<QString, QString>> items);
    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

    using BodyDone = std::function<void(Result<QByteArray>)>;
    using OutcomeDone = std::function<void(HttpOutcome)>;

    /// GETs @p url (an endpoint URL or a `next` link, which must point at the same server).
    void get(const QUrl& url, BodyDone done);
    /// POSTs @p body as JSON to @p endpoint, once.
    void post(const QString& endpoint, const QJsonObject& body, OutcomeDone done);
    /// POSTs one file as multipart/form-data (field "file") to @p endpoint, once (media.json).
    void upload(const QString& endpoint, const QString& fileName, const QString& contentType, const QByteArray& bytes,
                OutcomeDone done);
    /// GETs a file the platform keeps (an attachment), once, reading at most @p maxBytes. On
    /// the token's origin the token goes with it; elsewhere (a storage bucket) it is fetched
    /// without it, over https only.
    void fetch(const QUrl& url, qint64 maxBytes, OutcomeDone done);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    void setBackoff(int firstDelayMs, int maxDelayMs)
    {
        m_firstDelayMs = firstDelayMs;
        m_maxDelayMs = maxDelayMs;
    }
    [[nodiscard]] int requests() const { return m_requests; }
    [[nodiscard]] int retries() const { return m_retries; }

Q_SIGNALS:
    /// RapidPro asked us to slow down for @p delayMs (429): the engine pauses its other jobs too.
    void throttled(int delayMs);
    void retrying(const QString& reason, int delayMs);

private:
    struct RequestOptions
    {
        QByteArray contentType = QByteArrayLiteral("application/json");
        qint64 maxBody = -1; ///< -1: the client's default cap
        bool withToken = true;
    };
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, OutcomeDone done)
    {
        send(verb, url, body, RequestOptions{}, std::move(done));
    }
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, const RequestOptions& options,
              OutcomeDone done);
    void attemptGet(const QUrl& url, BodyDone done, int attempt);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    QString m_tokenOrigin;
    int m_timeoutMs = 30'000;
    int m_maxAttempts = 6;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 60'000;
    int m_requests = 0;
    int m_retries = 0;
};

} // namespace mhero::rapidpro
