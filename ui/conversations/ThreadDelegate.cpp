#include "conversations/ThreadDelegate.h"

#include "conversations/ThreadModel.h"

#include <QApplication>
#include <QDateTime>
#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QtConcurrent>
#include <QLocale>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>
#include <QPainterPath>

namespace mhero::ui {

// ---------------------------------------------------------------------------------------------
ImageCache::ImageCache(QNetworkAccessManager* network, QSize thumbnailSize, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_size(thumbnailSize)
{ }

namespace {
constexpr qint64 kMaxImageBytes = 25 * 1024 * 1024;

/// Decodes straight to thumbnail size (phone pictures are large); a null image when unreadable.
QImage thumbnail(const QByteArray& bytes, QSize size)
{
    if (bytes.isEmpty())
        return {};
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(size, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull() || image.size().boundedTo(size) == image.size())
        return image;
    return image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}
} // namespace

const ImageCache::Entry& ImageCache::get(const QString& url)
{
    if (const auto found = m_entries.constFind(url); found != m_entries.cend())
        return *found;
    Entry& entry = m_entries[url];
    const QUrl parsed(url, QUrl::StrictMode);
    static const QStringList schemes{QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("file"),
                                     QStringLiteral("data")};
    if (!m_network || !parsed.isValid() || !schemes.contains(parsed.scheme())) {
        entry.state = State::Failed;
        return entry;
    }
    QNetworkRequest request(parsed);
    request.setTransferTimeout(15'000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_network->get(request);
    // A "picture" of hundreds of megabytes is not a thumbnail: stop reading and show a link.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const QByteArray bytes = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
        // Decoding a phone's photo takes tens of milliseconds: off the GUI thread. QPixmap is
        // made back here, where it must be.
        const QSize size = m_size;
        auto* watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, url] {
            watcher->deleteLater();
            const QImage image = watcher->result();
            Entry& e = m_entries[url];
            e.state = image.isNull() ? State::Failed : State::Ready;
            if (!image.isNull())
                e.pixmap = QPixmap::fromImage(image);
            Q_EMIT changed(url);
        });
        watcher->setFuture(QtConcurrent::run([bytes, size] { return thumbnail(bytes, size); }));
    });
    return entry;
}

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

bool isImage(const QVariantMap& a)
{
    return a.value(QStringLiteral("contentType")).toString().startsWith(QLatin1String("image/"));
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
        QRect rect;
        QString url;
        bool image = false;
    };
    QRect separator;
    QRect bubble;
    QRect text;
    QList<Item> attachments;
    QRect footer;
    QRect error;
    QRect retry;
    int height = 0;
};

ThreadDelegate::ThreadDelegate(ImageCache* images, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
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
    const QSize thumb = m_images ? m_images->thumbnailSize() : QSize(220, 160);
    QList<QPair<QSize, QVariantMap>> items;
    for (const QVariant& v : attachments) {
        const QVariantMap a = v.toMap();
        const QSize size = isImage(a)
            ? thumb.boundedTo(QSize(maxText, thumb.height()))
            : QSize(
                std::min(maxText, fm.horizontalAdvance(a.value(QStringLiteral("url")).toString()) + fm.height() + 4),
                fm.height());
        items.append({size, a});
        contentWidth = std::max(contentWidth, size.width());
        contentHeight += (contentHeight > 0 ? kGap : 0) + size.height();
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
    for (const auto& [size, a] : items) {
        l.attachments.append(
            {QRect(QPoint(left + kPad, cy), size), a.value(QStringLiteral("url")).toString(), isImage(a)});
        cy += size.height() + kGap;
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

    const QFontMetrics fm(option.font);
    for (const Layout::Item& item : l.attachments) {
        if (item.image && m_images) {
            const ImageCache::Entry& entry = m_images->get(item.url);
            if (entry.state == ImageCache::State::Ready) {
                QRect target(QPoint(0, 0), entry.pixmap.size().boundedTo(item.rect.size()));
                target.moveTopLeft(item.rect.topLeft());
                painter->drawPixmap(target, entry.pixmap);
                continue;
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xEC, 0xEF, 0xEE));
            painter->drawRoundedRect(item.rect, 6, 6);
            painter->setPen(kMuted);
            if (entry.state == ImageCache::State::Loading) {
                painter->drawText(item.rect, Qt::AlignCenter, tr("Loading image…"));
                continue;
            }
            // A picture that cannot be shown: its link, so the agent can still open it.
            painter->drawText(item.rect.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                              tr("Image could not be loaded"));
            painter->setPen(kLink);
            painter->drawText(item.rect.adjusted(6, 0, -6, -6), Qt::AlignBottom | Qt::AlignHCenter,
                              fm.elidedText(item.url, Qt::ElideMiddle, item.rect.width() - 12));
            continue;
        }
        painter->setPen(kLink);
        QFont underlined = option.font;
        underlined.setUnderline(true);
        painter->setFont(underlined);
        painter->drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(QStringLiteral("📎 ") + item.url, Qt::ElideMiddle, item.rect.width()));
        painter->setFont(option.font);
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
        if (item.rect.contains(at)) {
            Q_EMIT linkActivated(QUrl(item.url));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace mhero::ui
