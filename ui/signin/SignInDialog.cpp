#include "signin/SignInDialog.h"

#include "Version.h"
#include "common/SecretStore.h"
#include "db/Database.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcSignIn, "mhero.ui.signin")

namespace mhero::ui {

SignInDialog::SignInDialog(Database& database, ServerProfiles& profiles, SecretStore& secrets, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in — mHero Console"));
    buildUi();
    loadProfiles(m_profiles.lastUsed());
    connect(&m_localWatcher, &QFutureWatcher<Result<int>>::finished, this, [this] {
        const int attempt = m_localWatcher.property("attempt").toInt();
        if (attempt != m_attempt)
            return; // cancelled meanwhile
        const Result<int> prepared = m_localWatcher.result();
        if (!prepared) {
            fail(prepared.error());
            return;
        }
        connectWith(
            m_localCluster.userSettings(m_user->text().trimmed(), m_password->text(), m_profile.settings.database));
    });
}

SignInDialog::~SignInDialog()
{
    // A local start-up still running finishes on its own; nothing waits for it here.
    disconnect(&m_localWatcher, nullptr, this, nullptr);
}

void SignInDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    auto* header = new QHBoxLayout;
    auto* logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(56, 56));
    header->addWidget(logo);
    auto* titles = new QVBoxLayout;
    auto* title = new QLabel(tr("mHero Console"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    titles->addWidget(title);
    titles->addWidget(new QLabel(tr("Sign in to the health worker call center.")));
    header->addLayout(titles, 1);
    layout->addLayout(header);
    layout->addSpacing(8);

    auto* form = new QFormLayout;
    auto* profileRow = new QHBoxLayout;
    m_profileCombo = new QComboBox;
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setMinimumWidth(260);
    profileRow->addWidget(m_profileCombo, 1);
    m_newProfileButton = new QPushButton(tr("New server…"));
    m_newProfileButton->setObjectName(QStringLiteral("newProfileButton"));
    m_newProfileButton->setToolTip(tr("Add a shared PostgreSQL server that your IT department set up."));
    profileRow->addWidget(m_newProfileButton);
    m_removeProfileButton = new QPushButton(tr("Remove"));
    m_removeProfileButton->setObjectName(QStringLiteral("removeProfileButton"));
    profileRow->addWidget(m_removeProfileButton);
    // A label beside a layout gets no buddy from QFormLayout: set it, so "&" is a mnemonic.
    auto* serverLabel = new QLabel(tr("&Server:"));
    serverLabel->setBuddy(m_profileCombo);
    form->addRow(serverLabel, profileRow);
    layout->addLayout(form);

    m_localHint = new QLabel;
    m_localHint->setObjectName(QStringLiteral("localHint"));
    m_localHint->setWordWrap(true);
    m_localHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(m_localHint);

    auto* serverBox = new QGroupBox(tr("Shared server"));
    m_serverBox = serverBox;
    auto* serverForm = new QFormLayout(serverBox);
    m_profileName = new QLineEdit;
    m_profileName->setObjectName(QStringLiteral("profileName"));
    m_profileName->setPlaceholderText(tr("e.g. Ministry call center"));
    serverForm->addRow(tr("&Name:"), m_profileName);
    auto* hostRow = new QHBoxLayout;
    m_host = new QLineEdit;
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("db.health.gov or 10.0.0.5"));
    hostRow->addWidget(m_host, 1);
    auto* portLabel = new QLabel(tr("&Port:"));
    hostRow->addWidget(portLabel);
    m_port = new QSpinBox;
    portLabel->setBuddy(m_port);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    hostRow->addWidget(m_port);
    auto* hostLabel = new QLabel(tr("&Host:"));
    hostLabel->setBuddy(m_host);
    serverForm->addRow(hostLabel, hostRow);
    m_databaseName = new QLineEdit(QStringLiteral("mhero"));
    m_databaseName->setObjectName(QStringLiteral("databaseName"));
    serverForm->addRow(tr("&Database:"), m_databaseName);
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    m_sslMode->addItem(tr("Encrypted, certificate and host name verified"), QStringLiteral("verify-full"));
    m_sslMode->addItem(tr("Encrypted, certificate verified"), QStringLiteral("verify-ca"));
    m_sslMode->addItem(tr("Encrypted, not verified"), QStringLiteral("require"));
    m_sslMode->addItem(tr("Encrypted if the server offers it"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("Not encrypted (trusted network only)"), QStringLiteral("disable"));
    serverForm->addRow(tr("&Security:"), m_sslMode);
    auto* certRow = new QHBoxLayout;
    m_sslRootCert = new QLineEdit;
    m_sslRootCert->setObjectName(QStringLiteral("sslRootCert"));
    m_sslRootCert->setPlaceholderText(tr("Certificate authority file from IT (.crt, .pem)"));
    certRow->addWidget(m_sslRootCert, 1);
    auto* browse = new QPushButton(tr("Browse…"));
    certRow->addWidget(browse);
    auto* certLabel = new QLabel(tr("CA &certificate:"));
    certLabel->setBuddy(m_sslRootCert);
    serverForm->addRow(certLabel, certRow);
    layout->addWidget(serverBox);
    connect(browse, &QPushButton::clicked, this, [this] {
        // Non-blocking file dialog: the event loop keeps running.
        auto* dialog = new QFileDialog(this, tr("Certificate authority"), QString(),
                                       tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, m_sslRootCert, &QLineEdit::setText);
        dialog->open();
    });
    auto updateCertRow = [this, browse] {
        const QString mode = m_sslMode->currentData().toString();
        const bool verifies = mode.startsWith(QLatin1String("verify"));
        m_sslRootCert->setEnabled(verifies);
        browse->setEnabled(verifies);
    };
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, updateCertRow);
    updateCertRow();

    auto* credentials = new QFormLayout;
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("your user name"));
    credentials->addRow(tr("&User name:"), m_user);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    credentials->addRow(tr("&Password:"), m_password);
    m_remember = new QCheckBox(tr("&Remember my password in this computer's keychain"));
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    credentials->addRow(QString(), m_remember);
    layout->addLayout(credentials);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #C62828;"));
    m_error->setMaximumWidth(480);
    m_error->hide();
    layout->addWidget(m_error);

    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(80);
    m_progress->setTextVisible(false);
    m_progressText = new QLabel;
    m_progressText->setObjectName(QStringLiteral("signInProgress"));
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_progressText, 1);
    layout->addLayout(progressRow);
    m_progress->hide();
    m_progressText->hide();

    auto* buttons = new QDialogButtonBox;
    m_signInButton = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(cancel, &QPushButton::clicked, this, &SignInDialog::reject);

    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &SignInDialog::onProfileChanged);
    connect(m_newProfileButton, &QPushButton::clicked, this, &SignInDialog::onNewProfile);
    connect(m_removeProfileButton, &QPushButton::clicked, this, &SignInDialog::onRemoveProfile);
    connect(m_user, &QLineEdit::editingFinished, this, &SignInDialog::updateRememberedPassword);
}

