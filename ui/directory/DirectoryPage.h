#pragma once

#include "Result.h"
#include "directory/DirectorySearch.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace mhero {
class Database;
}

namespace mhero::ui {

class DirectoryModel;

/// Where every call starts: find the health worker (or patient) by name, phone number in any
/// format, identifier or facility, typos and accents forgiven; narrow by district, facility,
/// cadre and status; see their phones, roles and recent conversations.
class DirectoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryPage)

public:
    explicit DirectoryPage(Database& database, QWidget* parent = nullptr);
    [[nodiscard]] DirectoryModel* model() const { return m_model; }

    /// Reloads the filter choices and the sync status (after a sync, on reconnection).
    void refresh();
    /// Types @p text into the search box and selects the first match (screenshots, demos).
    void showExample(const QString& text);
    /// Agents and supervisors may write to people from here ("Message", and the recent
    /// conversations in the details become links); others only read. Off by default.
    void setMessagingAllowed(bool allowed);
    /// "Message" (Ctrl+M, or a double click on the row): the selected person's open conversation,
    /// or a new one assigned to the caller; conversationRequested() when the database answers.
    void messageSelected();

Q_SIGNALS:
    /// A conversation to show: started by "Message" or picked among the recent conversations.
    void conversationRequested(qint64 conversationId);

private:
    void applyFilter();
    void showDetails();
    void renderDetails(const Result<directory::WorkerDetails>& details);
    void updateStatus();
    void updateMessageButton();
    void loadSyncStatus();

    Database& m_database;
    DirectoryModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_district = nullptr;
    QComboBox* m_facility = nullptr;
    QComboBox* m_cadre = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_kind = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QLabel* m_statusLine = nullptr;
    QPushButton* m_message = nullptr;
    QLabel* m_messageProblem = nullptr;
    QTimer m_searchDelay;
    QString m_phoneRegion = QStringLiteral("LR");
    QString m_syncText;
    QString m_runningText; ///< a sync under way, from NOTIFY mhero_sync
    qint64 m_shownId = 0;
    QList<qint64> m_shownConversations; ///< of the person shown: a note in one redraws the details
    bool m_messagingAllowed = false;
    bool m_shownReachable = false; ///< the person shown is active and has a valid number
    bool m_starting = false;
};

} // namespace mhero::ui
