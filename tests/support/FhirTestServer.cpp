#include "FhirTestServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimer>

#ifndef MHERO_FHIR_SERVER_DIR
#error "MHERO_FHIR_SERVER_DIR must point at tests/support/fhir-server"
#endif

namespace mhero::test {

FhirTestServer::FhirTestServer(const QStringList& arguments)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not installed (scripts/install-deps installs nodejs)");
        return;
    }
    m_process.setWorkingDirectory(QStringLiteral(MHERO_FHIR_SERVER_DIR));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The server exits when its stdin closes, so it never outlives a crashed test.
    m_process.start(
        node, QStringList{QStringLiteral("server.mjs"), QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    if (!m_process.waitForStarted(10'000)) {
        m_error = m_process.errorString();
        return;
    }
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60'000 && !out.contains('\n')) {
        if (!m_process.waitForReadyRead(1000) && m_process.state() != QProcess::Running)
            break;
        out += m_process.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    if (!line.startsWith("LISTENING ")) {
        m_error = QStringLiteral("the FHIR test server did not start: %1 %2")
                      .arg(QString::fromUtf8(line), QString::fromUtf8(m_process.readAllStandardError().left(2000)));
        return;
    }
    m_port = static_cast<quint16>(line.mid(10).toUInt());
}

FhirTestServer::~FhirTestServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(2000);
}

QUrl FhirTestServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/R4/").arg(m_port));
}

FhirTestServer::Response FhirTestServer::request(const QByteArray& method, const QString& path, const QByteArray& body,
                                                 const QByteArray& auth) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path)));
    request.setRawHeader("Content-Type", "application/fhir+json");
    request.setRawHeader("Accept", "application/fhir+json");
    if (!auth.isEmpty())
        request.setRawHeader("Authorization", auth);
    request.setTransferTimeout(120'000);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return response;
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
