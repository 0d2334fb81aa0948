#pragma once

#include "NodeTestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

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

} // namespace mhero::test
