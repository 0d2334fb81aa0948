#include "sources/fhir/FhirClient.h"

#include "net/HttpSupport.h"
#include "secrets/SealedSecrets.h"
#include "sources/fhir/FhirPage.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcFhir, "mhero.fhir")

namespace mhero::fhir {

using net::parseHttpDate;
using net::retryableNetworkError;
using net::retryableStatus;
using net::retryAfterMs;

std::optional<Credentials::Method> authMethodFromString(const QString& text)
{
    if (text == QLatin1String("none"))
        return Credentials::Method::None;
    if (text == QLatin1String("basic"))
        return Credentials::Method::Basic;
    if (text == QLatin1String("bearer"))
        return Credentials::Method::Bearer;
    return std::nullopt;
}

QString toString(Credentials::Method method)
{
    switch (method) {
    case Credentials::Method::Basic:
        return QStringLiteral("basic");
    case Credentials::Method::Bearer:
        return QStringLiteral("bearer");
    case Credentials::Method::None:
        break;
    }
    return QStringLiteral("none");
}

FhirClient::FhirClient(QUrl baseUrl, Credentials credentials, QObject* parent)
    : QObject(parent)
    , m_network(this) // a child, so that moveToThread() takes it along
    , m_baseUrl(std::move(baseUrl))
    , m_credentials(std::move(credentials))
{
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
    if (m_credentials.origin.isEmpty())
        m_credentials.origin = secrets::originOf(m_baseUrl);
    // Qt keeps the Authorization header when it follows a redirect: with credentials, only
    // redirects within their origin are followed (others end in InsecureRedirectError).
    m_network.setRedirectPolicy(m_credentials.method == Credentials::Method::None
                                    ? QNetworkRequest::NoLessSafeRedirectPolicy
                                    : QNetworkRequest::SameOriginRedirectPolicy);
}

QUrl FhirClient::searchUrl(const QString& resourceType, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl.resolved(QUrl(resourceType));
    url.setQuery(query);
    return url;
}

void FhirClient::get(const QUrl& url, Done done)
{
    // Credentials only travel to the configured server: a next link pointing elsewhere is refused.
    if (url.scheme() != m_baseUrl.scheme() || url.host() != m_baseUrl.host() || url.port() != m_baseUrl.port()) {
        done(Error{QStringLiteral("fhir-foreign-link"),
                   tr("The server sent a link to another server; it is not followed."), url.toString()});
        return;
    }
    attempt(url, std::move(done), 1);
}

void FhirClient::attempt(const QUrl& url, Done done, int attemptNumber)
{
    if (m_credentials.method != Credentials::Method::None) {
        // Credentials go to the origin they were entered for, and nowhere else.
        if (const QString origin = secrets::originOf(url); origin.isEmpty() || origin != m_credentials.origin) {
            done(Error{QStringLiteral("secret-origin"),
                       tr("The credentials were entered for %1; they are not sent to %2.")
                           .arg(m_credentials.origin, origin.isEmpty() ? url.toString() : origin),
                       url.toString()});
            return;
        }
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/fhir+json");
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (m_credentials.method == Credentials::Method::Basic)
        request.setRawHeader("Authorization", "Basic " + m_credentials.secret.toUtf8().toBase64());
    else if (m_credentials.method == Credentials::Method::Bearer)
        request.setRawHeader("Authorization", "Bearer " + m_credentials.secret.toUtf8());

    QNetworkReply* reply = m_network.get(request);
    const qint64 maxBytes = m_maxBodyBytes;
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes, tooLarge](qint64 received, qint64) {
        if (received > maxBytes && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, url, done = std::move(done), attemptNumber, tooLarge]() mutable {
                reply->deleteLater();
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray date = reply->rawHeader("Date");
                if (!date.isEmpty()) {
                    const QDateTime serverTime = parseHttpDate(date);
                    if (serverTime.isValid())
                        m_lastServerTime = serverTime;
                }
                if (*tooLarge) {
                    done(Error{QStringLiteral("fhir-too-large"),
                               tr("The server sent more than %1 MB for one page.").arg(m_maxBodyBytes / (1024 * 1024)),
                               url.toString()});
                    return;
                }
                // A reply cut off by a timeout or abort() is closed: nothing to read.
                const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
                const QNetworkReply::NetworkError networkError = reply->error();
                if (networkError == QNetworkReply::InsecureRedirectError || (status >= 300 && status < 400)) {
                    const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
                    done(Error{QStringLiteral("fhir-redirect"),
                               tr("The FHIR server redirected to %1; the redirect is not followed (credentials go only "
                                  "to the server they were entered for).")
                                   .arg(target.isEmpty() ? QString::fromLatin1(reply->rawHeader("Location"))
                                                         : reply->url().resolved(target).toString()),
                               url.toString()});
                    return;
                }
                if (networkError == QNetworkReply::NoError && status >= 200 && status < 300) {
                    done(body);
                    return;
                }
                // Decide whether to try again.
                const bool retryable = status != 0 ? retryableStatus(status) : retryableNetworkError(networkError);
                QString reason = status != 0 ? tr("HTTP %1").arg(status) : reply->errorString();
                const QString outcome = operationOutcomeText(body);
                if (attemptNumber < m_maxAttempts && retryable) {
                    int delay = net::backoffMs(attemptNumber, m_firstDelayMs, m_maxDelayMs);
                    if (const int after = retryAfterMs(*reply); after >= 0)
                        delay = std::min(std::max(after, 0), 5 * 60 * 1000);
                    ++m_retries;
                    qCInfo(lcFhir).noquote() << "retrying" << url.toString() << "in" << delay << "ms after" << reason;
                    Q_EMIT retrying(reason, delay);
                    QTimer::singleShot(delay, this, [this, url, done = std::move(done), attemptNumber]() mutable {
                        attempt(url, std::move(done), attemptNumber + 1);
                    });
                    return;
                }
                QString message;
                if (status == 401 || status == 403)
                    message = tr("The FHIR server refused the credentials (HTTP %1).").arg(status);
                else if (status != 0)
                    message = tr("The FHIR server answered HTTP %1.").arg(status);
                else
                    message = tr("The FHIR server could not be reached: %1.").arg(reason);
                if (retryable)
                    message += QLatin1Char(' ') + tr("Gave up after %n attempt(s).", nullptr, attemptNumber);
                QString detail = outcome.isEmpty() ? url.toString()
                                                   : outcome + QLatin1String(" (") + url.toString() + QLatin1Char(')');
                done(Error{status != 0 ? QStringLiteral("http-%1").arg(status) : QStringLiteral("network"), message,
                           detail});
            });
}

} // namespace mhero::fhir
