#include "conversations/ThreadModel.h"

#include "conversations/MediaCache.h"
#include "db/Database.h"

#include <QLocale>
#include <QPixmap>

#include <QVariantMap>
#include <algorithm>

namespace mhero::ui {

using messaging::MessageRow;

namespace {
bool threadOrderBefore(const MessageRow& a, const MessageRow& b)
{
    if (a.createdKey != b.createdKey)
        return a.createdKey < b.createdKey;
    return a.id < b.id;
}
// Outgoing messages whose status may still move (read is final; failed may be retried), and
// messages whose attachments the engine has yet to fetch.
bool unsettled(const MessageRow& m)
{
    if (std::any_of(m.attachments.cbegin(), m.attachments.cend(),
                    [](const messaging::Attachment& a) { return a.state == QLatin1String("pending"); }))
        return true;
    return m.direction == QLatin1String("out") && m.status != QLatin1String("read");
}
bool isImage(const messaging::Attachment& a)
{
    return a.contentType.startsWith(QLatin1String("image/"));
}
constexpr int kMaxRecheck = 200;
} // namespace

ThreadModel::ThreadModel(Database& database, QObject* parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_media(new MediaCache(database, this))
{
    connect(&database, &Database::reconnected, this, [this] { setConversation(m_conversation); });
    connect(m_media, &MediaCache::changed, this, [this](qint64 messageId) {
        if (const int row = rowOfMessage(messageId); row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {AttachmentsRole, Qt::DecorationRole});
    });
}

void ThreadModel::setConversation(qint64 id)
{
    beginResetModel();
    m_conversation = id;
    m_rows.clear();
    m_older.reset();
    m_atBeginning = id == 0;
    m_refreshing = false;
    m_refreshAgain = false;
    ++m_generation;
    m_loading = false;
    endResetModel();
    if (id == 0)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    const int limit = m_pageSize;
    m_database.run(
        this, [id, limit](QSqlDatabase& db) { return messaging::loadThread(db, id, std::nullopt, limit); },
        [this, generation](const Result<messaging::ThreadPage>& page) { onPage(generation, true, page); });
}

int ThreadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ThreadModel::rowOfMessage(qint64 id) const
{
    for (int r = int(m_rows.size()) - 1; r >= 0; --r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

bool ThreadModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_conversation != 0 && !m_atBeginning && !m_loading;
}

void ThreadModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    const qint64 id = m_conversation;
    const auto before = m_older;
    const int limit = m_pageSize;
    m_database.run(
        this, [id, before, limit](QSqlDatabase& db) { return messaging::loadThread(db, id, before, limit); },
        [this, generation](const Result<messaging::ThreadPage>& page) { onPage(generation, false, page); });
}

void ThreadModel::onPage(int generation, bool first, const Result<messaging::ThreadPage>& page)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!page) {
        m_atBeginning = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT errorOccurred(page.error().message);
        return;
    }
    QList<MessageRow> rows;
    for (const MessageRow& m : page->rows)
        if (rowOfMessage(m.id) < 0)
            rows.append(m);
    if (!rows.isEmpty()) {
        // Older messages go in front; the first message shown before may lose its day line.
        beginInsertRows({}, 0, int(rows.size()) - 1);
        m_rows = rows + m_rows;
        endInsertRows();
        if (m_rows.size() > rows.size()) {
            const QModelIndex next = index(int(rows.size()));
            Q_EMIT dataChanged(next, next, {DaySeparatorRole});
        }
    }
    m_older = page->older;
    m_atBeginning = !m_older.has_value();
    Q_EMIT loadingChanged(false);
    if (first)
        Q_EMIT threadLoaded();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void ThreadModel::refresh()
{
    if (m_conversation == 0)
        return;
    if (m_refreshing || (m_loading && m_rows.isEmpty())) {
        m_refreshAgain = true; // once the answer in flight is in
        return;
    }
    m_refreshing = true;
    qint64 newest = 0;
    QList<qint64> recheck;
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        const MessageRow& m = m_rows.at(r);
        newest = std::max(newest, m.id);
        if (unsettled(m) && recheck.size() < kMaxRecheck)
            recheck.append(m.id);
    }
    const int generation = m_generation;
    const qint64 id = m_conversation;
    m_database.run(
        this, [id, newest, recheck](QSqlDatabase& db) { return messaging::loadThreadChanges(db, id, newest, recheck); },
        [this, generation](const Result<QList<MessageRow>>& rows) { onChanges(generation, rows); });
}

