#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// Finds the health worker behind an unknown contact: a search over the directory (typos and
/// phone numbers in any format), one pick. Opened with open(), never exec(): it does not block.
class LinkContactDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkContactDialog)

public:
    /// @p search: what to look for first (the number, or the name the person gave the platform).
    LinkContactDialog(Database& database, const QString& urn, const QString& search, QWidget* parent = nullptr);
    [[nodiscard]] qint64 selectedHealthWorker() const;

private:
    void search();

    Database& m_database;
    QLineEdit* m_query = nullptr;
    QListWidget* m_results = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_debounce = nullptr;
    int m_generation = 0;
};

} // namespace mhero::ui
