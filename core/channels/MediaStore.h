#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mhero::channels {

/// An inbound attachment the engine has still to fetch (a row of mhero.media in state pending).
struct PendingMedia
{
    qint64 messageId = 0;
    int position = 0;
    QString contentType;
    QString url;
    int attempts = 0; ///< failed attempts so far
};

/// How the engine keeps inbound media (settings media.*).
struct MediaPolicy
{
    qint64 maxInboundBytes = 25 * 1024 * 1024; ///< larger attachments are listed as too large, not kept
    int maxAttempts = 8; ///< fetches before an attachment is marked failed
    int firstDelaySeconds = 10; ///< wait before the second fetch; doubles after each failure
    int maxDelaySeconds = 3600;
};

/// The statements of inbound media, the same for every channel: which attachments are due, and
/// what became of each (stored with its thumbnail, too large, failed for now, failed for good).
/// Each outcome is written only while the row is still pending, so an attachment is stored once.
/// Blocking calls on the engine's own connection; never used on the GUI thread.
class MediaStore final
{
    Q_DECLARE_TR_FUNCTIONS(mhero::channels::MediaStore)
public:
    explicit MediaStore(QSqlDatabase& db)
        : m_db(db)
    { }

    MediaPolicy policy();
    /// Pending attachments of inbound messages of the source whose next attempt is due, oldest first.
    Result<QList<PendingMedia>> due(int sourceId, int limit);
    /// Keeps the bytes (and the thumbnail, when one could be made).
    Status store(const PendingMedia& media, const QByteArray& bytes, const QByteArray& thumbnail);
    /// Larger than the cap: the size is kept (when known, else -1), the bytes are not.
    Status tooLarge(const PendingMedia& media, qint64 size, const QString& reason);
    /// A failed fetch: tried again with backoff until the policy's last attempt, or at once
    /// marked failed when @p permanent (the platform says it is gone).
    Status failure(const PendingMedia& media, const QString& reason, bool permanent, const MediaPolicy& policy);

    /// A JPEG of @p bytes scaled to fit kThumbnailSize, made once when the attachment is stored;
    /// empty when the bytes are not an image Qt can read (or one too large to decode safely).
    static QByteArray makeThumbnail(const QByteArray& bytes);
    static constexpr int kThumbnailSize = 320;

private:
    QSqlDatabase& m_db;
};

} // namespace mhero::channels
