#include "ConsoleApplication.h"

#include "AboutDialog.h"
#include "MainWindow.h"
#include "Version.h"
#include "common/SecretStore.h"
#include "common/Translations.h"
#include "conversations/ConversationsPage.h"
#include "directory/DirectoryPage.h"
#include "signin/SignInDialog.h"
#include "templates/TemplatePicker.h"
#include "templates/TemplatesPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLoggingCategory>
#include <QPainter>
#include <QPushButton>
#include <QTimer>

Q_LOGGING_CATEGORY(lcConsole, "mhero.ui")

namespace mhero::ui {

int ConsoleApplication::main(int argc, char* argv[], LocalEngineFactory localEngine)
{
    // --help and --version must work without a display (IT scripts, CI): no window is needed.
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--version" || argument == "-v")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mHero Console"));
    QApplication::setApplicationVersion(QString(kVersion));
    QApplication::setOrganizationName(QString(kOrganization));
    QApplication::setOrganizationDomain(QString(kOrganizationDomain));
    QApplication::setDesktopFileName(QStringLiteral("org.mhero.console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("mHero Console: the health worker call center."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Server profile to select (\"local\" for this computer)."),
                                           QStringLiteral("name"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("User name to fill in."),
                                        QStringLiteral("name"));
    const QCommandLineOption signInOption(QStringLiteral("sign-in"),
                                          QStringLiteral("Sign in at once; the password comes from the keychain, "
                                                         "PGPASSWORD or ~/.pgpass."));
    const QCommandLineOption localDirOption(
        QStringLiteral("local-dir"),
        QStringLiteral("Folder of this computer's database (default: %1).").arg(LocalCluster::defaultBaseDir()),
        QStringLiteral("dir"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("Interface language for this run: en, fr or pt."),
                                            QStringLiteral("code"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshots"),
                                              QStringLiteral("Save a screenshot of every page in DIR, then quit."),
                                              QStringLiteral("dir"));
    parser.addOptions({profileOption, userOption, signInOption, localDirOption, languageOption, screenshotOption});
    parser.process(app);

    const QString language = parser.isSet(languageOption) ? parser.value(languageOption) : languageOverride();
    installTranslations(app, language);

    Options options;
    options.profile = parser.value(profileOption);
    options.user = parser.value(userOption);
    options.signIn = parser.isSet(signInOption) || parser.isSet(screenshotOption);
    options.localDir = parser.value(localDirOption);
    options.screenshotDir = parser.value(screenshotOption);
    options.localEngine = std::move(localEngine);

    QSettings settings;
    ServerProfiles profiles(settings);
    KeychainSecretStore secrets;
    ConsoleApplication console(options, profiles, secrets);
    console.start();
    return app.exec();
}

ConsoleApplication::ConsoleApplication(Options options, ServerProfiles& profiles, SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_profiles(profiles)
    , m_secrets(secrets)
{ }

ConsoleApplication::~ConsoleApplication()
{
    delete m_mainWindow;
    delete m_signIn;
}

void ConsoleApplication::start()
{
    showSignIn();
}

void ConsoleApplication::showSignIn()
{
    m_signIn = new SignInDialog(m_database, m_profiles, m_secrets);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn->setLocalCluster(
        LocalCluster(m_options.localDir.isEmpty() ? LocalCluster::defaultBaseDir() : m_options.localDir));
    m_signIn->preset(m_options.profile, m_options.user);
    connect(m_signIn, &QDialog::accepted, this, &ConsoleApplication::onSignedIn);
    connect(m_signIn, &QDialog::rejected, qApp, &QApplication::quit);
    m_signIn->show();
    if (m_options.signIn) {
        m_options.signIn = false; // only the first time; after signing out, the person signs in
        if (!m_options.screenshotDir.isEmpty()) {
            QTimer::singleShot(400, m_signIn, [this] {
                QDir().mkpath(m_options.screenshotDir);
                m_signIn->grab().save(QDir(m_options.screenshotDir).filePath(QStringLiteral("signin.png")));
                m_signIn->signIn();
            });
        } else {
            QTimer::singleShot(0, m_signIn, &SignInDialog::signIn);
        }
    }
}

void ConsoleApplication::onSignedIn()
{
    const SessionInfo session = m_signIn->session();
    const ServerProfile profile = m_signIn->profile();
    // Closing the dialog must not quit the application.
    m_signIn->disconnect(this);
    m_signIn->disconnect(qApp);
    m_signIn->close();
    qCInfo(lcConsole) << "signed in as" << session.user.roleName << "role" << session.user.primaryRole();

    if (profile.local && !m_engine && m_options.localEngine) {
        const LocalCluster cluster(m_options.localDir.isEmpty() ? LocalCluster::defaultBaseDir() : m_options.localDir);
        if (auto owner = cluster.superuserSettings(profile.settings.database); owner) {
            // The key lives beside the cluster it serves: the OS account is the boundary there.
            m_engine = m_options.localEngine(*owner, QDir(cluster.baseDir()).filePath(QStringLiteral("engine.key")));
            m_engine->start();
            qCInfo(lcConsole) << "running the sync engine for this computer's database";
        } else {
            qCWarning(lcConsole).noquote() << "the sync engine cannot run here:" << owner.error().toString();
        }
    }
    m_mainWindow = new MainWindow(m_database, session, profile);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mainWindow, &MainWindow::signOutRequested, this, &ConsoleApplication::signOut);
    m_mainWindow->show();
    Q_EMIT signedIn();
    if (!m_options.screenshotDir.isEmpty())
        QTimer::singleShot(1500, this, &ConsoleApplication::takeScreenshots);
}

void ConsoleApplication::signOut()
{
    if (m_mainWindow) {
        m_mainWindow->setAttribute(Qt::WA_DeleteOnClose, false);
        m_mainWindow->close();
        m_mainWindow->deleteLater();
    }
    m_database.close();
    m_engine.reset();
    Q_EMIT signedOut();
    showSignIn();
}

void ConsoleApplication::takeScreenshots()
{
    // Page by page, giving each a moment to load its data; then the WhatsApp and Messenger
    // threads; then the About dialog; then quit.
    const QDir dir(m_options.screenshotDir);
    const QStringList keys = m_mainWindow->pageKeys();
    auto shoot = std::make_shared<std::function<void(int)>>();
    *shoot = [this, dir, keys, shoot](int index) {
        if (!m_mainWindow)
            return;
        if (index > 0 && index <= keys.size()) {
            const QString file = dir.filePath(keys.at(index - 1) + QStringLiteral(".png"));
            m_mainWindow->grab().save(file);
            qCInfo(lcConsole) << "saved" << file;
        }
        if (index < keys.size()) {
            m_mainWindow->showPage(keys.at(index));
            if (auto* directory = m_mainWindow->findChild<DirectoryPage*>();
                directory && keys.at(index) == QLatin1String("directory"))
                directory->showExample(QStringLiteral("Philip Johnson")); // has a conversation with a note
            if (auto* conversations = m_mainWindow->findChild<ConversationsPage*>();
                conversations && keys.at(index) == QLatin1String("conversations"))
                conversations->showExample();
            if (auto* templates = m_mainWindow->findChild<TemplatesPage*>();
                templates && keys.at(index) == QLatin1String("templates"))
                templates->selectTemplate(QStringLiteral("Salary payment confirmation")); // the demo's
            QTimer::singleShot(1200, this, [shoot, index] { (*shoot)(index + 1); });
            return;
        }
        if (index == keys.size()) {
            // WhatsApp and Messenger threads (issue 14), then the About dialog.
            takeChannelScreenshots(0, [shoot, index] { (*shoot)(index + 1); });
            return;
        }
        auto* about = m_mainWindow->findChild<QAction*>(QStringLiteral("actionAbout"));
        if (about)
            about->trigger();
        QTimer::singleShot(500, this, [this, dir] {
            if (auto* dialog = m_mainWindow ? m_mainWindow->findChild<AboutDialog*>() : nullptr)
                dialog->grab().save(dir.filePath(QStringLiteral("about.png")));
            QApplication::quit();
        });
    };
    m_mainWindow->resize(1280, 800);
    (*shoot)(0);
}

void ConsoleApplication::takeChannelScreenshots(int step, const std::function<void()>& done)
{
    // The WhatsApp thread with its picture, voice note and countdown; a closed WhatsApp window
    // with the picker offering only WhatsApp's approved templates (the popup drawn into the
    // window's picture: it is a window of its own); a Messenger thread.
    struct Shot
    {
        const char* file;
        const char* kind;
        bool windowOpen;
        bool picker;
    };
    static constexpr Shot kShots[] = {{"conversations-whatsapp.png", "whatsapp", true, false},
                                      {"conversations-whatsapp-closed.png", "whatsapp", false, true},
                                      {"conversations-messenger.png", "messenger", false, false}};
    auto* page = m_mainWindow ? m_mainWindow->findChild<ConversationsPage*>() : nullptr;
    if (!page || step >= int(std::size(kShots))) {
        done();
        return;
    }
    const Shot shot = kShots[step];
    m_mainWindow->showPage(QStringLiteral("conversations"));
    page->showExampleOn(QLatin1String(shot.kind), shot.windowOpen);
    QTimer::singleShot(1500, this, [this, page, shot, step, done] {
        if (!m_mainWindow)
            return;
        if (shot.picker)
            if (auto* button = page->findChild<QPushButton*>(QStringLiteral("whatsAppTemplateButton")))
                button->click();
        QTimer::singleShot(shot.picker ? 1000 : 0, this, [this, page, shot, step, done] {
            if (!m_mainWindow)
                return;
            QPixmap picture = m_mainWindow->grab();
            TemplatePicker* picker = page->templatePicker();
            if (shot.picker && picker && picker->isVisible()) {
                QPainter painter(&picture);
                painter.drawPixmap(m_mainWindow->mapFromGlobal(picker->mapToGlobal(QPoint(0, 0))), picker->grab());
                painter.end();
                picker->hide();
            }
            const QString file = QDir(m_options.screenshotDir).filePath(QLatin1String(shot.file));
            picture.save(file);
            qCInfo(lcConsole) << "saved" << file;
            takeChannelScreenshots(step + 1, done);
        });
    });
}

} // namespace mhero::ui
