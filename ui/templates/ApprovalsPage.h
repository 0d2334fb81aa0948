#pragma once

#include "templates/TemplateStore.h"

#include <QWidget>

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
/// against the version in use; Ctrl+Enter approves, a reason typed in the inline field and Enter
/// (or the Reject button) rejects, Up/Down move through the queue. The server refuses a version
/// the supervisor wrote or edited; the page says so before they try.
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
    void decide(bool approve);

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
};

} // namespace mhero::ui
