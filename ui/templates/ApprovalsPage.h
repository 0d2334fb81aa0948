#pragma once

#include "templates/TemplateStore.h"

#include <QPointer>
#include <QWidget>

class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The supervisors' queue of submitted template versions, oldest first. Each shows as a diff
/// against the version in use; Ctrl+Enter (or Approve) asks to confirm with every body in full
/// (ApproveDialog), a reason typed in the inline field and Enter (or the Reject button) rejects,
/// Up/Down move through the queue. The server refuses a version the supervisor wrote or edited;
/// the page says so before they try. The queue follows the database live.
class ApprovalsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalsPage)

public:
    ApprovalsPage(Database& database, const QString& roleName, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] int queueLength() const { return int(m_queue.size()); }
    void approveCurrent();
    void rejectCurrent();

Q_SIGNALS:
    /// The queue was (re)loaded.
    void queueLoaded();
    /// A decision came back from the server.
    void decided(bool ok);

private:
    void showCurrent();
    /// Approves or rejects @p version (of template @p name); the server has the last word.
    void decide(qint64 version, const QString& name, bool approve);

    Database& m_database;
    QString m_roleName;
    QListWidget* m_list = nullptr;
    QLabel* m_header = nullptr;
    QTextBrowser* m_diff = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QLabel* m_statusLine = nullptr;
    QList<templates::PendingApproval> m_queue;
    QPointer<QDialog> m_confirmation; ///< the open "Approve this version?" question, if any
    QString m_lastDecision; ///< kept on the status line across reloads
};

} // namespace mhero::ui
