#include "conversations/ThreadDelegate.h"

#include "conversations/ThreadModel.h"

#include "messaging/MediaQueries.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace mhero::ui {

// ---------------------------------------------------------------------------------------------
namespace {
constexpr int kPad = 8; // inside a bubble
constexpr int kGap = 3; // between items
constexpr int kSide = 12; // from the view's edges
constexpr int kSeparator = 30;
constexpr int kTick = 16;

const QColor kInbound(0xFF, 0xFF, 0xFF);
const QColor kOutbound(0xDC, 0xF5, 0xE7);
const QColor kOutboundFailed(0xFD, 0xEC, 0xEA);
const QColor kMuted(0x60, 0x6F, 0x76);
const QColor kLink(0x0B, 0x5C, 0xAD);
const QColor kRead(0x1E, 0x88, 0xE5);
const QColor kFailed(0xC6, 0x28, 0x28);
const QColor kWaiting(0x8A, 0x5A, 0x00);

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8);
    return f;
}

// Hours and minutes in the user's convention; seconds are noise in a chat.
QString clockTime(const QDateTime& at)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(at.toLocalTime().time(), format);
}

const QSize kThumbnail(240, 180); // shown at most this large (stored at most 320×320)

bool isImage(const QVariantMap& a)
{
    return a.value(QStringLiteral("contentType")).toString().startsWith(QLatin1String("image/"));
}

// What a file line says: its name (or its kind) and size.
QString fileLabel(const QVariantMap& a)
{
    const QString type = a.value(QStringLiteral("contentType")).toString();
    QString name = a.value(QStringLiteral("fileName")).toString();
    if (name.isEmpty()) {
        const QString kind = type.section(QLatin1Char('/'), 0, 0);
        name = kind == QLatin1String("image")          ? ThreadDelegate::tr("Picture")
            : kind == QLatin1String("audio")           ? ThreadDelegate::tr("Voice note")
            : kind == QLatin1String("video")           ? ThreadDelegate::tr("Video")
            : type == QLatin1String("application/pdf") ? ThreadDelegate::tr("PDF document")
                                                       : ThreadDelegate::tr("File (%1)").arg(type);
    }
    const qint64 size = a.value(QStringLiteral("size")).toLongLong();
    return size > 0 ? QStringLiteral("%1 · %2").arg(name, messaging::formatSize(size)) : name;
}

void drawCheck(QPainter* p, const QPointF& at, qreal size)
{
    QPainterPath path;
    path.moveTo(at + QPointF(0, size * 0.5));
    path.lineTo(at + QPointF(size * 0.35, size * 0.85));
    path.lineTo(at + QPointF(size, size * 0.1));
    p->drawPath(path);
}

void drawStatus(QPainter* p, const QRect& r, const QString& status)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const qreal s = r.height() * 0.7;
    const QPointF origin(r.left(), r.top() + (r.height() - s) / 2);
    if (status == QLatin1String("queued")) {
        p->setPen(QPen(kMuted, 1.2));
        const QRectF circle(origin, QSizeF(s, s));
        p->drawEllipse(circle);
        const QPointF c = circle.center();
        p->drawLine(c, c + QPointF(0, -s * 0.32));
        p->drawLine(c, c + QPointF(s * 0.25, 0));
    } else if (status == QLatin1String("sent")) {
        p->setPen(QPen(kMuted, 1.5));
        drawCheck(p, origin, s);
    } else if (status == QLatin1String("delivered") || status == QLatin1String("read")) {
        p->setPen(QPen(status == QLatin1String("read") ? kRead : kMuted, 1.5));
        drawCheck(p, origin, s);
        drawCheck(p, origin + QPointF(s * 0.45, 0), s);
    } else if (status == QLatin1String("failed")) {
        p->setPen(QPen(kFailed, 1.8));
        p->drawLine(origin, origin + QPointF(s, s));
        p->drawLine(origin + QPointF(s, 0), origin + QPointF(0, s));
    }
    p->restore();
}
} // namespace

