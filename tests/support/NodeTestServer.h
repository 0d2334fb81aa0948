#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mhero::test {

/// A test server written in Node (the FHIR server, the RapidPro emulator): `node server.mjs
/// --port 0 …` started in @p directory for the life of this object. The server prints
/// "LISTENING <port>" first and exits when its stdin closes, so it never outlives a crashed test.
class NodeTestServer final
{
public:
    NodeTestServer(const QString& directory, const QStringList& arguments, const QString& what);
    ~NodeTestServer();
    NodeTestServer(const NodeTestServer&) = delete;
    NodeTestServer& operator=(const NodeTestServer&) = delete;

    [[nodiscard]] bool ok() const { return m_port != 0; }
    [[nodiscard]] const QString& startError() const { return m_error; }
    [[nodiscard]] quint16 port() const { return m_port; }

    struct Response
    {
        int status = 0;
        QByteArray body;
    };
    /// Blocking HTTP call (tests only) to http://127.0.0.1:PORT/@p path.
    Response request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                     const QList<std::pair<QByteArray, QByteArray>>& headers = {}) const;

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace mhero::test
