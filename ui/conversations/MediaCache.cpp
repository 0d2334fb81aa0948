#include "conversations/MediaCache.h"

#include "db/Database.h"
#include "messaging/MediaQueries.h"

#include <QImage>

namespace mhero::ui {

MediaCache::MediaCache(Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
{ }

const MediaCache::Entry& MediaCache::thumbnail(qint64 messageId, int position)
{
    const Key key{messageId, position};
    if (const auto found = m_entries.constFind(key); found != m_entries.cend())
        return *found;
    while (m_order.size() >= kMaxEntries) {
        const Key oldest = m_order.takeFirst();
        if (m_entries.value(oldest).state != State::Loading)
            m_entries.remove(oldest);
        else
            m_order.append(oldest);
        if (m_order.size() >= kMaxEntries && m_entries.value(m_order.first()).state == State::Loading)
            break; // all in flight: let it grow until answers come
    }
    m_order.append(key);
    Entry& entry = m_entries[key];
    // The JPEG is decoded on the database thread too: the GUI thread only wraps it in a QPixmap.
    m_database.run(
        this,
        [messageId, position](QSqlDatabase& db) -> Result<QImage> {
            auto content = messaging::loadMediaContent(db, messageId, position, true);
            if (!content)
                return content.error();
            if (!content->has_value())
                return QImage();
            return QImage::fromData((*content)->bytes, "JPG");
        },
        [this, key](const Result<QImage>& image) {
            Entry& e = m_entries[key];
            e.state = image && !image->isNull() ? State::Ready : State::None;
            if (e.state == State::Ready)
                e.pixmap = QPixmap::fromImage(*image);
            Q_EMIT changed(key.first);
        });
    return entry;
}

} // namespace mhero::ui
