#include "channels/MediaStore.h"

#include "db/Sql.h"
#include "net/HttpSupport.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QSqlQuery>

#include <algorithm>

namespace mhero::channels {

namespace {
// Decoding more pixels than a 50-megapixel photo for a thumbnail is a decompression bomb.
constexpr qint64 kMaxThumbnailSourcePixels = 50'000'000;
} // namespace

MediaPolicy MediaStore::policy()
{
    MediaPolicy policy;
    auto query
        = sql::exec(m_db, QStringLiteral("SELECT key, value #>> '{}' FROM mhero.setting WHERE key LIKE 'media.%'"));
    if (!query)
        return policy;
    while (query->next()) {
        const QString key = query->value(0).toString();
        bool ok = false;
        const qint64 value = query->value(1).toLongLong(&ok);
        if (!ok)
            continue;
        if (key == QLatin1String("media.max_inbound_bytes"))
            policy.maxInboundBytes = std::clamp<qint64>(value, 0, qint64(1) << 30);
        else if (key == QLatin1String("media.max_attempts"))
            policy.maxAttempts = int(std::clamp<qint64>(value, 1, 100));
    }
    return policy;
}

Result<QList<PendingMedia>> MediaStore::due(int sourceId, int limit)
{
    auto query
        = sql::exec(m_db,
                    QStringLiteral("SELECT md.message_id, md.position, md.content_type, coalesce(md.url, ''), "
                                   "md.attempts FROM mhero.media md JOIN mhero.message m ON m.id = md.message_id "
                                   "WHERE md.state = 'pending' AND md.next_attempt_at <= now() "
                                   "AND m.source_id = ? AND m.direction = 'in' "
                                   "ORDER BY md.next_attempt_at, md.message_id, md.position LIMIT ?"),
                    {sourceId, limit});
    if (!query)
        return query.error();
    QList<PendingMedia> due;
    while (query->next())
        due.append({query->value(0).toLongLong(), query->value(1).toInt(), query->value(2).toString(),
                    query->value(3).toString(), query->value(4).toInt()});
    return due;
}

Status MediaStore::store(const PendingMedia& media, const QByteArray& bytes, const QByteArray& thumbnail)
{
    auto query
        = sql::exec(m_db,
                    QStringLiteral("UPDATE mhero.media SET state = 'stored', bytes = ?, thumbnail = ?, size = ?, "
                                   "error = NULL, fetched_at = now() "
                                   "WHERE message_id = ? AND position = ? AND state = 'pending'"),
                    {bytes, thumbnail.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(thumbnail),
                     qint64(bytes.size()), media.messageId, media.position});
    if (!query)
        return query.error();
    return {};
}

Status MediaStore::tooLarge(const PendingMedia& media, qint64 size, const QString& reason)
{
    auto query
        = sql::exec(m_db,
                    QStringLiteral("UPDATE mhero.media SET state = 'too_large', size = ?, error = ?, "
                                   "fetched_at = now() WHERE message_id = ? AND position = ? AND state = 'pending'"),
                    {size >= 0 ? QVariant(size) : QVariant(QMetaType(QMetaType::LongLong)), reason, media.messageId,
                     media.position});
    if (!query)
        return query.error();
    return {};
}

Status MediaStore::failure(const PendingMedia& media, const QString& reason, bool permanent, const MediaPolicy& policy)
{
    const int attempts = media.attempts + 1;
    const bool last = permanent || attempts >= policy.maxAttempts;
    const int delayMs = net::backoffMs(attempts, policy.firstDelaySeconds * 1000, policy.maxDelaySeconds * 1000);
    auto query = sql::exec(m_db,
                           QStringLiteral("UPDATE mhero.media SET attempts = ?, error = ?, "
                                          "state = CASE WHEN ? THEN 'failed' ELSE 'pending' END, "
                                          "next_attempt_at = now() + make_interval(secs => ?) "
                                          "WHERE message_id = ? AND position = ? AND state = 'pending'"),
                           {attempts, reason, last, delayMs / 1000.0, media.messageId, media.position});
    if (!query)
        return query.error();
    return {};
}

QByteArray MediaStore::makeThumbnail(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return {};
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // phone photos are stored sideways with an EXIF orientation
    const QSize full = reader.size();
    if (full.isValid()) {
        if (qint64(full.width()) * full.height() > kMaxThumbnailSourcePixels)
            return {};
        const QSize bound(kThumbnailSize, kThumbnailSize);
        if (full.width() > kThumbnailSize || full.height() > kThumbnailSize)
            reader.setScaledSize(full.scaled(bound, Qt::KeepAspectRatio));
    }
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > kThumbnailSize || image.height() > kThumbnailSize)
        image = image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // JPEG has no alpha: transparent pixels (PNG stickers, screenshots) go white, not black.
    if (image.hasAlphaChannel()) {
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const double a = c.alphaF();
                flat.setPixelColor(x, y,
                                   QColor::fromRgbF(float(c.redF() * a + (1 - a)), float(c.greenF() * a + (1 - a)),
                                                    float(c.blueF() * a + (1 - a))));
            }
        image = flat;
    }
    QByteArray jpeg;
    QBuffer out(&jpeg);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, "jpeg");
    writer.setQuality(80);
    if (!writer.write(image))
        return {};
    return jpeg;
}

} // namespace mhero::channels
