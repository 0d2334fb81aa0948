#include "channels/rapidpro/RapidProClient.h"

#include "secrets/SealedSecrets.h"

namespace mhero::rapidpro {

namespace {
QUrl rootOf(QUrl url)
{
    // Sources are configured with the server's root ("https://textit.in") or with …/api/v2/.
    QString path = url.path();
    if (path.endsWith(QLatin1String("/api/v2")) || path.endsWith(QLatin1String("/api/v2/")))
        path.truncate(path.lastIndexOf(QLatin1String("/api/v2")));
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path);
    return url;
}
} // namespace

RapidProClient::RapidProClient(QUrl baseUrl, QString token, QString tokenOrigin, QObject* parent)
    : net::HttpClient(QStringLiteral("RapidPro"), QByteArrayLiteral("Token"), std::move(token),
                      tokenOrigin.isEmpty() ? secrets::originOf(baseUrl) : std::move(tokenOrigin), parent)
    , m_baseUrl(rootOf(std::move(baseUrl)))
{ }

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

void RapidProClient::get(const QUrl& url, BodyDone done)
{
    // The token only travels to the configured server: a next link pointing elsewhere is refused.
    if (url.scheme() != m_baseUrl.scheme() || url.host() != m_baseUrl.host() || url.port() != m_baseUrl.port()) {
        done(Error{QStringLiteral("rapidpro-foreign-link"),
                   tr("RapidPro sent a link to another server; it is not followed."), url.toString()});
        return;
    }
    net::HttpClient::get(url, std::move(done));
}

void RapidProClient::upload(const QString& endpoint, const QString& fileName, const QString& contentType,
                            const QByteArray& bytes, OutcomeDone done)
{
    // One part, "file", as RapidPro's media endpoint reads it.
    postForm(endpointUrl(endpoint), {net::FormPart{"file", bytes, fileName, contentType.toLatin1()}}, std::move(done));
}

void RapidProClient::post(const QString& endpoint, const QJsonObject& body, OutcomeDone done)
{
    postJson(endpointUrl(endpoint), body, std::move(done));
}

} // namespace mhero::rapidpro
