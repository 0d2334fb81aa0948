#include "messaging/MediaQueries.h"

#include "db/Sql.h"

#include <QLocale>
#include <QMimeDatabase>
#include <QSqlQuery>

namespace mhero::messaging {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::messaging::MediaRules", text); // lupdate's context for tr() here
}
} // namespace

Result<std::optional<MediaContent>> loadMediaContent(QSqlDatabase& db, qint64 messageId, int position, bool thumbnail)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT content_type, coalesce(file_name, ''), bytes "
                                          "FROM mhero.media_content(?, ?, ?)"),
                           {messageId, position, thumbnail});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<MediaContent>();
    return std::optional<MediaContent>(
        MediaContent{query->value(0).toString(), query->value(1).toString(), query->value(2).toByteArray()});
}

bool MediaRules::accepts(const QString& contentType) const
{
    const QString type = contentType.toLower();
    for (const QString& allowed : mediaTypes) {
        if (allowed.compare(type, Qt::CaseInsensitive) == 0)
            return true;
        if (allowed.endsWith(QLatin1String("/*"))
            && type.section(QLatin1Char('/'), 0, 0) == allowed.section(QLatin1Char('/'), 0, 0).toLower())
            return true;
    }
    return false;
}

QString MediaRules::problem(const QString& contentType, qint64 size) const
{
    if (mediaTypes.isEmpty())
        return tr("This channel cannot send attachments.");
    if (!accepts(contentType))
        return tr("%1 cannot send this kind of file (%2). It can send: %3.")
            .arg(platform, contentType.isEmpty() ? tr("unknown type") : contentType,
                 mediaTypes.join(QStringLiteral(", ")));
    if (size <= 0)
        return tr("The file is empty.");
    if (size > maxBytes)
        return tr("The file is %1; %2 sends at most %3.").arg(formatSize(size), platform, formatSize(maxBytes));
    return {};
}

Result<MediaRules> loadMediaRules(QSqlDatabase& db, qint64 conversationId)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT k.platform, array_to_string(k.media_types, ','), k.max_media_bytes "
                                          "FROM mhero.conversation c JOIN mhero.source s ON s.id = c.channel_source_id "
                                          "JOIN mhero.channel_kind k ON k.kind = s.kind WHERE c.id = ?"),
                           {conversationId});
    if (!query)
        return query.error();
    MediaRules rules;
    if (query->next()) {
        rules.platform = query->value(0).toString();
        rules.mediaTypes = query->value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        rules.maxBytes = query->value(2).toLongLong();
    }
    return rules;
}

QString contentTypeOf(const QString& fileName, const QByteArray& bytes)
{
    const QMimeDatabase mimes;
    const QMimeType byContent = mimes.mimeTypeForData(bytes);
    // The bytes decide when they are recognisable (a .jpg that is a PNG is a PNG), else the name.
    if (byContent.isValid() && !byContent.isDefault() && byContent.name() != QLatin1String("text/plain"))
        return byContent.name();
    return mimes.mimeTypeForFileNameAndData(fileName, bytes).name();
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace mhero::messaging
