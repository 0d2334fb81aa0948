#include "MainWindow.h"

#include "AboutDialog.h"
#include "audit/AuditLogPage.h"
#include "conversations/ConversationsPage.h"
#include "directory/DirectoryPage.h"
#include "common/Icons.h"
#include "home/HomePage.h"
#include "templates/ApprovalsPage.h"
#include "templates/SuggestionReviewPage.h"
#include "templates/TemplatesPage.h"
#include "settings/PreferencesDialog.h"
#include "settings/SettingsPage.h"
#include "settings/SourcesPage.h"
#include "settings/UsersPage.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace mhero::ui {

namespace {
constexpr int kPageKeyRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(Database& database, const SessionInfo& session, const ServerProfile& profile, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_session(session)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("mHero Console — %1").arg(session.user.displayName));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    resize(1200, 760);

    auto* central = new QWidget;
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(12, 6, 12, 6);
    m_banner->setStyleSheet(QStringLiteral("background: #FFF3CD; color: #5C4400; border-bottom: 1px solid #E0C170;"));
    m_banner->hide();
    outer->addWidget(m_banner);

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(210);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: #F1F4F3; border-right: 1px solid #D8DEDC; padding-top: 8px; outline: 0; }"
        "QListWidget#navigation::item { padding: 9px 10px; border-radius: 6px; margin: 1px 8px; color: #263238; }"
        "QListWidget#navigation::item:selected { background: #0B6E4F; color: white; }"
        "QListWidget#navigation::item:hover:!selected { background: #E1E8E5; }"));
    body->addWidget(m_navigation);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    body->addWidget(m_pages, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    addPage(QStringLiteral("home"), QStringLiteral("home"), tr("Overview"), new HomePage(database, session, profile));
    // Conversations: the agents' work (supervisors are agents too, by group membership).
    ConversationsPage* conversations = nullptr;
    if (session.user.isAgent || session.user.isSupervisor) {
        conversations = new ConversationsPage(database, session);
        addPage(QStringLiteral("conversations"), QStringLiteral("conversations"), tr("Conversations"), conversations);
        const int row = m_navigation->count() - 1;
        connect(conversations, &ConversationsPage::unreadCountChanged, this, [this, row](int unread) {
            m_navigation->item(row)->setText(unread > 0 ? tr("Conversations (%1)").arg(unread) : tr("Conversations"));
        });
    }
    // Every signed-in person may read the directory (agents, supervisors, administrators).
    // Agents and supervisors write to people from there ("Message"); the database checks too.
    auto* directory = new DirectoryPage(database);
    addPage(QStringLiteral("directory"), QStringLiteral("directory"), tr("Directory"), directory);
    if (conversations) {
        directory->setMessagingAllowed(true);
        connect(directory, &DirectoryPage::conversationRequested, this, [this, conversations](qint64 id) {
            conversations->openConversation(id);
            showPage(QStringLiteral("conversations"));
        });
    }
    // Everyone reads the templates (agents see the approved wording); supervisors and
    // administrators write drafts; only supervisors approve. The database enforces the same.
    const auto templateAccess = session.user.isSupervisor ? TemplatesPage::Access::Approve
                                : session.user.isAdmin    ? TemplatesPage::Access::Write
                                                          : TemplatesPage::Access::Read;
    addPage(QStringLiteral("templates"), QStringLiteral("templates"), tr("Templates"),
            new TemplatesPage(database, templateAccess, session.user.displayName));
    if (session.user.isSupervisor)
        addPage(QStringLiteral("approvals"), QStringLiteral("approvals"), tr("Approvals"),
                new ApprovalsPage(database, session.user.roleName));
    // What the answer suggestion learnt from agents' choices: only supervisors decide on it.
    if (session.user.isSupervisor)
        addPage(QStringLiteral("suggestions"), QStringLiteral("approvals"), tr("Suggestion review"),
                new SuggestionReviewPage(database));
    // The audit log is for those who answer for the call center; the server refuses others too.
    if (session.user.isSupervisor || session.user.isAdmin)
        addPage(QStringLiteral("audit"), QStringLiteral("audit"), tr("Audit log"), new AuditLogPage(database));
    // Who may sign in, and where the data comes from: read-only, for those who answer for the
    // call center (agents have no use for them; changes are IT's, with mhero-admin).
    if (session.user.isSupervisor || session.user.isAdmin) {
        addPage(QStringLiteral("users"), QStringLiteral("users"), tr("Users"), new UsersPage(database));
        addPage(QStringLiteral("sources"), QStringLiteral("sources"), tr("Sources"), new SourcesPage(database));
    }
    // The deployment's settings: administrators only (the database refuses everyone else).
    if (session.user.isAdmin)
        addPage(QStringLiteral("settings"), QStringLiteral("settings"), tr("Settings"), new SettingsPage(database));

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);
    // Agents come to answer people: their first page is the queue, not the overview.
    if (session.user.isAgent && !session.user.isSupervisor && !session.user.isAdmin)
        showPage(QStringLiteral("conversations"));

    // Status bar: connection state, then who is signed in, in which role, where.
    m_connectionIcon = new QLabel;
    m_connectionText = new QLabel;
    m_connectionText->setObjectName(QStringLiteral("connectionStatus"));
    m_userLabel = new QLabel;
    m_userLabel->setObjectName(QStringLiteral("userStatus"));
    m_userLabel->setText(tr("%1 · %2").arg(session.user.displayName, session.user.primaryRoleLabel()));
    m_userLabel->setToolTip(profile.local
                                ? tr("Signed in as %1 on this computer").arg(session.user.roleName)
                                : tr("Signed in as %1 on %2").arg(session.user.roleName, profile.settings.host));
    auto* userIcon = new QLabel;
    userIcon->setPixmap(QIcon(QStringLiteral(":/icons/user.svg")).pixmap(16, 16));
    statusBar()->addPermanentWidget(m_connectionIcon);
    statusBar()->addPermanentWidget(m_connectionText);
    statusBar()->addPermanentWidget(userIcon);
    statusBar()->addPermanentWidget(m_userLabel);
    connect(&database, &Database::stateChanged, this, &MainWindow::onConnectionStateChanged);
    onConnectionStateChanged(database.state(), {});

    buildMenus();
}

