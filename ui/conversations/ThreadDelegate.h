#pragma once

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QStyledItemDelegate>
#include <QUrl>

class QNetworkAccessManager;

namespace mhero::ui {

/// Thumbnails of image attachments, fetched asynchronously and kept in memory. A URL that cannot
/// be fetched or is not an image is remembered as failed (the thread then shows a link).
class ImageCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCache)

public:
    enum class State { Loading, Ready, Failed };
    struct Entry
    {
        State state = State::Loading;
        QPixmap pixmap;
    };

    /// @p network: injected so tests and the application share or control it (not owned).
    ImageCache(QNetworkAccessManager* network, QSize thumbnailSize, QObject* parent = nullptr);

    /// The entry for @p url, starting its download on first use.
    const Entry& get(const QString& url);
    [[nodiscard]] QSize thumbnailSize() const { return m_size; }

Q_SIGNALS:
    void changed(const QString& url);

private:
    QNetworkAccessManager* m_network;
    QSize m_size;
    QHash<QString, Entry> m_entries;
};

/// Paints a thread as chat bubbles: inbound on the left, outbound on the right with delivery
/// ticks (clock queued, ✓ sent, ✓✓ delivered, blue ✓✓ read, red ✗ failed with the reason and a
/// Retry link), day lines, inline image thumbnails and links for other attachments.
class ThreadDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadDelegate)

public:
    ThreadDelegate(ImageCache* images, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

Q_SIGNALS:
    void retryRequested(qint64 messageId);
    void linkActivated(const QUrl& url);

private:
    struct Layout;
    [[nodiscard]] Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    ImageCache* m_images;
};

} // namespace mhero::ui
