#include "net/HttpSupport.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace mhero::net {

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

} // namespace mhero::net
