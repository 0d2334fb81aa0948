#include "net/HttpSupport.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace mhero::net {

namespace {
/// A body that reads once: sequential, and reset() fails, so Qt cannot send it a second time.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_at + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char* into, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_at);
        std::copy_n(m_data.constData() + m_at, n, into);
        m_at += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_at = 0;
};
} // namespace

bool retryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool retryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout aborts the reply
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::HostNotFoundError: // DNS hiccups are common on health-ministry networks
        return true;
    default:
        return false;
    }
}

QDateTime parseHttpDate(const QByteArray& value)
{
    QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!t.isValid())
        return QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date).toUTC();
    t.setTimeZone(QTimeZone::utc());
    return t;
}

int retryAfterMs(const QNetworkReply& reply)
{
    const QByteArray value = reply.rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return std::max(0, seconds) * 1000;
    const QDateTime when = parseHttpDate(value);
    return when.isValid() ? static_cast<int>(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when))) : -1;
}

int backoffMs(int attempt, int firstMs, int maxMs)
{
    const qint64 base = std::min<qint64>(maxMs, qint64(firstMs) << std::clamp(attempt - 1, 0, 20));
    return static_cast<int>(base + QRandomGenerator::global()->bounded(static_cast<int>(base / 2) + 1));
}

QNetworkReply* sendAtMostOnce(QNetworkAccessManager& network, QNetworkRequest request, const QByteArray& verb,
                              const QByteArray& body)
{
    if (body.isEmpty())
        return network.sendCustomRequest(request, verb, body);
    // With its length known and buffering refused, Qt streams the device instead of copying it
    // into a buffer it could rewind.
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto* device = new OneShotBody(body);
    QNetworkReply* reply = network.sendCustomRequest(request, verb, device);
    device->setParent(reply);
    return reply;
}

} // namespace mhero::net
