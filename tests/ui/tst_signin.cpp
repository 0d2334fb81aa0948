// The console shell end to end, offscreen: the real sign-in dialog and main window against the
// test cluster, driven by objectName.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "ConsoleApplication.h"
#include "MainWindow.h"
#include "audit/AuditLogModel.h"
#include "conversations/ConversationsPage.h"
#include "directory/DirectoryModel.h"
#include "directory/DirectoryPage.h"
#include "common/SecretStore.h"
#include "signin/SignInDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void wrongPasswordIsExplained();
    void agentSeesOnlyAgentPages();
    void supervisorReadsTheAuditLog();
    void rememberedPasswordIsFilledInAfterSigningOut();
    void lostConnectionIsShownAndRecovered();
    void slowServerNeverFreezesTheDialog();
    void unknownAccountIsRefused();
    void messageFromTheDirectoryOpensTheConversation();

private:
    void startConsole(const QString& profile = QStringLiteral("test"));
    void fillAndSignIn(const QString& user, const QString& password, bool remember = false);
    template<typename T> T* inDialog(const char* name) const
    {
        T* widget = m_console->signInDialog() ? m_console->signInDialog()->findChild<T*>(QLatin1String(name)) : nullptr;
        if (!widget)
            qWarning("no %s in the sign-in dialog", name);
        return widget;
    }

    QString m_db;
    TestUser m_agent;
    TestUser m_supervisor;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ServerProfiles> m_profiles;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ConsoleApplication> m_console;
};

void TestSignIn::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    auto agent = cluster.createUser(m_db, UserKind::Agent, QStringLiteral("agent"));
    auto supervisor = cluster.createUser(m_db, UserKind::Supervisor, QStringLiteral("sup"));
    MHERO_VERIFY_OK(agent);
    MHERO_VERIFY_OK(supervisor);
    m_agent = *agent;
    m_supervisor = *supervisor;
}

void TestSignIn::cleanupTestCase()
{
    TestCluster::instance().dropDatabase(m_db);
}

void TestSignIn::init()
{
    m_settings
        = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings->clear();
    m_profiles = std::make_unique<ServerProfiles>(*m_settings);
    ServerProfile profile;
    profile.name = QStringLiteral("test");
    profile.settings = TestCluster::instance().cluster().userSettings({}, {}, m_db);
    profile.settings.sslMode = QStringLiteral("disable");
    m_profiles->save(profile);
    m_secrets = std::make_unique<MemorySecretStore>();
}

void TestSignIn::cleanup()
{
    m_console.reset();
    m_profiles.reset();
    m_settings.reset();
}

void TestSignIn::startConsole(const QString& profile)
{
    ConsoleApplication::Options options;
    options.profile = profile;
    options.localDir = m_settingsDir.filePath(QStringLiteral("no-local-db"));
    m_console = std::make_unique<ConsoleApplication>(options, *m_profiles, *m_secrets);
    m_console->start();
    QVERIFY(m_console->signInDialog());
    QVERIFY(QTest::qWaitForWindowExposed(m_console->signInDialog()));
}

void TestSignIn::fillAndSignIn(const QString& user, const QString& password, bool remember)
{
    inDialog<QLineEdit>("user")->setText(user);
    inDialog<QLineEdit>("password")->setText(password);
    inDialog<QCheckBox>("rememberPassword")->setChecked(remember);
    QTest::mouseClick(inDialog<QPushButton>("signInButton"), Qt::LeftButton);
}

void TestSignIn::wrongPasswordIsExplained()
{
    startConsole();
    QCOMPARE(inDialog<QLineEdit>("host")->text(), TestCluster::instance().cluster().socketDir());
    fillAndSignIn(m_agent.name, QStringLiteral("not-my-password"));
    auto* error = inDialog<QLabel>("signInError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("Wrong user name or password")), qPrintable(error->text()));
    QVERIFY(!m_console->mainWindow());
    QVERIFY(inDialog<QPushButton>("signInButton")->isEnabled());
}

void TestSignIn::agentSeesOnlyAgentPages()
{
    startConsole();
    QSignalSpy signedIn(m_console.get(), &ConsoleApplication::signedIn);
    fillAndSignIn(m_agent.name, m_agent.password);
    QTRY_COMPARE(signedIn.count(), 1);
    MainWindow* window = m_console->mainWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->pageKeys(), (QStringList{QStringLiteral("home"), QStringLiteral("conversations"),
                                              QStringLiteral("directory"), QStringLiteral("templates")}));
    // Agents start on their queue.
    QCOMPARE(window->currentPageKey(), QStringLiteral("conversations"));
    QVERIFY(!window->showPage(QStringLiteral("audit")));

    auto* user = window->findChild<QLabel*>(QStringLiteral("userStatus"));
    QVERIFY(user->text().contains(QStringLiteral("Test ") + m_agent.name));
    QVERIFY(user->text().contains(QLatin1String("Agent")));
    QCOMPARE(window->findChild<QLabel*>(QStringLiteral("connectionStatus"))->text(), QStringLiteral("Connected"));
    // The home page's figures come from the database: an empty directory.
    QTRY_COMPARE(window->findChild<QLabel*>(QStringLiteral("healthWorkersValue"))->text(), QStringLiteral("0"));
    QTRY_COMPARE(window->findChild<QLabel*>(QStringLiteral("conversationsValue"))->text(), QStringLiteral("0"));
    // The profile remembers who signed in last.
    QCOMPARE(m_profiles->find(QStringLiteral("test"))->lastUser, m_agent.name);
}

