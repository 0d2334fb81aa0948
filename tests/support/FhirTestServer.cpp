#include "FhirTestServer.h"

#include <QJsonDocument>

#ifndef MHERO_FHIR_SERVER_DIR
#error "MHERO_FHIR_SERVER_DIR must point at tests/support/fhir-server"
#endif

namespace mhero::test {

FhirTestServer::FhirTestServer(const QStringList& arguments)
    : m_server(QStringLiteral(MHERO_FHIR_SERVER_DIR), arguments, QStringLiteral("FHIR test server"))
{
}

FhirTestServer::~FhirTestServer() = default;

QUrl FhirTestServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/R4/").arg(m_server.port()));
}

FhirTestServer::Response FhirTestServer::request(const QByteArray& method, const QString& path, const QByteArray& body,
                                                 const QByteArray& auth) const
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/fhir+json"},
                                                     {"Accept", "application/fhir+json"}};
    if (!auth.isEmpty())
        headers.append({"Authorization", auth});
    return m_server.request(method, path, body, headers);
}

bool FhirTestServer::post(const QJsonObject& bundle, const QByteArray& auth) const
{
    const Response r
        = request("POST", QStringLiteral("fhir/R4/"), QJsonDocument(bundle).toJson(QJsonDocument::Compact), auth);
    if (r.status / 100 != 2)
        qWarning() << "POST bundle:" << r.status << r.body.left(500);
    return r.status / 100 == 2;
}

bool FhirTestServer::put(const QJsonObject& resource, const QByteArray& auth) const
{
    const QString path = QStringLiteral("fhir/R4/%1/%2")
                             .arg(resource.value(QStringLiteral("resourceType")).toString(),
                                  resource.value(QStringLiteral("id")).toString());
    const Response r = request("PUT", path, QJsonDocument(resource).toJson(QJsonDocument::Compact), auth);
    if (r.status / 100 != 2)
        qWarning() << "PUT" << path << r.status << r.body.left(500);
    return r.status / 100 == 2;
}

bool FhirTestServer::remove(const QString& type, const QString& id, const QByteArray& auth) const
{
    const Response r = request("DELETE", QStringLiteral("fhir/R4/%1/%2").arg(type, id), {}, auth);
    return r.status / 100 == 2;
}

bool FhirTestServer::setFaults(const QJsonArray& faults) const
{
    const Response r = faults.isEmpty()
        ? request("DELETE", QStringLiteral("$test/faults"))
        : request("POST", QStringLiteral("$test/faults"),
                  QJsonDocument(QJsonObject{{QStringLiteral("faults"), faults}}).toJson(QJsonDocument::Compact));
    return r.status / 100 == 2;
}

QStringList FhirTestServer::takeRequests() const
{
    const Response r = request("GET", QStringLiteral("$test/requests"));
    request("DELETE", QStringLiteral("$test/requests"));
    QStringList list;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    const QJsonArray items = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue& v : items)
        list << v.toObject().value(QStringLiteral("method")).toString() + QLatin1Char(' ')
                + v.toObject().value(QStringLiteral("url")).toString();
    return list;
}

QJsonObject FhirTestServer::transaction(const QJsonArray& resources)
{
    QJsonArray entries;
    for (const QJsonValue& v : resources) {
        const QJsonObject r = v.toObject();
        const QString url = r.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
            + r.value(QStringLiteral("id")).toString();
        entries.append(QJsonObject{
            {QStringLiteral("resource"), r},
            {QStringLiteral("request"),
             QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")}, {QStringLiteral("url"), url}}}});
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("batch")},
                       {QStringLiteral("entry"), entries}};
}

} // namespace mhero::test
