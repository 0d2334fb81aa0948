#pragma once

#include "NodeTestServer.h"
#include "TestCluster.h"

#include "Result.h"
#include "db/Connection.h"
#include "secrets/SealedSecrets.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace mhero::test {

/// The RapidPro API v2 emulator of tests/support/rapidpro-emulator (see its README), started on a
/// free loopback port for the life of this object, with its control API wrapped for tests.
class RapidProEmulator final
{
public:
    explicit RapidProEmulator(const QStringList& arguments = {});

    [[nodiscard]] bool ok() const { return m_server.ok(); }
    [[nodiscard]] const QString& startError() const { return m_server.startError(); }
    /// http://127.0.0.1:PORT/ (the workspace root, as a source is configured)
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] static QString token() { return QStringLiteral("test-token"); }

    /// Inbound messages ({urn, text, attachments?, name?, created_on?}); returns RapidPro's objects.
    QJsonArray inbound(const QJsonArray& messages) const;
    QJsonObject contact(const QJsonObject& contact) const;
    bool setStatus(const QString& uuid, const QString& status) const;
    /// Merges fault settings ({} clears them all).
    bool setFaults(const QJsonObject& faults) const;
    /// Every outgoing message created through the API, in creation order.
    QJsonArray sent() const;
    /// "POST /api/v2/messages.json 201", … since the last call.
    QStringList takeRequests() const;
    bool reset() const;
    /// Uploads a file as RapidPro's media.json does (multipart, with the token); returns its
    /// answer ({uuid, content_type, url, filename, size}).
    QJsonObject uploadMedia(const QByteArray& bytes, const QString& contentType, const QString& fileName) const;
    /// The bytes the emulator serves at @p url (an uploaded file's url); status 404 when none.
    NodeTestServer::Response download(const QString& url) const;

private:
    NodeTestServer::Response control(const QByteArray& method, const QString& path, const QJsonValue& body = {}) const;

    NodeTestServer m_server;
};

/// What a test of one RapidPro workspace needs, in a database of its own (from the template): the
/// owner's connection, a service login for the engine and an agent's login, the engine's key
/// (installed as mhero-server makes it on its first start; its file in @p keyDir) and the source
/// "rapidpro" at @p baseUrl (default phone region LR) with the emulator's token sealed to it.
struct RapidProDeployment
{
    QString database;
    std::optional<ScopedConnection> owner;
    TestUser service;
    TestUser agent;
    QString keyPath;
    std::optional<secrets::EngineKey> key;
};
Result<RapidProDeployment> deployRapidPro(const QUrl& baseUrl, const QString& keyDir,
                                          const QString& agentPrefix = QStringLiteral("agent"));

} // namespace mhero::test
