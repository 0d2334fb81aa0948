#include "channels/rapidpro/RapidProClient.h"

#include "channels/rapidpro/RapidProMessages.h"
#include "net/HttpSupport.h"
#include "secrets/SealedSecrets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <memory>

Q_LOGGING_CATEGORY(lcRapidPro, "mhero.rapidpro")

namespace mhero::rapidpro {

namespace {
constexpr qint64 kMaxBody = 32 * 1024 * 1024;
constexpr int kMaxRetryAfterMs = 15 * 60 * 1000;
} // namespace

QString HttpOutcome::describe() const
{
    if (status == 0)
        return networkText.isEmpty() ? QCoreApplication::translate("mhero::rapidpro", "no answer") : networkText;
    const QString detail = errorText(body);
    return detail.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                            : QStringLiteral("HTTP %1: %2").arg(status).arg(detail);
}

RapidProClient::RapidProClient(QUrl baseUrl, QString token, QString tokenOrigin, QObject* parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_token(std::move(token))
    , m_tokenOrigin(tokenOrigin.isEmpty() ? secrets::originOf(m_baseUrl) : std::move(tokenOrigin))
{
    // Sources are configured with the server's root ("https://textit.in") or with …/api/v2/.
    QString path = m_baseUrl.path();
    if (path.endsWith(QLatin1String("/api/v2")) || path.endsWith(QLatin1String("/api/v2/")))
        path.truncate(path.lastIndexOf(QLatin1String("/api/v2")));
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    m_baseUrl.setPath(path);
    // Qt keeps the Authorization header when it follows a redirect: only redirects within the
    // token's origin are followed, others end in InsecureRedirectError (see send()).
    m_network.setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

QUrlQuery RapidProClient::query(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery q;
    for (const auto& [key, value] : items)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q;
}

QUrl RapidProClient::endpointUrl(const QString& endpoint, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl.resolved(QUrl(QStringLiteral("api/v2/%1.json").arg(endpoint)));
    url.setQuery(query);
    return url;
}

void RapidProClient::send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                          const RequestOptions& options, OutcomeDone done)
{
    // The token goes to the origin it was entered for, and nowhere else, whatever the URL.
    if (const QString origin = secrets::originOf(url);
        options.withToken && (origin.isEmpty() || origin != m_tokenOrigin)) {
        HttpOutcome refused;
        refused.refusal = tr("The API token was entered for %1; it is not sent to %2.")
                              .arg(m_tokenOrigin, origin.isEmpty() ? url.toString() : origin);
        refused.networkText = refused.refusal;
        done(std::move(refused));
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (options.withToken)
        request.setRawHeader("Authorization", "Token " + m_token.toUtf8());
    else
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, options.contentType);
    const qint64 maxBody = options.maxBody >= 0 ? options.maxBody : kMaxBody;
    ++m_requests;
    // Never sent twice behind our back (see sendAtMostOnce): a POST whose connection dies is an
    // attempt of unknown outcome, looked up before it is tried again.
    QNetworkReply* reply = net::sendAtMostOnce(m_network, request, verb, body);
    auto tooLarge = std::make_shared<bool>(false);
    auto announced = std::make_shared<qint64>(-1);
    auto uploaded = std::make_shared<bool>(body.isEmpty());
    connect(reply, &QNetworkReply::uploadProgress, reply, [uploaded](qint64 sent, qint64 total) {
        if (total > 0 && sent >= total)
            *uploaded = true;
    });
    // Cut off as soon as the answer is known to be too large: when announced, before reading it.
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge, announced, maxBody](qint64 received, qint64 total) {
                if ((received > maxBody || total > maxBody) && !*tooLarge) {
                    *tooLarge = true;
                    *announced = total > 0 ? total : -1;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, tooLarge, announced, maxBody] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBody && !*tooLarge) {
            *tooLarge = true;
            *announced = length.toLongLong();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [reply, verb, tooLarge, announced, uploaded, maxBody, done = std::move(done)]() {
                reply->deleteLater();
                HttpOutcome outcome;
                outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                outcome.networkError = reply->error();
                outcome.body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed when cut off
                outcome.retryAfterMs = net::retryAfterMs(*reply);
                if (outcome.networkError == QNetworkReply::InsecureRedirectError
                    || (outcome.status >= 300 && outcome.status < 400)) {
                    // A redirect to another origin (or one Qt did not follow): the token stays home.
                    const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
                    outcome.status = 0;
                    outcome.refusal
                        = QCoreApplication::translate("mhero::rapidpro",
                                                      "RapidPro redirected to %1, another server; the API token is "
                                                      "not sent there.")
                              .arg(target.isEmpty() ? QString::fromLatin1(reply->rawHeader("Location"))
                                                    : secrets::originOf(reply->url().resolved(target)));
                    outcome.networkText = outcome.refusal;
                    done(std::move(outcome));
                    return;
                }
                if (*tooLarge) {
                    outcome.status = 0;
                    outcome.tooLarge = true;
                    outcome.announcedSize = *announced;
                    outcome.networkText
                        = QCoreApplication::translate("mhero::rapidpro", "the answer was larger than %1 MB")
                              .arg(double(maxBody) / (1024 * 1024), 0, 'f', 1);
                } else if (outcome.status == 0) {
                    outcome.networkText = reply->errorString();
                }
                // A POST whose body went out but whose answer never came may have been carried out. A
                // refused connection or a failed lookup never reached the server.
                if (outcome.status == 0 && verb != "GET") {
                    const auto e = outcome.networkError;
                    outcome.uncertain = *uploaded
                        || !(e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::HostNotFoundError);
                }
                // 5xx after a write: the server may have failed after doing the work.
                if (outcome.status >= 500 && verb != "GET")
                    outcome.uncertain = true;
                done(std::move(outcome));
            });
}

void RapidProClient::get(const QUrl& url, BodyDone done)
{
    // The token only travels to the configured server: a next link pointing elsewhere is refused.
    if (url.scheme() != m_baseUrl.scheme() || url.host() != m_baseUrl.host() || url.port() != m_baseUrl.port()) {
        done(Error{QStringLiteral("rapidpro-foreign-link"),
                   tr("RapidPro sent a link to another server; it is not followed."), url.toString()});
        return;
    }
    attemptGet(url, std::move(done), 1);
}

void RapidProClient::attemptGet(const QUrl& url, BodyDone done, int attempt)
{
    send("GET", url, {}, [this, url, attempt, done = std::move(done)](HttpOutcome outcome) mutable {
        if (outcome.success()) {
            done(std::move(outcome.body));
            return;
        }
        if (!outcome.refusal.isEmpty()) {
            done(Error{QStringLiteral("secret-origin"), outcome.refusal, url.toString()});
            return;
        }
        const bool retryable = outcome.status != 0 ? net::retryableStatus(outcome.status)
                                                   : net::retryableNetworkError(outcome.networkError);
        if (outcome.status == 429) {
            const int wait = outcome.retryAfterMs >= 0 ? std::min(outcome.retryAfterMs, kMaxRetryAfterMs) : 60'000;
            Q_EMIT throttled(wait);
        }
        if (retryable && attempt < m_maxAttempts) {
            int delay = net::backoffMs(attempt, m_firstDelayMs, m_maxDelayMs);
            if (outcome.retryAfterMs >= 0)
                delay = std::min(outcome.retryAfterMs, kMaxRetryAfterMs);
            ++m_retries;
            qCInfo(lcRapidPro).noquote() << "retrying" << url.toString() << "in" << delay << "ms after"
                                         << outcome.describe();
            Q_EMIT retrying(outcome.describe(), delay);
            QTimer::singleShot(delay, this, [this, url, attempt, done = std::move(done)]() mutable {
                attemptGet(url, std::move(done), attempt + 1);
            });
            return;
        }
        QString message;
        if (outcome.status == 401 || outcome.status == 403)
            message = tr("RapidPro refused the API token (HTTP %1).").arg(outcome.status);
        else if (outcome.status != 0)
            message = tr("RapidPro answered HTTP %1.").arg(outcome.status);
        else
            message = tr("RapidPro could not be reached: %1.").arg(outcome.networkText);
        if (retryable)
            message += QLatin1Char(' ') + tr("Gave up after %n attempt(s).", nullptr, attempt);
        done(Error{outcome.status != 0 ? QStringLiteral("http-%1").arg(outcome.status) : QStringLiteral("network"),
                   message, outcome.describe() + QStringLiteral(" (") + url.toString() + QLatin1Char(')')});
    });
}

void RapidProClient::upload(const QString& endpoint, const QString& fileName, const QString& contentType,
                            const QByteArray& bytes, OutcomeDone done)
{
    // multipart/form-data by hand (QHttpMultiPart cannot go through sendAtMostOnce): one part,
    // "file", as RapidPro's media endpoint reads it.
    const QByteArray boundary = "mhero-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QString name = fileName;
    name.replace(QLatin1Char('"'), QLatin1Char('_')).replace(QLatin1Char('\r'), QLatin1Char('_'));
    name.replace(QLatin1Char('\n'), QLatin1Char('_'));
    if (name.isEmpty())
        name = QStringLiteral("attachment");
    QByteArray body;
    body.reserve(bytes.size() + 512);
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + name.toUtf8() + "\"\r\n";
    body += "Content-Type: " + contentType.toLatin1() + "\r\n\r\n";
    body += bytes;
    body += "\r\n--" + boundary + "--\r\n";
    RequestOptions options;
    options.contentType = "multipart/form-data; boundary=" + boundary;
    send("POST", endpointUrl(endpoint), body, options, [this, done = std::move(done)](HttpOutcome outcome) {
        if (outcome.status == 429)
            Q_EMIT throttled(outcome.retryAfterMs >= 0 ? std::min(outcome.retryAfterMs, kMaxRetryAfterMs) : 60'000);
        done(std::move(outcome));
    });
}

void RapidProClient::fetch(const QUrl& url, qint64 maxBytes, OutcomeDone done)
{
    RequestOptions options;
    options.maxBody = maxBytes;
    options.withToken = secrets::originOf(url) == m_tokenOrigin;
    if (!options.withToken && url.scheme() != QLatin1String("https")) {
        HttpOutcome refused;
        refused.refusal = tr("The attachment is kept at %1, which is neither RapidPro's server nor https; it is not "
                             "fetched.")
                              .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
        refused.networkText = refused.refusal;
        done(std::move(refused));
        return;
    }
    send("GET", url, {}, options, std::move(done));
}

void RapidProClient::post(const QString& endpoint, const QJsonObject& body, OutcomeDone done)
{
    send("POST", endpointUrl(endpoint), QJsonDocument(body).toJson(QJsonDocument::Compact),
         [this, done = std::move(done)](HttpOutcome outcome) {
             if (outcome.status == 429)
                 Q_EMIT throttled(outcome.retryAfterMs >= 0 ? std::min(outcome.retryAfterMs, kMaxRetryAfterMs)
                                                            : 60'000);
             done(std::move(outcome));
         });
}

} // namespace mhero::rapidpro
