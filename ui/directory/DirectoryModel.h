#pragma once

#include "directory/DirectorySearch.h"

#include <QAbstractTableModel>

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The directory as a lazy table: one page of a search at a time, fetched on the database thread
/// by keyset as the view scrolls (canFetchMore/fetchMore), so a million people never load at once.
/// A new search drops the rows and any answer still on its way for the old one.
class DirectoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryModel)

public:
    enum Column { NameColumn, CadreColumn, FacilityColumn, DistrictColumn, PhoneColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, ActiveRole, PhoneValidRole };

    explicit DirectoryModel(Database& database, QObject* parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    void setFilter(const directory::SearchFilter& filter);
    [[nodiscard]] const directory::SearchFilter& filter() const { return m_filter; }
    void reload();

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] const directory::DirectoryRow& row(int r) const { return m_rows.at(r); }
    /// How many rows are exact matches (the rest, after them, are typo-tolerant matches).
    [[nodiscard]] int exactCount() const { return m_exactCount; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int rows);
    void errorOccurred(const QString& message);

private:
    void onPage(int generation, const Result<directory::SearchPage>& page);

    Database& m_database;
    directory::SearchFilter m_filter;
    QList<directory::DirectoryRow> m_rows;
    std::optional<directory::SearchCursor> m_next;
    int m_pageSize = 100;
    int m_generation = 0;
    int m_exactCount = 0;
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace mhero::ui
