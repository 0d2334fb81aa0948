#include "RapidProEmulator.h"

#include "channels/rapidpro/RapidProSource.h"

#include <QDir>

#include <QDebug>
#include <QJsonDocument>

#ifndef MHERO_RAPIDPRO_EMULATOR_DIR
#error "MHERO_RAPIDPRO_EMULATOR_DIR must point at tests/support/rapidpro-emulator"
#endif

namespace mhero::test {

RapidProEmulator::RapidProEmulator(const QStringList& arguments)
    : m_server(QStringLiteral(MHERO_RAPIDPRO_EMULATOR_DIR), arguments, QStringLiteral("RapidPro emulator"))
{
}

QUrl RapidProEmulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.port()));
}

NodeTestServer::Response RapidProEmulator::control(const QByteArray& method, const QString& path, const QJsonValue& body) const
{
    QByteArray payload;
    if (body.isArray())
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (body.isObject())
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    const auto response = m_server.request(method, QStringLiteral("$test/") + path, payload,
                                           {{"Content-Type", "application/json"}});
    if (response.status / 100 != 2)
        qWarning() << method << path << response.status << response.body.left(500);
    return response;
}

QJsonArray RapidProEmulator::inbound(const QJsonArray& messages) const
{
    return QJsonDocument::fromJson(control("POST", QStringLiteral("inbound"), messages).body).array();
}

QJsonObject RapidProEmulator::contact(const QJsonObject& contact) const
{
    return QJsonDocument::fromJson(control("POST", QStringLiteral("contacts"), contact).body).object();
}

bool RapidProEmulator::setStatus(const QString& uuid, const QString& status) const
{
    return control("POST", QStringLiteral("status"),
                   QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("status"), status}})
               .status
        == 200;
}

bool RapidProEmulator::setFaults(const QJsonObject& faults) const
{
    return control("POST", QStringLiteral("faults"), faults).status / 100 == 2;
}

QJsonArray RapidProEmulator::sent() const
{
    return QJsonDocument::fromJson(control("GET", QStringLiteral("sent")).body).array();
}

QStringList RapidProEmulator::takeRequests() const
{
    QStringList list;
    for (const QJsonValue& v : QJsonDocument::fromJson(control("GET", QStringLiteral("requests")).body).array())
        list.append(v.toString());
    return list;
}

bool RapidProEmulator::reset() const
{
    return control("POST", QStringLiteral("reset")).status / 100 == 2;
}

QJsonObject RapidProEmulator::uploadMedia(const QByteArray& bytes, const QString& contentType,
                                          const QString& fileName) const
{
    const QByteArray boundary = "emulator-test-boundary";
    QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName.toUtf8() + "\"\r\nContent-Type: " + contentType.toUtf8() + "\r\n\r\n" + bytes + "\r\n--" + boundary
        + "--\r\n";
    const auto response = m_server.request("POST", QStringLiteral("api/v2/media.json"), body,
                                           {{"Content-Type", "multipart/form-data; boundary=" + boundary},
                                            {"Authorization", "Token " + token().toUtf8()}});
    if (response.status != 201)
        qWarning() << "media upload" << response.status << response.body.left(500);
    return QJsonDocument::fromJson(response.body).object();
}

NodeTestServer::Response RapidProEmulator::download(const QString& url) const
{
    const QUrl parsed(url);
    return m_server.request("GET", parsed.path(QUrl::FullyEncoded).mid(1));
}

Result<RapidProDeployment> deployRapidPro(const QUrl& baseUrl, const QString& keyDir, const QString& agentPrefix)
{
    TestCluster& cluster = TestCluster::instance();
    RapidProDeployment d;
    d.database = cluster.createDatabase();
    auto owner = cluster.connectSuperuser(d.database);
    if (!owner)
        return owner.error();
    d.owner.emplace(std::move(*owner));
    auto service = cluster.createUser(d.database, UserKind::Service, QStringLiteral("engine"));
    if (!service)
        return service.error();
    d.service = *service;
    auto agent = cluster.createUser(d.database, UserKind::Agent, agentPrefix);
    if (!agent)
        return agent.error();
    d.agent = *agent;
    d.keyPath = QDir(keyDir).filePath(d.database + QStringLiteral(".key"));
    auto key = cluster.installEngineKey(d.database, d.keyPath);
    if (!key)
        return key.error();
    d.key = *key;
    rapidpro::RapidProSource source;
    source.name = QStringLiteral("rapidpro");
    source.baseUrl = baseUrl;
    source.token = RapidProEmulator::token();
    source.region = QStringLiteral("LR");
    if (Status added = rapidpro::addRapidProSource(d.owner->db(), source); !added)
        return added.error();
    return d;
}

} // namespace mhero::test
