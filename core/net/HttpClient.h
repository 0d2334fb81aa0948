#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace mhero::net {

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

/// The readable part of an API's error answer: RapidPro's {"detail": …} or field errors
/// ({"urns": ["…"]}), Meta's Graph envelope {"error": {"message": …, "code": …}}, else the
/// start of the body.
[[nodiscard]] QString errorText(const QByteArray& body);

/// One part of a multipart/form-data body.
struct FormPart
{
    QByteArray name; ///< the field ("file", "type", "messaging_product")
    QByteArray value; ///< its bytes
    QString fileName; ///< set for a file part (its Content-Disposition filename)
    QByteArray contentType; ///< set for a file part
};

/// The HTTP layer every platform client shares (RapidPro's API, Meta's Graph API), hardened once:
///
///  * **the token stays home**: it goes only to the origin it was entered for (bound when the
///    secret was sealed); a request for another origin, and a redirect to one, is refused
///    without sending anything;
///  * **writes are at most once**: a POST goes through net::sendAtMostOnce, so Qt never replays
///    it on a dropped keep-alive connection; an answer that never came marks the outcome
///    `uncertain` (the caller looks the message up before trying again);
///  * **answers are capped** (32 MB, or what the caller allows): a larger one is cut off, before
///    it is read when the server announced its size;
///  * **reads are retried** (get()) with exponential backoff and jitter on 429 (honouring
///    Retry-After, reported through throttled()), 5xx and network failures; writes never are.
///
/// Answers arrive through callbacks on the thread this object lives in; nothing blocks.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    /// @p service names the platform in messages ("RapidPro", "WhatsApp"). @p authScheme is the
    /// Authorization scheme ("Token", "Bearer"). @p tokenOrigin: the one origin
    /// ("https://host:443") the token may be sent to.
    HttpClient(QString service, QByteArray authScheme, QString token, QString tokenOrigin, QObject* parent = nullptr);

    using BodyDone = std::function<void(Result<QByteArray>)>;
    using OutcomeDone = std::function<void(HttpOutcome)>;

    struct RequestOptions
    {
        QByteArray contentType = QByteArrayLiteral("application/json");
        qint64 maxBody = -1; ///< -1: the client's default cap
        bool withToken = true;
        /// One more origin the token may go to for this request (WhatsApp's media host).
        QString alsoTokenOrigin;
    };

    /// GETs @p url on the token's origin, retrying what is worth retrying (see the class).
    void get(const QUrl& url, BodyDone done);
    /// POSTs @p body as JSON to @p url, once.
    void postJson(const QUrl& url, const QJsonObject& body, OutcomeDone done);
    /// POSTs @p parts as multipart/form-data to @p url, once.
    void postForm(const QUrl& url, const QList<FormPart>& parts, OutcomeDone done);
    /// GETs a file the platform keeps (an attachment), once, reading at most @p maxBytes. On the
    /// token's origin the token goes with it; elsewhere (a storage bucket, a CDN) it is fetched
    /// without it, over https only — unless @p tokenAnywhere, for platforms whose download links
    /// need the token wherever they point (WhatsApp's media URLs); then only over https or on the
    /// token's origin.
    void fetch(const QUrl& url, qint64 maxBytes, OutcomeDone done, bool tokenAnywhere = false);
    /// One request, once, with @p options: the primitive the others use.
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, const RequestOptions& options,
              OutcomeDone done);

    [[nodiscard]] const QString& service() const { return m_service; }
    [[nodiscard]] const QString& tokenOrigin() const { return m_tokenOrigin; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    void setBackoff(int firstDelayMs, int maxDelayMs)
    {
        m_firstDelayMs = firstDelayMs;
        m_maxDelayMs = maxDelayMs;
    }
    [[nodiscard]] int requests() const { return m_requests; }
    [[nodiscard]] int retries() const { return m_retries; }

    /// How long a 429 asks us to wait, bounded (15 minutes) and defaulting to a minute.
    [[nodiscard]] static int throttleDelayMs(const HttpOutcome& outcome);

Q_SIGNALS:
    /// The platform asked us to slow down for @p delayMs (429): the engine pauses its other jobs too.
    void throttled(int delayMs);
    void retrying(const QString& reason, int delayMs);

private:
    void attemptGet(const QUrl& url, BodyDone done, int attempt);

    QNetworkAccessManager m_network;
    QString m_service;
    QByteArray m_authorization;
    QString m_tokenOrigin;
    int m_timeoutMs = 30'000;
    int m_maxAttempts = 6;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 60'000;
    int m_requests = 0;
    int m_retries = 0;
};

} // namespace mhero::net
