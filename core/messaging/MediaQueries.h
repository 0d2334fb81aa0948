#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace mhero::messaging {

/// The bytes of one attachment as a console reads them (mhero.media_content()).
struct MediaContent
{
    QString contentType;
    QString fileName;
    QByteArray bytes;
};

/// The attachment (or, with @p thumbnail, its JPEG thumbnail) of a message; empty when it is not
/// stored (pending, failed, too large) or has no thumbnail. Blocking: run it on the database thread.
Result<std::optional<MediaContent>> loadMediaContent(QSqlDatabase& db, qint64 messageId, int position, bool thumbnail);

/// What the channel of a conversation accepts as attachments (mhero.channel_kind).
struct MediaRules
{
    QString platform; ///< RapidPro
    QStringList mediaTypes; ///< image/jpeg, … or image/*; empty: no attachments
    qint64 maxBytes = 0;

    /// Why @p contentType of @p size bytes cannot be sent, in words for the agent; empty when it can.
    [[nodiscard]] QString problem(const QString& contentType, qint64 size) const;
    [[nodiscard]] bool accepts(const QString& contentType) const;
};
/// The rules of the conversation's channel; empty rules when it has none.
Result<MediaRules> loadMediaRules(QSqlDatabase& db, qint64 conversationId);

/// The content type of a file from its name and first bytes (QMimeDatabase), the way the database
/// will check it.
QString contentTypeOf(const QString& fileName, const QByteArray& bytes);

/// "2.4 MB", "830 KB", "120 bytes".
QString formatSize(qint64 bytes);

} // namespace mhero::messaging
