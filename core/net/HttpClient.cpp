#include "net/HttpClient.h"

#include "net/HttpSupport.h"
#include "secrets/SealedSecrets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <memory>

Q_LOGGING_CATEGORY(lcHttp, "mhero.http")

namespace mhero::net {

namespace {
constexpr qint64 kMaxBody = 32 * 1024 * 1024;
constexpr int kMaxRetryAfterMs = 15 * 60 * 1000;

/// A value safe inside a quoted Content-Disposition parameter.
QByteArray quotedSafe(QString text)
{
    text.replace(QLatin1Char('"'), QLatin1Char('_')).replace(QLatin1Char('\r'), QLatin1Char('_'));
    text.replace(QLatin1Char('\n'), QLatin1Char('_'));
    return text.toUtf8();
}
} // namespace

QString errorText(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return QString::fromUtf8(body.left(300)).simplified();
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("detail")).isString())
        return object.value(QLatin1String("detail")).toString();
    // Meta's Graph API: {"error": {"message", "type", "code", "error_data": {"details"}}}.
    if (const QJsonValue error = object.value(QLatin1String("error")); error.isObject()) {
        const QJsonObject e = error.toObject();
        QString text = e.value(QLatin1String("message")).toString();
        const QString details = e.value(QLatin1String("error_data")).toObject().value(QLatin1String("details")).toString();
        if (!details.isEmpty() && details != text)
            text += QLatin1String(" — ") + details;
        if (e.contains(QLatin1String("code")))
            text = QString::number(e.value(QLatin1String("code")).toInt()) + QLatin1String(": ") + text;
        return text.left(500);
    }
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        QStringList messages;
        for (const QJsonValue& v : it.value().toArray())
            messages.append(v.toString());
        if (it.value().isString())
            messages.append(it.value().toString());
        const QString text = messages.join(QLatin1Char(' '));
        parts.append(it.key() == QLatin1String("non_field_errors") ? text : it.key() + QLatin1String(": ") + text);
    }
    return parts.join(QLatin1String("; ")).left(500);
}

QString HttpOutcome::describe() const
{
    if (status == 0)
        return networkText.isEmpty() ? QCoreApplication::translate("mhero::net", "no answer") : networkText;
    const QString detail = errorText(body);
    return detail.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                            : QStringLiteral("HTTP %1: %2").arg(status).arg(detail);
}

