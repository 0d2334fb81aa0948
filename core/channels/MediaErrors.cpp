#include "channels/MediaErrors.h"

#include <QCoreApplication>

namespace mhero::channels {

Error mediaDownloadError(const net::HttpOutcome& outcome, qint64 maxBytes, const QString& platform, const QUrl& url)
{
    if (outcome.tooLarge)
        return Error{QStringLiteral("media-too-large"),
                     QCoreApplication::translate("mhero::channels", "The attachment is larger than %1 MB.")
                         .arg(double(maxBytes) / (1024 * 1024), 0, 'f', 1),
                     outcome.announcedSize >= 0 ? QString::number(outcome.announcedSize) : QString()};
    if (!outcome.refusal.isEmpty())
        return Error{QStringLiteral("media-refused"), outcome.refusal, url.toDisplayString(QUrl::RemoveQuery)};
    const QString code = outcome.status >= 400 && outcome.status < 500 && outcome.status != 408 && outcome.status != 429
        ? QStringLiteral("media-gone")
        : QStringLiteral("media-unreachable");
    return Error{code,
                 QCoreApplication::translate("mhero::channels", "%1 could not give the attachment: %2")
                     .arg(platform, outcome.describe()),
                 url.toDisplayString(QUrl::RemoveQuery)};
}

} // namespace mhero::channels
