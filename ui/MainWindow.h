#pragma once

#include "config/ServerProfiles.h"
#include "db/Database.h"
#include "session/UserProfile.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace mhero::ui {

/// The console's main window: a navigation sidebar, one page per task, and a status bar that
/// always shows the connection state and who is signed in with which role. Pages appear only
/// for the roles that may use them (the database enforces the same rules independently).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Database& database, const SessionInfo& session, const ServerProfile& profile, QWidget* parent = nullptr);

    /// Shows the page with @p key ("home", "audit", …); false if this user has no such page.
    bool showPage(const QString& key);
    [[nodiscard]] QStringList pageKeys() const;
    [[nodiscard]] QString currentPageKey() const;

Q_SIGNALS:
    void signOutRequested();

private:
    void addPage(const QString& key, const QString& iconName, const QString& title, QWidget* page);
    void buildMenus();
    void onConnectionStateChanged(ConnectionState state, const QString& detail);
    void showAbout();
    void showPreferences();

    Database& m_database;
    SessionInfo m_session;
    ServerProfile m_profile;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_connectionIcon = nullptr;
    QLabel* m_connectionText = nullptr;
    QLabel* m_userLabel = nullptr;
};

} // namespace mhero::ui