void MainWindow::addPage(const QString& key, const QString& iconName, const QString& title, QWidget* page)
{
    auto* item = new QListWidgetItem(icon(iconName), title);
    item->setData(kPageKeyRole, key);
    m_navigation->addItem(item);
    page->setObjectName(key + QStringLiteral("Page"));
    m_pages->addWidget(page);
}

bool MainWindow::showPage(const QString& key)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(kPageKeyRole).toString() == key) {
            m_navigation->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::pageKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_navigation->count(); ++row)
        keys << m_navigation->item(row)->data(kPageKeyRole).toString();
    return keys;
}

QString MainWindow::currentPageKey() const
{
    const QListWidgetItem* item = m_navigation->currentItem();
    return item ? item->data(kPageKeyRole).toString() : QString();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* preferences = file->addAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence::Preferences);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    file->addSeparator();
    QAction* signOut = file->addAction(QIcon(QStringLiteral(":/icons/sign-out.svg")), tr("&Sign out"));
    signOut->setObjectName(QStringLiteral("actionSignOut"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int row = 0; row < m_navigation->count(); ++row) {
        QAction* action = go->addAction(m_navigation->item(row)->icon(), m_navigation->item(row)->text());
        // Ctrl+1…9: a supervisor who is also an administrator has ten pages, and Key_1 + 9 is ':'.
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(QIcon(QStringLiteral(":/icons/about.svg")), tr("&About mHero Console"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::onConnectionStateChanged(ConnectionState state, const QString& detail)
{
    QString icon;
    QString text;
    switch (state) {
    case ConnectionState::Connected:
        icon = QStringLiteral("status-connected");
        text = tr("Connected");
        m_banner->hide();
        break;
    case ConnectionState::Connecting:
        icon = QStringLiteral("status-reconnecting");
        text = tr("Connecting…");
        break;
    case ConnectionState::Reconnecting:
        icon = QStringLiteral("status-reconnecting");
        text = tr("Reconnecting…");
        m_banner->setText(tr("The connection to the database was lost. mHero reconnects by itself; what you see may "
                             "be out of date until then. %1")
                              .arg(detail));
        m_banner->show();
        break;
    case ConnectionState::Disconnected:
        icon = QStringLiteral("status-offline");
        text = tr("Offline");
        break;
    }
    m_connectionIcon->setPixmap(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)).pixmap(12, 12));
    m_connectionText->setText(text);
    m_connectionText->setProperty("state", int(state));
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(m_session, m_profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace mhero::ui
