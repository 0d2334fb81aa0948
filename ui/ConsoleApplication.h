#pragma once

#include "MainWindow.h"
#include "config/ServerProfiles.h"
#include "db/Database.h"
#include "db/LocalCluster.h"
#include "signin/SignInDialog.h"
#include "session/LocalEngine.h"

#include <QObject>
#include <QPointer>
#include <QSettings>

#include <functional>
#include <memory>

class QApplication;

namespace mhero::ui {

class SecretStore;

/// The console's life cycle: sign in, the main window, sign out and back. Owns the Database
/// (whose worker thread does all SQL) for the whole process.
class ConsoleApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleApplication)

public:
    struct Options
    {
        QString profile; ///< server profile to preselect
        QString user;
        bool signIn = false; ///< sign in at once (password from the keychain or libpq: PGPASSWORD, ~/.pgpass)
        QString localDir; ///< the private cluster's folder ("This computer")
        QString screenshotDir; ///< capture every page there, then quit
        /// Makes the sync engine for this computer's private cluster (empty: none is run).
        LocalEngineFactory localEngine;
    };

    /// Entry point of mhero-console's main(): sets up the application, parses the command line,
    /// installs translations and runs the event loop. @p localEngine makes the sync engine when
    /// someone signs in to this computer's database.
    static int main(int argc, char* argv[], LocalEngineFactory localEngine);

    ConsoleApplication(Options options, ServerProfiles& profiles, SecretStore& secrets, QObject* parent = nullptr);
    ~ConsoleApplication() override;

    /// Shows the sign-in dialog (and signs in at once if the options say so).
    void start();

    [[nodiscard]] Database& database() { return m_database; }
    [[nodiscard]] SignInDialog* signInDialog() const { return m_signIn; }
    [[nodiscard]] MainWindow* mainWindow() const { return m_mainWindow; }

Q_SIGNALS:
    void signedIn();
    void signedOut();

private:
    void showSignIn();
    void onSignedIn();
    void signOut();
    void takeScreenshots();
    /// The WhatsApp and Messenger threads (step by step), then @p done.
    void takeChannelScreenshots(int step, const std::function<void()>& done);

    Options m_options;
    ServerProfiles& m_profiles;
    SecretStore& m_secrets;
    Database m_database;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_mainWindow;
    /// On this computer's private cluster no mhero-server is deployed: the console runs the sync
    /// engine itself (as the cluster's owner), for as long as someone is signed in.
    std::unique_ptr<LocalEngine> m_engine;
};

} // namespace mhero::ui