void ThreadModel::onChanges(int generation, const Result<QList<MessageRow>>& rows)
{
    if (generation != m_generation)
        return;
    m_refreshing = false;
    if (!rows) {
        Q_EMIT errorOccurred(rows.error().message);
        return;
    }
    bool appended = false;
    for (const MessageRow& m : *rows) {
        const int existing = rowOfMessage(m.id);
        if (existing >= 0) {
            m_rows[existing] = m;
            const QModelIndex changed = index(existing);
            Q_EMIT dataChanged(changed, changed);
            continue;
        }
        int position = int(m_rows.size());
        while (position > 0 && threadOrderBefore(m, m_rows.at(position - 1)))
            --position;
        beginInsertRows({}, position, position);
        m_rows.insert(position, m);
        endInsertRows();
        if (position + 1 < m_rows.size()) {
            const QModelIndex next = index(position + 1);
            Q_EMIT dataChanged(next, next, {DaySeparatorRole});
        } else {
            appended = true;
        }
    }
    if (appended)
        Q_EMIT messagesAppended();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

QDate ThreadModel::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

QDate ThreadModel::dayOf(int row) const
{
    return m_rows.at(row).createdAt.toLocalTime().date();
}

bool ThreadModel::isDayStart(int row) const
{
    return row == 0 || dayOf(row - 1) != dayOf(row);
}

QString ThreadModel::dayLabel(const QDate& day) const
{
    const QDate now = today();
    if (day == now)
        return tr("Today");
    if (day == now.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, day.year() == now.year() ? tr("dddd d MMMM") : tr("d MMMM yyyy"));
}

namespace {
// When the sender tries next, as an agent reads it: a time today, else a date and time.
QString whenNext(const QDateTime& at)
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}
} // namespace

QString ThreadModel::sendingNote(const MessageRow& m)
{
    if (m.direction != QLatin1String("out") || m.status != QLatin1String("queued"))
        return {};
    if (m.channelOff) {
        return m.channelName.isEmpty()
            ? tr("Not sent yet: the channel is switched off. It goes when the channel is switched on again.")
            : tr("Not sent yet: the channel is switched off (%1). It goes when the channel is switched on again.")
                  .arg(m.channelName);
    }
    const bool later = m.nextAttemptAt.isValid() && m.nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(5);
    if (!m.lastError.isEmpty()) {
        const QString next = later ? tr("Next try at %1.").arg(whenNext(m.nextAttemptAt)) : tr("Trying again now.");
        return tr("Not sent yet: attempts so far: %1; last error: %2. %3").arg(m.attempts).arg(m.lastError, next);
    }
    if (later) // given back by the platform (too many requests) before a try
        return tr("Not sent yet: waiting for the platform. Next try at %1.").arg(whenNext(m.nextAttemptAt));
    return {};
}

QString ThreadModel::statusText(const MessageRow& m)
{
    if (m.direction != QLatin1String("out"))
        return tr("Received");
    if (m.status == QLatin1String("queued"))
        return m.attempts > 0 && m.lastError.isEmpty() ? tr("Being sent (attempt %1)").arg(m.attempts)
                                                       : tr("Waiting to be sent");
    if (m.status == QLatin1String("sent"))
        return tr("Sent");
    if (m.status == QLatin1String("delivered"))
        return tr("Delivered");
    if (m.status == QLatin1String("read"))
        return tr("Read");
    if (m.status == QLatin1String("failed"))
        return m.error.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(m.error);
    return m.status;
}

