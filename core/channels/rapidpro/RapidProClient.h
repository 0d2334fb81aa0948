#pragma once

#include "Result.h"
#include "net/HttpClient.h"

#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <initializer_list>
#include <utility>

namespace mhero::rapidpro {

using net::HttpOutcome;

/// Asynchronous client of RapidPro's API v2 (`Authorization: Token …`): net::HttpClient (token
/// bound to its origin, writes at most once, answers capped, reads retried) with RapidPro's
/// endpoints. Answers arrive through callbacks on the thread this object lives in; nothing blocks.
class RapidProClient final : public net::HttpClient
{
    Q_OBJECT
public:
    /// @p tokenOrigin: the one origin ("https://host:443") the token may be sent to, as bound
    /// when it was entered; by default the origin of @p baseUrl.
    RapidProClient(QUrl baseUrl, QString token, QString tokenOrigin = {}, QObject* parent = nullptr);

    /// https://rapidpro.example.org/api/v2/<endpoint>.json?<query>
    [[nodiscard]] QUrl endpointUrl(const QString& endpoint, const QUrlQuery& query = {}) const;
    /// A query string of @p items, each value percent-encoded (RapidPro URNs hold '+' and ':').
    [[nodiscard]] static QUrlQuery query(std::initializer_list<std::pair<QString, QString>> items);
    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

    /// GETs @p url (an endpoint URL or a `next` link, which must point at the same server).
    void get(const QUrl& url, BodyDone done);
    /// POSTs @p body as JSON to @p endpoint, once.
    void post(const QString& endpoint, const QJsonObject& body, OutcomeDone done);
    /// POSTs one file as multipart/form-data (field "file") to @p endpoint, once (media.json).
    void upload(const QString& endpoint, const QString& fileName, const QString& contentType, const QByteArray& bytes,
                OutcomeDone done);

private:
    QUrl m_baseUrl;
};

} // namespace mhero::rapidpro
