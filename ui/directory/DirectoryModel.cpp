#include "directory/DirectoryModel.h"

#include "db/Database.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace mhero::ui {

DirectoryModel::DirectoryModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
    connect(&database, &Database::reconnected, this, &DirectoryModel::reload);
}

void DirectoryModel::setFilter(const directory::SearchFilter& filter)
{
    m_filter = filter;
    reload();
}

void DirectoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_atEnd = false;
    m_exactCount = 0;
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
    endResetModel();
    fetchMore({});
}

int DirectoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DirectoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DirectoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void DirectoryModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const int generation = m_generation;
    const directory::SearchFilter filter = m_filter;
    const std::optional<directory::SearchCursor> after = m_next;
    const int limit = m_pageSize;
    m_database.run(
        this, [filter, after, limit](QSqlDatabase& db) { return directory::search(db, filter, after, limit); },
        [this, generation](const Result<directory::SearchPage>& page) { onPage(generation, page); });
}

void DirectoryModel::onPage(int generation, const Result<directory::SearchPage>& page)
{
    if (generation != m_generation)
        return;
    if (!page) {
        m_loading = false;
        m_atEnd = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT errorOccurred(page.error().message);
        return;
    }
    const bool exactPhase = !m_next || m_next->phase == 0;
    const QList<directory::DirectoryRow>& rows = page->rows;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    if (exactPhase)
        m_exactCount = int(m_rows.size());
    m_next = page->next;
    m_atEnd = !m_next.has_value();
    m_loading = false;
    // Few exact matches leave the view with room: the typo-tolerant matches follow at once
    // (a view only asks for more when it is scrolled to the end).
    if (exactPhase && m_next && m_next->phase == 1 && rows.size() < m_pageSize) {
        fetchMore({});
        return;
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(int(rows.size()));
}

QVariant DirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const directory::DirectoryRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return r.active ? r.displayName : tr("%1 (inactive)").arg(r.displayName);
        case CadreColumn:
            return r.patient ? tr("Patient") : r.cadre;
        case FacilityColumn:
            return r.facility;
        case DistrictColumn:
            return r.district;
        case PhoneColumn:
            return r.phone;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == PhoneColumn && !r.phone.isEmpty() && !r.phoneValid)
            return tr("This number is not valid; the registry should correct it.");
        if (index.column() == CadreColumn && !r.job.isEmpty())
            return r.job;
        if (index.row() >= m_exactCount)
            return tr("Similar spelling");
        break;
    case Qt::ForegroundRole:
        if (!r.active || (index.column() == PhoneColumn && !r.phoneValid))
            return QBrush(QColor(index.column() == PhoneColumn && !r.phoneValid ? 0xB7'1C'1C : 0x78'90'9C));
        break;
    case Qt::FontRole:
        if (index.row() >= m_exactCount && index.column() == NameColumn) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        break;
    case IdRole:
        return r.id;
    case ActiveRole:
        return r.active;
    case PhoneValidRole:
        return r.phoneValid;
    default:
        break;
    }
    return {};
}

QVariant DirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case CadreColumn:
        return tr("Cadre");
    case FacilityColumn:
        return tr("Facility");
    case DistrictColumn:
        return tr("District");
    case PhoneColumn:
        return tr("Phone");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mhero::ui
