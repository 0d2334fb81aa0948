#include "NodeTestServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>

namespace mhero::test {

NodeTestServer::NodeTestServer(const QString& directory, const QStringList& arguments, const QString& what)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not installed (scripts/install-deps installs nodejs)");
        return;
    }
    m_process.setWorkingDirectory(directory);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(node,
                    QStringList{QStringLiteral("server.mjs"), QStringLiteral("--port"), QStringLiteral("0")} + arguments);
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
        m_error = QStringLiteral("the %1 did not start: %2 %3")
                      .arg(what, QString::fromUtf8(line), QString::fromUtf8(m_process.readAllStandardError().left(2000)));
        return;
    }
    m_port = static_cast<quint16>(line.mid(10).toUInt());
}

NodeTestServer::~NodeTestServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(2000);
}

NodeTestServer::Response NodeTestServer::request(const QByteArray& method, const QString& path, const QByteArray& body,
                                                 const QList<std::pair<QByteArray, QByteArray>>& headers) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path)));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(120'000);
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return response;
}

} // namespace mhero::test
