#include "audit/AuditLogModel.h"

#include "db/Database.h"

#include <QJsonDocument>
#include <QLocale>

namespace mhero::ui {

namespace {
QString shortValue(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return AuditLogModel::tr("(none)");
    if (value.isString())
        return value.toString().left(60);
    if (value.isBool())
        return value.toBool() ? AuditLogModel::tr("yes") : AuditLogModel::tr("no");
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact)).left(60);
}
} // namespace

AuditLogModel::AuditLogModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
    connect(&database, &Database::reconnected, this, &AuditLogModel::reload);
}

void AuditLogModel::setFilter(const QString& text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_atEnd = false;
    ++m_generation; // answers for the old rows are dropped on arrival
    m_fetchingNewer = false;
    m_newerAgain = false;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
    endResetModel();
    fetchMore({});
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    const std::optional<qint64> before
        = m_entries.isEmpty() ? std::nullopt : std::optional<qint64>(m_entries.constLast().id);
    const QString filter = m_filter;
    const int limit = m_pageSize + 1; // one more tells whether another page exists
    m_database.run(
        this, [filter, before, limit](QSqlDatabase& db) { return fetchAuditPage(db, filter, before, limit); },
        [this, generation](const Result<QList<AuditEntry>>& page) { onPage(generation, page); });
}

void AuditLogModel::fetchNewer()
{
    if (m_entries.isEmpty()) {
        // Nothing shown yet: the first page is on its way (it will have the new entries), or the
        // log was empty or failed to load.
        if (!m_loading)
            reload();
        return;
    }
    if (m_fetchingNewer) {
        m_newerAgain = true; // one more round once this one is in, from its newest row
        return;
    }
    m_fetchingNewer = true;
    const int generation = m_generation;
    const qint64 after = m_entries.constFirst().id;
    const QString filter = m_filter;
    const int limit = m_pageSize + 1;
    m_database.run(
        this, [filter, after, limit](QSqlDatabase& db) { return fetchAuditSince(db, filter, after, limit); },
        [this, generation](const Result<QList<AuditEntry>>& newer) { onNewer(generation, newer); });
}

void AuditLogModel::onNewer(int generation, const Result<QList<AuditEntry>>& newer)
{
    if (generation != m_generation)
        return;
    m_fetchingNewer = false;
    if (!newer) {
        Q_EMIT errorOccurred(newer.error().message);
        return;
    }
    if (newer->size() > m_pageSize) {
        reload(); // more than a page was written: start again from the top rather than leave a gap
        return;
    }
    if (!newer->isEmpty()) {
        beginInsertRows({}, 0, int(newer->size() - 1));
        m_entries = *newer + m_entries;
        endInsertRows();
        Q_EMIT pageLoaded(int(newer->size()));
    }
    if (m_newerAgain) {
        m_newerAgain = false;
        fetchNewer();
    }
}

void AuditLogModel::onPage(int generation, const Result<QList<AuditEntry>>& page)
{
    if (generation != m_generation)
        return;
    if (!page) {
        m_loading = false;
        m_atEnd = true; // do not hammer a failing server; reload() tries again
        Q_EMIT loadingChanged(false);
        Q_EMIT errorOccurred(page.error().message);
        return;
    }
    QList<AuditEntry> rows = *page;
    m_atEnd = rows.size() <= m_pageSize;
    if (!m_atEnd)
        rows.removeLast();
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + rows.size() - 1));
        m_entries.append(rows);
        endInsertRows();
    }
    // Only now: a view reacting to rowsInserted may ask for the next page, whose cursor is the
    // last row appended above.
    m_loading = false;
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(int(rows.size()));
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry& e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case UserColumn:
            return e.actorName.isEmpty() ? e.actor : tr("%1 (%2)").arg(e.actorName, e.actor);
        case ActionColumn:
            return actionLabel(e.action);
        case RecordColumn:
            return recordLabel(e);
        case ChangesColumn:
            return changesLabel(e);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ChangesColumn)
            return changesLabel(e);
        if (index.column() == TimeColumn)
            return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
        break;
    case EntryIdRole:
        return e.id;
    case BeforeRole:
        return e.before;
    case AfterRole:
        return e.after;
    default:
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case ChangesColumn:
        return tr("Changes");
    case ColumnCount:
        break;
    }
    return {};
}

QString AuditLogModel::actionLabel(const QString& action)
{
    if (action == QLatin1String("insert"))
        return tr("Created");
    if (action == QLatin1String("update"))
        return tr("Modified");
    if (action == QLatin1String("delete"))
        return tr("Deleted");
    if (action == QLatin1String("set_secret"))
        return tr("Credentials changed");
    return action;
}

QString AuditLogModel::recordLabel(const AuditEntry& entry)
{
    const QString& t = entry.tableName;
    QString kind = t;
    if (t == QLatin1String("app_user"))
        kind = tr("User");
    else if (t == QLatin1String("setting"))
        kind = tr("Setting");
    else if (t == QLatin1String("source") || t == QLatin1String("source_secret"))
        kind = tr("Source");
    else if (t == QLatin1String("template"))
        kind = tr("Template");
    else if (t == QLatin1String("template_version"))
        kind = tr("Template version");
    else if (t == QLatin1String("template_body"))
        kind = tr("Template text");
    else if (t == QLatin1String("conversation"))
        kind = tr("Conversation");
    return entry.rowKey.isEmpty() ? kind : kind + QLatin1Char(' ') + entry.rowKey;
}

QString AuditLogModel::changesLabel(const AuditEntry& entry)
{
    static const QStringList noise{QStringLiteral("updated_at"), QStringLiteral("created_at"),
                                   QStringLiteral("last_activity_at")};
    QStringList parts;
    if (entry.action == QLatin1String("update")) {
        for (const QString& field : entry.changedFields())
            if (!noise.contains(field))
                parts << tr("%1: %2 → %3")
                             .arg(field, shortValue(entry.before.value(field)), shortValue(entry.after.value(field)));
    } else {
        const QJsonObject& row = entry.action == QLatin1String("delete") ? entry.before : entry.after;
        for (const char* field : {"display_name", "name", "kind", "status", "key", "value", "source", "language"})
            if (row.contains(QLatin1String(field)))
                parts << tr("%1: %2").arg(QLatin1String(field), shortValue(row.value(QLatin1String(field))));
    }
    return parts.join(QLatin1String("; "));
}

} // namespace mhero::ui
