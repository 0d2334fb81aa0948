#pragma once

#include <QStyledItemDelegate>

namespace mhero::ui {

/// Paints a thread as chat bubbles: inbound on the left, outbound on the right with delivery
/// ticks (clock queued, ✓ sent, ✓✓ delivered, blue ✓✓ read, red ✗ failed with the reason and a
/// Retry link; under a reply still queued, why it has not gone: the channel switched off, or
/// the attempts, last error and next try), day lines, and attachments as the model gives them
/// (ThreadModel::AttachmentsRole): picture thumbnails, a placeholder while the engine fetches
/// them, a line for files, and a clear line when one failed or was too large to keep. Clicking a
/// stored attachment opens it.
class ThreadDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadDelegate)

public:
    explicit ThreadDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

Q_SIGNALS:
    void retryRequested(qint64 messageId);
    /// A stored attachment was clicked: open it (a viewer, the player, the PDF reader).
    void attachmentActivated(qint64 messageId, int position);

private:
    struct Layout;
    [[nodiscard]] Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace mhero::ui
