#include "conversations/ConversationListModel.h"

#include "db/Database.h"

#include <QFont>

namespace mhero::ui {

using messaging::ConversationRow;

ConversationListModel::ConversationListModel(Database& database, const QString& me, QObject* parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_me(me)
{
    connect(&database, &Database::reconnected, this, &ConversationListModel::reload);
}

void ConversationListModel::setView(messaging::QueueView view)
{
    m_view = view;
    reload();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_atEnd = false;
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
    endResetModel();
    fetchMore({});
}

QString ConversationListModel::channelLabel(const QString& scheme)
{
    if (scheme == QLatin1String("whatsapp"))
        return tr("WhatsApp");
    if (scheme == QLatin1String("telegram"))
        return tr("Telegram");
    if (scheme == QLatin1String("facebook"))
        return tr("Messenger");
    return tr("SMS");
}

QString ConversationListModel::channelText(const QString& scheme, const QString& source)
{
    return source.isEmpty() ? channelLabel(scheme) : tr("%1 · %2").arg(channelLabel(scheme), source);
}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

bool ConversationListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void ConversationListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    const auto view = m_view;
    const auto after = m_next;
    const int limit = m_pageSize;
    m_database.run(
        this, [view, after, limit](QSqlDatabase& db) { return messaging::loadQueue(db, view, after, limit); },
        [this, generation](const Result<messaging::QueuePage>& page) { onPage(generation, page); });
}

void ConversationListModel::onPage(int generation, const Result<messaging::QueuePage>& page)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!page) {
        m_atEnd = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT errorOccurred(page.error().message);
        return;
    }
    // A live update may already have put some of these rows in.
    QList<ConversationRow> rows;
    for (const ConversationRow& row : page->rows)
        if (rowOf(row.id) < 0)
            rows.append(row);
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    m_next = page->next;
    m_atEnd = !m_next.has_value();
    Q_EMIT loadingChanged(false);
}

void ConversationListModel::refreshConversation(qint64 id)
{
    const int serial = ++m_refreshSerial[id];
    m_database.run(
        this, [id](QSqlDatabase& db) { return messaging::loadConversation(db, id); },
        [this, id, serial](const Result<std::optional<ConversationRow>>& row) {
            if (m_refreshSerial.value(id) != serial)
                return; // a newer re-read of the same conversation is on its way
            m_refreshSerial.remove(id);
            if (!row) {
                Q_EMIT errorOccurred(row.error().message);
                return;
            }
            onRefreshed(id, *row);
        });
}

int ConversationListModel::insertPosition(const ConversationRow& row) const
{
    int position = 0;
    while (position < m_rows.size() && messaging::queueOrderBefore(m_rows.at(position), row))
        ++position;
    return position;
}

void ConversationListModel::onRefreshed(qint64 id, const std::optional<ConversationRow>& row)
{
    const int current = rowOf(id);
    const bool belongs = row && messaging::belongsTo(*row, m_view, m_me);
    Q_EMIT liveUpdateStarted();
    if (current >= 0) {
        beginRemoveRows({}, current, current);
        m_rows.removeAt(current);
        endRemoveRows();
    }
    if (belongs) {
        const int position = insertPosition(*row);
        // Past the loaded rows, the row will come with a later page.
        if (position < m_rows.size() || m_atEnd || (current >= 0 && position == m_rows.size())) {
            beginInsertRows({}, position, position);
            m_rows.insert(position, *row);
            endInsertRows();
        }
    }
    Q_EMIT liveUpdateFinished();
    if (row)
        Q_EMIT conversationRefreshed(*row);
    else
        Q_EMIT conversationGone(id);
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ContactRole:
        return r.contactName;
    case Qt::ToolTipRole: {
        // The address says the channel (tel:, whatsapp:…); the source says which number or
        // workspace of it the person wrote to.
        const QString who = r.known() ? tr("%1 — %2").arg(r.contactName, r.urn) : tr("Unknown contact — %1").arg(r.urn);
        return r.channelName.isEmpty() ? who : who + QLatin1Char('\n') + tr("Through %1").arg(r.channelName);
    }
    case Qt::AccessibleTextRole: {
        QStringList parts{r.known() ? r.contactName : tr("Unknown contact %1").arg(r.contactName), r.urn};
        if (!r.channelName.isEmpty())
            parts << tr("through %1").arg(r.channelName);
        if (r.unreadCount > 0)
            parts << tr("%1 unread").arg(r.unreadCount);
        parts << r.lastMessageText;
        parts << (r.assignee.isEmpty() ? tr("unassigned") : tr("assigned to %1").arg(r.assigneeName));
        parts.removeAll(QString());
        return parts.join(QStringLiteral(", "));
    }
    case Qt::FontRole:
        if (r.unreadCount > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case IdRole:
        return r.id;
    case UrnRole:
        return r.urn;
    case SchemeRole:
        return r.scheme;
    case KnownContactRole:
        return r.known();
    case PreviewRole:
        return r.lastMessageText;
    case DirectionRole:
        return r.lastMessageDirection;
    case LastActivityRole:
        return r.lastActivityAt;
    case UnreadRole:
        return r.unreadCount;
    case AssigneeRole:
        return r.assignee;
    case AssigneeNameRole:
        return r.assigneeName;
    case StatusRole:
        return r.status;
    case OptedOutRole:
        return r.optedOut;
    case FacilityRole:
        return r.facility;
    case SourceNameRole:
        return r.channelName;
    case ChannelRole:
        return channelText(r.scheme, r.channelName);
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {UrnRole, "urn"},
                  {SchemeRole, "scheme"},
                  {ContactRole, "contact"},
                  {KnownContactRole, "knownContact"},
                  {PreviewRole, "preview"},
                  {DirectionRole, "direction"},
                  {LastActivityRole, "lastActivity"},
                  {UnreadRole, "unread"},
                  {AssigneeRole, "assignee"},
                  {AssigneeNameRole, "assigneeName"},
                  {StatusRole, "status"},
                  {OptedOutRole, "optedOut"},
                  {FacilityRole, "facility"},
                  {SourceNameRole, "sourceName"},
                  {ChannelRole, "channel"}});
    return names;
}

} // namespace mhero::ui