void SignInDialog::loadProfiles(const QString& select)
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    for (const ServerProfile& profile : m_profiles.all())
        m_profileCombo->addItem(profile.local ? tr("This computer (local database)") : profile.name, profile.name);
    const int index = m_profileCombo->findData(select);
    m_profileCombo->setCurrentIndex(index >= 0 ? index : 0);
    onProfileChanged();
}

void SignInDialog::preset(const QString& profileName, const QString& user)
{
    if (!profileName.isEmpty())
        loadProfiles(profileName);
    if (!user.isEmpty()) {
        m_user->setText(user);
        updateRememberedPassword();
    }
}

void SignInDialog::onProfileChanged()
{
    const QString name = m_profileCombo->currentData().toString();
    const auto profile = m_profiles.find(name);
    const bool isNew = !profile.has_value();
    m_profile = profile.value_or(ServerProfile{});
    const bool local = m_profile.local;
    m_serverBox->setVisible(!local);
    m_localHint->setVisible(local);
    m_removeProfileButton->setEnabled(!local && !isNew);
    if (local) {
        m_localHint->setText(
            m_localCluster.exists()
                ? tr("Uses the private database kept on this computer, in %1.").arg(m_localCluster.baseDir())
                : tr("There is no database on this computer yet. Ask IT to run \"mhero-admin local init\", "
                     "or choose a shared server."));
    } else if (profile) {
        m_profileName->setText(m_profile.name);
        m_host->setText(m_profile.settings.host);
        m_port->setValue(m_profile.settings.port > 0 ? m_profile.settings.port : 5432);
        m_databaseName->setText(m_profile.settings.database);
        const int ssl = m_sslMode->findData(m_profile.settings.sslMode);
        m_sslMode->setCurrentIndex(ssl >= 0 ? ssl : m_sslMode->findData(QStringLiteral("require")));
        m_sslRootCert->setText(m_profile.settings.sslRootCert);
    }
    if (!m_profile.lastUser.isEmpty())
        m_user->setText(m_profile.lastUser);
    m_password->clear();
    m_remember->setChecked(false);
    m_error->hide();
    updateRememberedPassword();
    adjustSize();
}