QVariant ThreadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        if (m.text.isEmpty() && m.attachments.isEmpty() && !m.unsupportedType.isEmpty())
            return tr("Unsupported message (%1): mHero cannot show it; open it on the messaging platform.")
                .arg(m.unsupportedType);
        return m.text;
    case IdRole:
        return m.id;
    case DirectionRole:
        return m.direction;
    case TimeRole:
        return m.createdAt;
    case StatusRole:
        return m.status;
    case AuthorRole:
        return m.authorName;
    case AttachmentsRole: {
        QVariantList list;
        for (const messaging::Attachment& a : m.attachments) {
            QVariantMap item{{QStringLiteral("messageId"), m.id},
                             {QStringLiteral("position"), a.position},
                             {QStringLiteral("contentType"), a.contentType},
                             {QStringLiteral("fileName"), a.fileName},
                             {QStringLiteral("size"), a.size},
                             {QStringLiteral("state"), a.state},
                             {QStringLiteral("error"), a.error}};
            // Thumbnails of stored images, read from the database on first show.
            if (a.state == QLatin1String("stored") && isImage(a)) {
                const MediaCache::Entry& thumb = m_media->thumbnail(m.id, a.position);
                item.insert(QStringLiteral("thumbnailState"),
                            thumb.state == MediaCache::State::Ready      ? QStringLiteral("ready")
                                : thumb.state == MediaCache::State::None ? QStringLiteral("none")
                                                                         : QStringLiteral("loading"));
                if (thumb.state == MediaCache::State::Ready)
                    item.insert(QStringLiteral("thumbnail"), thumb.pixmap);
            }
            list.append(item);
        }
        return list;
    }
    case Qt::DecorationRole:
        // The first picture's thumbnail, once it is in (what a list view, or a test, shows).
        for (const messaging::Attachment& a : m.attachments)
            if (a.state == QLatin1String("stored") && isImage(a)) {
                const MediaCache::Entry& thumb = m_media->thumbnail(m.id, a.position);
                if (thumb.state == MediaCache::State::Ready)
                    return thumb.pixmap;
            }
        return {};
    case ErrorRole:
        return m.error;
    case DaySeparatorRole:
        return isDayStart(index.row());
    case DayLabelRole:
        return dayLabel(dayOf(index.row()));
    case SendingNoteRole:
        return sendingNote(m);
    case StatusTextRole:
        return statusText(m);
    case Qt::AccessibleTextRole: {
        // What a screen reader says of a bubble: who, when, the words, and the ticks in words.
        const QString when = QLocale().toString(m.createdAt.toLocalTime(), QLocale::ShortFormat);
        const QString who = m.direction == QLatin1String("out")
            ? (m.authorName.isEmpty() ? tr("Reply, %1").arg(when) : tr("Reply by %1, %2").arg(m.authorName, when))
            : tr("Message received %1").arg(when);
        QStringList parts{who, data(index, TextRole).toString()};
        for (const messaging::Attachment& a : m.attachments)
            parts << (a.fileName.isEmpty() ? a.contentType : a.fileName);
        if (m.direction == QLatin1String("out"))
            parts << statusText(m);
        if (const QString note = sendingNote(m); !note.isEmpty())
            parts << note;
        parts.removeAll(QString());
        return parts.join(QStringLiteral(". "));
    }
    case Qt::ToolTipRole: {
        const QLocale locale;
        QStringList lines{tr("Written %1").arg(locale.toString(m.createdAt.toLocalTime(), QLocale::ShortFormat))};
        if (m.direction == QLatin1String("out") && m.status == QLatin1String("queued")) {
            lines << statusText(m);
            if (m.attempts > 0)
                lines << tr("Attempts so far: %1").arg(m.attempts);
            if (!m.lastError.isEmpty())
                lines << tr("Last error: %1").arg(m.lastError);
            if (m.channelOff)
                lines << tr("The channel is switched off (%1).").arg(m.channelName);
            else if (m.nextAttemptAt.isValid() && m.nextAttemptAt > QDateTime::currentDateTimeUtc())
                lines << tr("Next try: %1").arg(locale.toString(m.nextAttemptAt.toLocalTime(), QLocale::ShortFormat));
        }
        if (m.sentAt.isValid())
            lines << tr("Sent %1").arg(locale.toString(m.sentAt.toLocalTime(), QLocale::ShortFormat));
        if (m.deliveredAt.isValid())
            lines << tr("Delivered %1").arg(locale.toString(m.deliveredAt.toLocalTime(), QLocale::ShortFormat));
        if (m.readAt.isValid())
            lines << tr("Read %1").arg(locale.toString(m.readAt.toLocalTime(), QLocale::ShortFormat));
        if (m.failedAt.isValid())
            lines << tr("Failed %1").arg(locale.toString(m.failedAt.toLocalTime(), QLocale::ShortFormat));
        return lines.join(QLatin1Char('\n'));
    }
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> ThreadModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {DirectionRole, "direction"},
                  {TextRole, "text"},
                  {TimeRole, "time"},
                  {StatusRole, "status"},
                  {AuthorRole, "author"},
                  {AttachmentsRole, "attachments"},
                  {ErrorRole, "error"},
                  {DaySeparatorRole, "daySeparator"},
                  {DayLabelRole, "dayLabel"},
                  {SendingNoteRole, "sendingNote"},
                  {StatusTextRole, "statusText"}});
    return names;
}

} // namespace mhero::ui
