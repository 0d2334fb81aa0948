#pragma once

#include "config/ServerProfiles.h"
#include "session/Overview.h"
#include "session/UserProfile.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace mhero {
class Database;
}

namespace mhero::ui {

/// The first page after signing in: a greeting, the call center's figures at a glance
/// (directory, queue, templates) and where the console is connected.
class HomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomePage)

public:
    HomePage(Database& database, const SessionInfo& session, const ServerProfile& profile, QWidget* parent = nullptr);

    /// Reloads the figures (asynchronously); loaded() tells when they are shown.
    void refresh();

Q_SIGNALS:
    void loaded();

private:
    QLabel* addCard(QGridLayout* grid, int row, int column, const QString& iconName, const QString& title,
                    const QString& valueName, QLabel** caption);
    void show(const Result<Overview>& overview);

    Database& m_database;
    QLabel* m_attention = nullptr;
    SessionInfo m_session;
    int m_generation = 0;
    QLabel* m_healthWorkers = nullptr;
    QLabel* m_healthWorkersCaption = nullptr;
    QLabel* m_conversations = nullptr;
    QLabel* m_conversationsCaption = nullptr;
    QLabel* m_templates = nullptr;
    QLabel* m_templatesCaption = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_refresh = nullptr;
};

} // namespace mhero::ui