struct ThreadDelegate::Layout
{
    struct Item
    {
        enum class Kind { Thumbnail, LoadingPicture, Pending, File, Failed, TooLarge };
        QRect rect;
        Kind kind = Kind::File;
        QVariantMap attachment;
        QString text; ///< the line shown (all kinds but Thumbnail)
    };
    QRect separator;
    QRect bubble;
    QRect text;
    QList<Item> attachments;
    QRect footer;
    QRect error;
    QRect retry;
    QRect note; ///< why a queued reply has not gone yet (ThreadModel::SendingNoteRole)
    int height = 0;
};

ThreadDelegate::ThreadDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

ThreadDelegate::Layout ThreadDelegate::layout(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout l;
    const QRect area = option.rect;
    const QFontMetrics fm(option.font);
    const QFontMetrics small(smallFont(option.font));
    const bool out = index.data(ThreadModel::DirectionRole).toString() == QLatin1String("out");
    const bool failed = index.data(ThreadModel::StatusRole).toString() == QLatin1String("failed");
    const QString text = index.data(ThreadModel::TextRole).toString();
    const QVariantList attachments = index.data(ThreadModel::AttachmentsRole).toList();

    int y = area.top() + kGap;
    if (index.data(ThreadModel::DaySeparatorRole).toBool()) {
        l.separator = QRect(area.left(), y, area.width(), kSeparator);
        y += kSeparator;
    }
    const int maxBubble = std::max(160, std::min(540, int(area.width() * 0.72)));
    const int maxText = maxBubble - 2 * kPad;
    int contentWidth = 0;
    int contentHeight = 0;
    QRect textRect;
    if (!text.isEmpty()) {
        textRect = fm.boundingRect(QRect(0, 0, maxText, 100'000), Qt::TextWordWrap, text);
        contentWidth = textRect.width();
        contentHeight = textRect.height();
    }
    using Kind = Layout::Item::Kind;
    QList<Layout::Item> items;
    for (const QVariant& v : attachments) {
        const QVariantMap a = v.toMap();
        const QString state = a.value(QStringLiteral("state")).toString();
        Layout::Item item;
        item.attachment = a;
        if (state == QLatin1String("stored") && isImage(a)
            && a.value(QStringLiteral("thumbnailState")).toString() == QLatin1String("ready")) {
            item.kind = Kind::Thumbnail;
            const QPixmap pixmap = a.value(QStringLiteral("thumbnail")).value<QPixmap>();
            item.rect.setSize(
                pixmap.size()
                    .scaled(kThumbnail.boundedTo(QSize(maxText, kThumbnail.height())), Qt::KeepAspectRatio)
                    .boundedTo(pixmap.size()));
        } else if (state == QLatin1String("stored") && isImage(a)
                   && a.value(QStringLiteral("thumbnailState")).toString() == QLatin1String("loading")) {
            item.kind = Kind::LoadingPicture;
            item.text = tr("Loading picture…");
            item.rect.setSize(QSize(std::min(maxText, kThumbnail.width()), kThumbnail.height() * 2 / 3));
        } else {
            if (state == QLatin1String("pending")) {
                item.kind = Kind::Pending;
                item.text = tr("⏳ %1 — being fetched…").arg(fileLabel(a));
            } else if (state == QLatin1String("failed")) {
                item.kind = Kind::Failed;
                const QString error = a.value(QStringLiteral("error")).toString();
                item.text = error.isEmpty() ? tr("⚠ %1 could not be fetched.").arg(fileLabel(a))
                                            : tr("⚠ %1 could not be fetched: %2").arg(fileLabel(a), error);
            } else if (state == QLatin1String("too_large")) {
                item.kind = Kind::TooLarge;
                item.text = tr("⚠ %1 — too large to keep; open it on the messaging platform.").arg(fileLabel(a));
            } else {
                item.kind = Kind::File;
                item.text = QStringLiteral("📎 ") + fileLabel(a);
            }
            const QRect bounds = fm.boundingRect(QRect(0, 0, maxText, 10'000), Qt::TextWordWrap, item.text);
            item.rect.setSize(QSize(std::min(maxText, bounds.width() + 4), bounds.height()));
        }
        items.append(item);
        contentWidth = std::max(contentWidth, item.rect.width());
        contentHeight += (contentHeight > 0 ? kGap : 0) + item.rect.height();
    }
    const int footerHeight = small.height();
    const QString footerText = clockTime(index.data(ThreadModel::TimeRole).toDateTime());
    const QString author = out ? index.data(ThreadModel::AuthorRole).toString() : QString();
    const int footerWidth
        = small.horizontalAdvance(author.isEmpty() ? footerText : author + QStringLiteral(" · ") + footerText)
        + (out ? kTick + 6 : 0);
    contentWidth = std::max(contentWidth, footerWidth);
    const int bubbleWidth = contentWidth + 2 * kPad;
    const int bubbleHeight = contentHeight + kGap + footerHeight + 2 * kPad - 2;
    const int left = out ? area.right() - kSide - bubbleWidth : area.left() + kSide;
    l.bubble = QRect(left, y, bubbleWidth, bubbleHeight);
    int cy = y + kPad;
    if (!text.isEmpty()) {
        l.text = QRect(left + kPad, cy, maxText, textRect.height());
        cy += textRect.height() + kGap;
    }
    for (Layout::Item& item : items) {
        item.rect.moveTopLeft(QPoint(left + kPad, cy));
        cy += item.rect.height() + kGap;
        l.attachments.append(item);
    }
    l.footer = QRect(left + kPad, l.bubble.bottom() - kPad - footerHeight + 2, contentWidth, footerHeight);
    y = l.bubble.bottom() + 1;
    if (out && failed) {
        const QString reason = index.data(ThreadModel::ErrorRole).toString();
        const QString line = reason.isEmpty() ? tr("Not sent.") : tr("Not sent: %1").arg(reason);
        const int retryWidth = small.horizontalAdvance(tr("Retry")) + 4;
        const int errorWidth = std::min(maxBubble - retryWidth - 10, small.horizontalAdvance(line) + 2);
        const int errorRight = area.right() - kSide - retryWidth - 10;
        l.error = QRect(errorRight - errorWidth, y + 2, errorWidth, small.height());
        l.retry = QRect(area.right() - kSide - retryWidth, y + 2, retryWidth, small.height());
        y += small.height() + 4;
    }
    const QString note = index.data(ThreadModel::SendingNoteRole).toString();
    if (out && !note.isEmpty()) {
        // Under the bubble, wrapped (the reason is the point: it is never cut), right-aligned.
        const QRect bounds = small.boundingRect(QRect(0, 0, maxBubble, 10'000), Qt::TextWordWrap, note);
        const int width = std::min(maxBubble, bounds.width() + 2);
        l.note = QRect(area.right() - kSide - width, y + 2, width, bounds.height());
        y += bounds.height() + 4;
    }
    l.height = y - area.top() + kGap;
    return l;
}

QSize ThreadDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem o = option;
    if (o.rect.width() <= 0 && o.widget)
        o.rect = QRect(0, 0, o.widget->width(), 0);
    return {o.rect.width(), layout(o, index).height};
}

void ThreadDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout l = layout(option, index);
    const bool out = index.data(ThreadModel::DirectionRole).toString() == QLatin1String("out");
    const QString status = index.data(ThreadModel::StatusRole).toString();
    const bool failed = status == QLatin1String("failed");
    const QFont small = smallFont(option.font);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (l.separator.isValid()) {
        const QString label = index.data(ThreadModel::DayLabelRole).toString();
        painter->setFont(small);
        const QFontMetrics sm(small);
        const QRect pill = sm.boundingRect(label).adjusted(-10, -3, 10, 3);
        QRect r = pill;
        r.moveCenter(l.separator.center());
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xE3, 0xE8, 0xE6));
        painter->drawRoundedRect(r, r.height() / 2.0, r.height() / 2.0);
        painter->setPen(kMuted);
        painter->drawText(r, Qt::AlignCenter, label);
    }

    painter->setPen(QPen(QColor(0xD5, 0xDB, 0xD9), 1));
    painter->setBrush(out ? (failed ? kOutboundFailed : kOutbound) : kInbound);
    painter->drawRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 9, 9);

    painter->setFont(option.font);
    painter->setPen(QColor(0x1F, 0x2A, 0x2E));
    if (l.text.isValid())
        painter->drawText(l.text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                          index.data(ThreadModel::TextRole).toString());

    for (const Layout::Item& item : l.attachments) {
        using Kind = Layout::Item::Kind;
        switch (item.kind) {
        case Kind::Thumbnail:
            painter->drawPixmap(item.rect, item.attachment.value(QStringLiteral("thumbnail")).value<QPixmap>());
            break;
        case Kind::LoadingPicture:
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xEC, 0xEF, 0xEE));
            painter->drawRoundedRect(item.rect, 6, 6);
            painter->setPen(kMuted);
            painter->drawText(item.rect, Qt::AlignCenter, item.text);
            break;
        case Kind::Pending:
        case Kind::TooLarge:
            painter->setPen(kMuted);
            painter->drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, item.text);
            break;
        case Kind::Failed:
            painter->setPen(kFailed);
            painter->drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, item.text);
            break;
        case Kind::File: {
            painter->setPen(kLink);
            QFont underlined = option.font;
            underlined.setUnderline(true);
            painter->setFont(underlined);
            painter->drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, item.text);
            painter->setFont(option.font);
            break;
        }
        }
    }

    painter->setFont(small);
    painter->setPen(kMuted);
    const QString time = clockTime(index.data(ThreadModel::TimeRole).toDateTime());
    const QString author = out ? index.data(ThreadModel::AuthorRole).toString() : QString();
    const QString footer = author.isEmpty() ? time : author + QStringLiteral(" · ") + time;
    if (out) {
        QRect textRect = l.footer.adjusted(0, 0, -(kTick + 6), 0);
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, footer);
        drawStatus(painter, QRect(l.footer.right() - kTick, l.footer.top(), kTick, l.footer.height()), status);
    } else {
        painter->drawText(l.footer, Qt::AlignLeft | Qt::AlignVCenter, footer);
    }

    if (l.error.isValid()) {
        const QString reason = index.data(ThreadModel::ErrorRole).toString();
        const QString line = reason.isEmpty() ? tr("Not sent.") : tr("Not sent: %1").arg(reason);
        painter->setPen(kFailed);
        painter->drawText(l.error, Qt::AlignRight | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(line, Qt::ElideRight, l.error.width()));
        QFont link = small;
        link.setUnderline(true);
        link.setBold(true);
        painter->setFont(link);
        painter->setPen(kLink);
        painter->drawText(l.retry, Qt::AlignLeft | Qt::AlignVCenter, tr("Retry"));
    }
    if (l.note.isValid()) {
        painter->setFont(small);
        painter->setPen(kWaiting);
        painter->drawText(l.note, Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(ThreadModel::SendingNoteRole).toString());
    }
    painter->restore();
}

bool ThreadDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                 const QModelIndex& index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const QPoint at = static_cast<QMouseEvent*>(event)->position().toPoint();
    const Layout l = layout(option, index);
    if (l.retry.isValid() && l.retry.contains(at)) {
        Q_EMIT retryRequested(index.data(ThreadModel::IdRole).toLongLong());
        return true;
    }
    for (const Layout::Item& item : l.attachments) {
        using Kind = Layout::Item::Kind;
        if (item.rect.contains(at) && (item.kind == Kind::Thumbnail || item.kind == Kind::File)) {
            Q_EMIT attachmentActivated(item.attachment.value(QStringLiteral("messageId")).toLongLong(),
                                       item.attachment.value(QStringLiteral("position")).toInt());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace mhero::ui