HttpClient::HttpClient(QString service, QByteArray authScheme, QString token, QString tokenOrigin, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_authorization(authScheme + ' ' + token.toUtf8())
    , m_tokenOrigin(std::move(tokenOrigin))
{
    // Qt keeps the Authorization header when it follows a redirect: only redirects within the
    // token's origin are followed, others end in InsecureRedirectError (see send()).
    m_network.setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

int HttpClient::throttleDelayMs(const HttpOutcome& outcome)
{
    return outcome.retryAfterMs >= 0 ? std::min(outcome.retryAfterMs, kMaxRetryAfterMs) : 60'000;
}

void HttpClient::send(const QByteArray& verb, const QUrl& url, const QByteArray& body, const RequestOptions& options,
                      OutcomeDone done)
{
    // The token goes to the origin it was entered for, and nowhere else, whatever the URL.
    if (const QString origin = secrets::originOf(url);
        options.withToken && (origin.isEmpty() || (origin != m_tokenOrigin && origin != options.alsoTokenOrigin))) {
        HttpOutcome refused;
        refused.refusal = tr("The access token was entered for %1; it is not sent to %2.")
                              .arg(m_tokenOrigin, origin.isEmpty() ? url.toString() : origin);
        refused.networkText = refused.refusal;
        done(std::move(refused));
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (options.withToken)
        request.setRawHeader("Authorization", m_authorization);
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
            [this, reply, verb, tooLarge, announced, uploaded, maxBody, done = std::move(done)]() {
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
                    outcome.refusal = tr("%1 redirected to %2, another server; the access token is not sent there.")
                                          .arg(m_service,
                                               target.isEmpty() ? QString::fromLatin1(reply->rawHeader("Location"))
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
                        = tr("the answer was larger than %1 MB").arg(double(maxBody) / (1024 * 1024), 0, 'f', 1);
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
                if (outcome.status == 429)
                    Q_EMIT throttled(throttleDelayMs(outcome));
                done(std::move(outcome));
            });
}

void HttpClient::get(const QUrl& url, BodyDone done)
{
    attemptGet(url, std::move(done), 1);
}

void HttpClient::attemptGet(const QUrl& url, BodyDone done, int attempt)
{
    send("GET", url, {}, RequestOptions{}, [this, url, attempt, done = std::move(done)](HttpOutcome outcome) mutable {
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
        if (retryable && attempt < m_maxAttempts) {
            int delay = net::backoffMs(attempt, m_firstDelayMs, m_maxDelayMs);
            if (outcome.retryAfterMs >= 0)
                delay = std::min(outcome.retryAfterMs, kMaxRetryAfterMs);
            ++m_retries;
            qCInfo(lcHttp).noquote() << "retrying" << url.toDisplayString(QUrl::RemoveQuery) << "in" << delay
                                     << "ms after" << outcome.describe();
            Q_EMIT retrying(outcome.describe(), delay);
            QTimer::singleShot(delay, this, [this, url, attempt, done = std::move(done)]() mutable {
                attemptGet(url, std::move(done), attempt + 1);
            });
            return;
        }
        QString message;
        if (outcome.status == 401 || outcome.status == 403)
            message = tr("%1 refused the access token (HTTP %2).").arg(m_service).arg(outcome.status);
        else if (outcome.status != 0)
            message = tr("%1 answered HTTP %2.").arg(m_service).arg(outcome.status);
        else
            message = tr("%1 could not be reached: %2.").arg(m_service, outcome.networkText);
        if (retryable)
            message += QLatin1Char(' ') + tr("Gave up after %n attempt(s).", nullptr, attempt);
        done(Error{outcome.status != 0 ? QStringLiteral("http-%1").arg(outcome.status) : QStringLiteral("network"),
                   message,
                   outcome.describe() + QStringLiteral(" (") + url.toDisplayString(QUrl::RemoveQuery)
                       + QLatin1Char(')')});
    });
}

void HttpClient::postJson(const QUrl& url, const QJsonObject& body, OutcomeDone done)
{
    send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), RequestOptions{}, std::move(done));
}

void HttpClient::postForm(const QUrl& url, const QList<FormPart>& parts, OutcomeDone done)
{
    // multipart/form-data by hand: QHttpMultiPart cannot go through sendAtMostOnce.
    const QByteArray boundary = "mhero-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray body;
    qsizetype size = 256;
    for (const FormPart& part : parts)
        size += part.value.size() + 256;
    body.reserve(size);
    for (const FormPart& part : parts) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + quotedSafe(QString::fromLatin1(part.name)) + '"';
        if (!part.contentType.isEmpty()) {
            const QByteArray name = quotedSafe(part.fileName);
            body += "; filename=\"" + (name.isEmpty() ? QByteArrayLiteral("attachment") : name) + "\"\r\n";
            body += "Content-Type: " + part.contentType + "\r\n\r\n";
        } else {
            body += "\r\n\r\n";
        }
        body += part.value;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    RequestOptions options;
    options.contentType = "multipart/form-data; boundary=" + boundary;
    send("POST", url, body, options, std::move(done));
}

void HttpClient::fetch(const QUrl& url, qint64 maxBytes, OutcomeDone done, bool tokenAnywhere)
{
    RequestOptions options;
    options.maxBody = maxBytes;
    const bool home = secrets::originOf(url) == m_tokenOrigin;
    options.withToken = home || tokenAnywhere;
    if (!home && url.scheme() != QLatin1String("https")) {
        HttpOutcome refused;
        refused.refusal = tr("The attachment is kept at %1, which is neither %2's server nor https; it is not fetched.")
                              .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), m_service);
        refused.networkText = refused.refusal;
        done(std::move(refused));
        return;
    }
    if (options.withToken && !home)
        options.alsoTokenOrigin = secrets::originOf(url); // on purpose, over https (checked above)
    send("GET", url, {}, options, std::move(done));
}

} // namespace mhero::net