void TestSignIn::supervisorReadsTheAuditLog()
{
    startConsole();
    QSignalSpy signedIn(m_console.get(), &ConsoleApplication::signedIn);
    fillAndSignIn(m_supervisor.name, m_supervisor.password);
    QTRY_COMPARE(signedIn.count(), 1);
    MainWindow* window = m_console->mainWindow();
    QCOMPARE(window->pageKeys(),
             (QStringList{QStringLiteral("home"), QStringLiteral("conversations"), QStringLiteral("directory"),
                          QStringLiteral("templates"), QStringLiteral("approvals"), QStringLiteral("suggestions"),
                          QStringLiteral("audit"), QStringLiteral("users"), QStringLiteral("sources")}));
    QVERIFY(window->showPage(QStringLiteral("audit")));
    auto* table = window->findChild<QTableView*>(QStringLiteral("auditTable"));
    QVERIFY(table);
    // The two accounts of this test were created through create_user: both are in the log.
    QTRY_VERIFY(table->model()->rowCount() >= 2);
    auto* search = window->findChild<QLineEdit*>(QStringLiteral("auditSearch"));
    QTest::keyClicks(search, m_agent.name);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Created"));
    QVERIFY(table->model()->index(0, AuditLogModel::RecordColumn).data().toString().contains(m_agent.name));
}

void TestSignIn::rememberedPasswordIsFilledInAfterSigningOut()
{
    startConsole();
    QSignalSpy signedIn(m_console.get(), &ConsoleApplication::signedIn);
    QSignalSpy signedOut(m_console.get(), &ConsoleApplication::signedOut);
    fillAndSignIn(m_agent.name, m_agent.password, true);
    QTRY_COMPARE(signedIn.count(), 1);
    QTRY_VERIFY(m_secrets->contains(QStringLiteral("test/") + m_agent.name));

    m_console->mainWindow()->findChild<QAction*>(QStringLiteral("actionSignOut"))->trigger();
    QTRY_COMPARE(signedOut.count(), 1);
    QTRY_VERIFY(m_console->signInDialog() && m_console->signInDialog()->isVisible());
    QTRY_COMPARE(m_console->database().state(), ConnectionState::Disconnected);
    // Last user preselected, password filled from the keychain.
    QCOMPARE(inDialog<QLineEdit>("user")->text(), m_agent.name);
    QTRY_COMPARE(inDialog<QLineEdit>("password")->text(), m_agent.password);
    QVERIFY(inDialog<QCheckBox>("rememberPassword")->isChecked());
    QTest::mouseClick(inDialog<QPushButton>("signInButton"), Qt::LeftButton);
    QTRY_COMPARE(signedIn.count(), 2);
}

