#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include "NodeTestServer.h"

#include <QStringList>
#include <QUrl>

namespace mhero::test {

/// The real FHIR server of the integration tests: Medplum's FHIR router with its in-memory
/// repository (tests/support/fhir-server), started as a Node process on a free loopback port for
/// the life of this object, with helpers to seed it, change it and inject faults.
class FhirTestServer final
{
public:
    /// Starts `node server.mjs --port 0 @p arguments…`; ok() tells whether it came up.
    explicit FhirTestServer(const QStringList& arguments = {});
    ~FhirTestServer();
    FhirTestServer(const FhirTestServer&) = delete;
    FhirTestServer& operator=(const FhirTestServer&) = delete;

    [[nodiscard]] bool ok() const { return m_server.ok(); }
    [[nodiscard]] const QString& startError() const { return m_server.startError(); }
    /// http://127.0.0.1:PORT/fhir/R4/
    [[nodiscard]] QUrl baseUrl() const;

    using Response = NodeTestServer::Response;
    /// Blocking HTTP call (tests only). @p path is relative to the server root ("fhir/R4/…",
    /// "$test/faults"); @p auth is sent as the Authorization header when not empty.
    Response request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                     const QByteArray& auth = {}) const;

    /// POSTs a transaction/batch Bundle to the FHIR base; true on 2xx.
    bool post(const QJsonObject& bundle, const QByteArray& auth = {}) const;
    bool put(const QJsonObject& resource, const QByteArray& auth = {}) const;
    bool remove(const QString& type, const QString& id, const QByteArray& auth = {}) const;
    /// Installs faults (see tests/support/fhir-server/README.md); an empty array clears them.
    bool setFaults(const QJsonArray& faults) const;
    /// Requests the server has seen ("GET /fhir/R4/Practitioner?…"), and clears the list.
    QStringList takeRequests() const;

    /// A transaction Bundle that PUTs @p resources (ids kept).
    static QJsonObject transaction(const QJsonArray& resources);

private:
    NodeTestServer m_server;
};

} // namespace mhero::test
