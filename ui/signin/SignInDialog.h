#pragma once

#include "config/ServerProfiles.h"
#include "db/LocalCluster.h"
#include "session/UserProfile.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QWidget;

namespace mhero {
class Database;
}

namespace mhero::ui {

class SecretStore;

/// Signs a person in: choose the server (this computer, or a shared server profile with host,
/// port, database and TLS mode), type user and password (optionally remembered in the OS
/// keychain). Everything slow — starting the local cluster, connecting, checking the schema —
/// runs off the GUI thread; the dialog stays responsive and can be cancelled.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(Database& database, ServerProfiles& profiles, SecretStore& secrets, QWidget* parent = nullptr);
    ~SignInDialog() override;

    /// The session established by a successful sign-in.
    [[nodiscard]] const SessionInfo& session() const { return m_session; }
    [[nodiscard]] const ServerProfile& profile() const { return m_profile; }

    /// Preselects a profile and user (command line, last use).
    void preset(const QString& profileName, const QString& user);
    /// Where "This computer" looks for its cluster (tests, MHERO_LOCAL_DB).
    void setLocalCluster(const LocalCluster& cluster) { m_localCluster = cluster; }

public Q_SLOTS:
    void signIn();

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    void reject() override;

private:
    void buildUi();
    void loadProfiles(const QString& select);
    void onProfileChanged();
    void onNewProfile();
    void onRemoveProfile();
    void updateRememberedPassword();
    ServerProfile profileFromFields() const;
    void connectWith(const ConnectionSettings& settings);
    void onOpened(const Status& status);
    void finish(const SessionInfo& session);
    void fail(const Error& error);
    void setBusy(bool busy, const QString& message = {});
    [[nodiscard]] QString secretKey() const;

    Database& m_database;
    ServerProfiles& m_profiles;
    SecretStore& m_secrets;
    LocalCluster m_localCluster;
    ServerProfile m_profile;
    SessionInfo m_session;
    bool m_busy = false;
    int m_attempt = 0;
    QFutureWatcher<Result<int>> m_localWatcher;
    QMetaObject::Connection m_openedConnection;

    QComboBox* m_profileCombo = nullptr;
    QPushButton* m_newProfileButton = nullptr;
    QPushButton* m_removeProfileButton = nullptr;
    QWidget* m_serverBox = nullptr;
    QLineEdit* m_profileName = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_databaseName = nullptr;
    QComboBox* m_sslMode = nullptr;
    QLineEdit* m_sslRootCert = nullptr;
    QLabel* m_localHint = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_progressText = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_signInButton = nullptr;
};

} // namespace mhero::ui
