#pragma once

#include <QHash>
#include <QObject>
#include <QPair>
#include <QPixmap>

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Thumbnails of attachments, read from PostgreSQL (mhero.media_content(), made once by the
/// sync engine or the composer) on the database thread and kept in memory by message and
/// position. Consoles never fetch media from the platform. An attachment without a thumbnail
/// (not an image Qt could read) is remembered as None, and the thread shows it as a file.
class MediaCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaCache)

public:
    enum class State { Loading, Ready, None };
    struct Entry
    {
        State state = State::Loading;
        QPixmap pixmap;
    };

    explicit MediaCache(Database& database, QObject* parent = nullptr);

    /// The thumbnail of a stored attachment, read on first use (Loading until it is in).
    const Entry& thumbnail(qint64 messageId, int position);
    /// Most thumbnails kept; past it the oldest answers are forgotten (and read again if shown).
    static constexpr int kMaxEntries = 400;

Q_SIGNALS:
    void changed(qint64 messageId);

private:
    using Key = QPair<qint64, int>;
    Database& m_database;
    QHash<Key, Entry> m_entries;
    QList<Key> m_order;
};

} // namespace mhero::ui