void SignInDialog::onNewProfile()
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->addItem(tr("New server"), QString());
    m_profileCombo->setCurrentIndex(m_profileCombo->count() - 1);
    m_profile = ServerProfile{};
    m_serverBox->setVisible(true);
    m_localHint->setVisible(false);
    m_removeProfileButton->setEnabled(false);
    m_profileName->clear();
    m_host->clear();
    m_port->setValue(5432);
    m_databaseName->setText(QStringLiteral("mhero"));
    m_sslMode->setCurrentIndex(m_sslMode->findData(QStringLiteral("require")));
    m_sslRootCert->clear();
    m_user->clear();
    m_password->clear();
    m_profileName->setFocus();
    adjustSize();
}

void SignInDialog::onRemoveProfile()
{
    const QString name = m_profileCombo->currentData().toString();
    if (name.isEmpty() || name == ServerProfiles::kLocalName)
        return;
    m_profiles.remove(name);
    loadProfiles(QString(ServerProfiles::kLocalName));
}

QString SignInDialog::secretKey() const
{
    const QString profile = m_profile.local ? QString(ServerProfiles::kLocalName) : m_profileName->text().trimmed();
    return profile + QLatin1Char('/') + m_user->text().trimmed();
}

void SignInDialog::updateRememberedPassword()
{
    if (m_user->text().trimmed().isEmpty())
        return;
    const QString key = secretKey();
    m_secrets.read(key, this, [this, key](std::optional<QString> secret, const QString& error) {
        if (!error.isEmpty())
            qCInfo(lcSignIn) << "keychain unavailable:" << error;
        if (secret && key == secretKey() && m_password->text().isEmpty()) {
            m_password->setText(*secret);
            m_remember->setChecked(true);
        }
    });
}

ServerProfile SignInDialog::profileFromFields() const
{
    ServerProfile profile = m_profile;
    if (!profile.local) {
        profile.name = m_profileName->text().trimmed();
        if (profile.name.isEmpty())
            profile.name = m_host->text().trimmed();
        profile.settings.host = m_host->text().trimmed();
        profile.settings.port = m_port->value();
        profile.settings.database = m_databaseName->text().trimmed();
        profile.settings.sslMode = m_sslMode->currentData().toString();
        profile.settings.sslRootCert = profile.settings.sslMode.startsWith(QLatin1String("verify"))
            ? m_sslRootCert->text().trimmed()
            : QString();
    }
    profile.lastUser = m_user->text().trimmed();
    return profile;
}

void SignInDialog::signIn()
{
    if (m_busy)
        return;
    m_profile = profileFromFields();
    if (m_profile.lastUser.isEmpty()) {
        fail(Error{QStringLiteral("input"), tr("Enter your user name."), {}});
        m_user->setFocus();
        return;
    }
    if (!m_profile.local && (m_profile.settings.host.isEmpty() || m_profile.settings.database.isEmpty())) {
        fail(Error{QStringLiteral("input"), tr("Enter the server's host name and database."), {}});
        m_host->setFocus();
        return;
    }
    ++m_attempt;
    if (m_profile.local) {
        if (!m_localCluster.exists()) {
            fail(Error{QStringLiteral("local-cluster"),
                       tr("There is no database on this computer yet. Ask IT to run \"mhero-admin local init\"."),
                       {}});
            return;
        }
        setBusy(true, tr("Starting the database on this computer…"));
        m_localWatcher.setProperty("attempt", m_attempt);
        const LocalCluster cluster = m_localCluster;
        const QString database = m_profile.settings.database;
        m_localWatcher.setFuture(QtConcurrent::run([cluster, database] { return cluster.prepare(database); }));
        return;
    }
    ConnectionSettings settings = m_profile.settings;
    settings.user = m_profile.lastUser;
    settings.password = m_password->text();
    connectWith(settings);
}

