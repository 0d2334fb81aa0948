#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace mhero {
class Database;
}

namespace mhero::ui {

class AuditLogModel;

/// Who changed what, and when: the audit log for supervisors and administrators, searchable,
/// with the record before and after the change.
class AuditLogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogPage)

public:
    explicit AuditLogPage(Database& database, QWidget* parent = nullptr);
    [[nodiscard]] AuditLogModel* model() const { return m_model; }

private:
    void showDetails();

    AuditLogModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer m_searchDelay;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace mhero::ui
