#pragma once

#include "audit/AuditLog.h"

#include <QAbstractTableModel>

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The audit log as a lazy table: pages of entries are fetched on the database thread by keyset
/// (newest first) as the view scrolls (canFetchMore/fetchMore); a new filter drops the rows and
/// any answer still on its way for the old one.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    enum Column { TimeColumn, UserColumn, ActionColumn, RecordColumn, ChangesColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, BeforeRole, AfterRole };

    explicit AuditLogModel(Database& database, QObject* parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    void setFilter(const QString& text);
    /// Drops every row and loads the first page again.
    void reload();
    /// Adds at the top the entries written since the top row was loaded (the page follows the
    /// log live); the rows already shown, and the place the reader scrolled to, stay.
    void fetchNewer();

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] const AuditEntry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Human words for an entry's parts (also used by the details pane).
    static QString actionLabel(const QString& action);
    static QString recordLabel(const AuditEntry& entry);
    static QString changesLabel(const AuditEntry& entry);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived (rows may be 0).
    void pageLoaded(int rows);
    void errorOccurred(const QString& message);

private:
    void onPage(int generation, const Result<QList<AuditEntry>>& page);
    void onNewer(int generation, const Result<QList<AuditEntry>>& newer);

    Database& m_database;
    QList<AuditEntry> m_entries;
    QString m_filter;
    int m_pageSize = 200;
    int m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_fetchingNewer = false;
    bool m_newerAgain = false; ///< more was written while newer entries were on their way
};

} // namespace mhero::ui