void SignInDialog::connectWith(const ConnectionSettings& base)
{
    ConnectionSettings settings = base;
    settings.applicationName = QStringLiteral("mhero-console");
    setBusy(true,
            m_profile.local ? tr("Connecting to the database on this computer…")
                            : tr("Connecting to %1…").arg(settings.host));
    disconnect(m_openedConnection);
    const int attempt = m_attempt;
    m_openedConnection = connect(&m_database, &Database::opened, this, [this, attempt](const Status& status) {
        disconnect(m_openedConnection);
        if (attempt == m_attempt)
            onOpened(status);
    });
    m_database.open(settings);
}

void SignInDialog::onOpened(const Status& status)
{
    if (!status) {
        fail(status.error());
        return;
    }
    setBusy(true, tr("Checking your account…"));
    const int attempt = m_attempt;
    m_database.run(
        this, [](QSqlDatabase& db) { return startSession(db); },
        [this, attempt](const Result<SessionInfo>& session) {
            if (attempt != m_attempt)
                return;
            if (!session) {
                m_database.close();
                fail(session.error());
                return;
            }
            finish(*session);
        });
}

void SignInDialog::finish(const SessionInfo& session)
{
    m_session = session;
    m_profiles.save(m_profile);
    m_profiles.setLastUsed(m_profile.local ? QString(ServerProfiles::kLocalName) : m_profile.name);
    // The keychain answers later; parent() outlives this dialog, so the answer is still heard.
    QObject* context = parent() ? parent() : static_cast<QObject*>(&m_database);
    if (m_remember->isChecked() && !m_password->text().isEmpty()) {
        m_secrets.write(secretKey(), m_password->text(), context, [](const QString& error) {
            if (!error.isEmpty())
                qCWarning(lcSignIn) << "the password could not be remembered:" << error;
        });
    } else {
        m_secrets.remove(secretKey(), context, [](const QString&) {});
    }
    setBusy(false);
    accept();
}

void SignInDialog::fail(const Error& error)
{
    setBusy(false);
    QString text = error.message;
    if (!error.detail.isEmpty() && error.code != QLatin1String("input"))
        text += QStringLiteral("\n") + error.detail.left(400);
    m_error->setText(text);
    m_error->show();
    if (error.code == QLatin1String("28P01")) {
        m_password->selectAll();
        m_password->setFocus();
    }
    adjustSize();
}

void SignInDialog::setBusy(bool busy, const QString& message)
{
    m_busy = busy;
    if (busy)
        m_error->hide();
    for (QWidget* widget :
         {static_cast<QWidget*>(m_profileCombo), static_cast<QWidget*>(m_newProfileButton),
          static_cast<QWidget*>(m_serverBox), static_cast<QWidget*>(m_user), static_cast<QWidget*>(m_password),
          static_cast<QWidget*>(m_remember), static_cast<QWidget*>(m_signInButton)})
        widget->setEnabled(!busy);
    m_removeProfileButton->setEnabled(!busy && !m_profile.local && !m_profile.name.isEmpty());
    m_progress->setVisible(busy);
    m_progressText->setVisible(busy);
    m_progressText->setText(message);
    Q_EMIT busyChanged(busy);
}

void SignInDialog::reject()
{
    if (m_busy) {
        // Cancel the attempt, keep the dialog: late answers are ignored by their attempt number.
        ++m_attempt;
        disconnect(m_openedConnection);
        m_database.close();
        setBusy(false);
        return;
    }
    QDialog::reject();
}

} // namespace mhero::ui