void TestSignIn::lostConnectionIsShownAndRecovered()
{
    startConsole();
    m_console->database().setHealthCheckInterval(100);
    m_console->database().setReconnectDelay(300);
    QSignalSpy signedIn(m_console.get(), &ConsoleApplication::signedIn);
    fillAndSignIn(m_agent.name, m_agent.password);
    QTRY_COMPARE(signedIn.count(), 1);
    MainWindow* window = m_console->mainWindow();
    auto* status = window->findChild<QLabel*>(QStringLiteral("connectionStatus"));
    auto* banner = window->findChild<QLabel*>(QStringLiteral("connectionBanner"));
    QVERIFY(!banner->isVisible());

    auto admin = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(admin);
    MHERO_VERIFY_OK(sql::exec(
        admin->db(), QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?"),
        {m_agent.name}));
    QTRY_COMPARE(status->text(), QStringLiteral("Reconnecting…"));
    QVERIFY(banner->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Connected"), 10000);
    QVERIFY(!banner->isVisible());
}

void TestSignIn::slowServerNeverFreezesTheDialog()
{
    // A "server" that accepts the connection and never answers: libpq waits for it until the
    // connect timeout. Meanwhile the dialog must stay responsive and cancellable.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ServerProfile profile;
    profile.name = QStringLiteral("silent");
    profile.settings.host = QStringLiteral("127.0.0.1");
    profile.settings.port = silent.serverPort();
    profile.settings.database = QStringLiteral("mhero");
    profile.settings.sslMode = QStringLiteral("disable");
    m_profiles->save(profile);
    startConsole(QStringLiteral("silent"));

    QSignalSpy busy(m_console->signInDialog(), &SignInDialog::busyChanged);
    fillAndSignIn(QStringLiteral("someone"), QStringLiteral("password"));
    QCOMPARE(busy.count(), 1);
    QVERIFY(busy.first().first().toBool());
    // The event loop runs: timers fire while the connection attempt hangs.
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(300);
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(!inDialog<QPushButton>("signInButton")->isEnabled());
    QTest::mouseClick(inDialog<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(busy.count(), 2);
    QVERIFY(inDialog<QPushButton>("signInButton")->isEnabled());
    QVERIFY(m_console->signInDialog()->isVisible());
    QVERIFY(!inDialog<QLabel>("signInError")->isVisible());
}

void TestSignIn::unknownAccountIsRefused()
{
    auto admin = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(admin);
    const QString stranger = QStringLiteral("stranger_") + m_db;
    MHERO_VERIFY_OK(
        sql::exec(admin->db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'stranger-password'").arg(stranger)));
    startConsole();
    fillAndSignIn(stranger, QStringLiteral("stranger-password"));
    auto* error = inDialog<QLabel>("signInError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("no access to mHero")), qPrintable(error->text()));
    QCOMPARE(m_console->database().state(), ConnectionState::Disconnected);
}

void TestSignIn::messageFromTheDirectoryOpensTheConversation()
{
    // Runs last (it adds a person): the agent finds Famatta in the directory, presses Message,
    // and lands on her new conversation in Conversations, ready to write.
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    MHERO_VERIFY_OK(sql::execScript(owner->db(), R"sql(
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('registry', 'fhir', 'https://ihris.invalid/fhir'),
                                                               ('sms', 'rapidpro', 'https://rapidpro.invalid');
        INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, given_name, family_name, display_name,
                                         facility, district)
        SELECT id, 'Practitioner', 'fk', 'Famatta', 'Kromah', 'Famatta Kromah', 'Phebe Hospital', 'Bong'
          FROM mhero.source WHERE name = 'registry';
        INSERT INTO mhero.health_worker_phone (health_worker_id, raw, e164, use)
        SELECT id, '0886 555 123', '+231886555123', 'mobile' FROM mhero.health_worker;
        INSERT INTO mhero.contact_urn (urn, health_worker_id) SELECT 'tel:+231886555123', id FROM mhero.health_worker;
        SELECT mhero.refresh_facets();
    )sql"));
    startConsole();
    QSignalSpy signedIn(m_console.get(), &ConsoleApplication::signedIn);
    fillAndSignIn(m_agent.name, m_agent.password);
    QTRY_COMPARE(signedIn.count(), 1);
    MainWindow* window = m_console->mainWindow();
    QVERIFY(window->showPage(QStringLiteral("directory")));
    auto* directory = window->findChild<DirectoryPage*>();
    auto* search = directory->findChild<QLineEdit*>(QStringLiteral("directorySearch"));
    auto* table = directory->findChild<QTableView*>(QStringLiteral("directoryTable"));
    auto* message = directory->findChild<QPushButton*>(QStringLiteral("messageButton"));
    QVERIFY(search && table && message);
    QVERIFY(message->isVisible());
    QTest::keyClicks(search, QStringLiteral("famata"));
    QTRY_VERIFY(!directory->model()->isLoading() && directory->model()->rowCount() == 1);
    table->selectRow(0);
    QTRY_VERIFY(message->isEnabled());
    QTest::mouseClick(message, Qt::LeftButton);
    QTRY_COMPARE(window->currentPageKey(), QStringLiteral("conversations"));
    auto* conversations = window->findChild<ConversationsPage*>();
    QTRY_COMPARE(conversations->currentConversation(),
                 sql::scalar(owner->db(), QStringLiteral("SELECT id FROM mhero.conversation")).valueOr(0).toLongLong());
    QVERIFY(conversations->currentConversation() > 0);
    QTRY_VERIFY(conversations->findChild<QLabel*>(QStringLiteral("contactDetails"))->text().contains(
        QLatin1String("Phebe Hospital")));
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
