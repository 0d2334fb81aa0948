// The Overview page: the call center's figures, and what needs attention behind them — a source
// whose last sync failed, inbound messages the engine set aside — for whoever may see it.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "home/HomePage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestHomePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void attentionLineShowsWhatNeedsIt();

private:
    /// Opens a Home page as @p user and returns the attention line's text once the figures are shown
    /// ("" when it is hidden).
    static QString attentionAs(const TestUser& user, bool admin)
    {
        Database database;
        QSignalSpy opened(&database, &Database::opened);
        database.open(user.settings);
        if (!opened.wait(10000))
            return QStringLiteral("<not opened>");
        SessionInfo session;
        session.user.roleName = user.name;
        session.user.displayName = user.name;
        session.user.isAgent = !admin;
        session.user.isAdmin = admin;
        ServerProfile profile;
        profile.name = QStringLiteral("test");
        HomePage page(database, session, profile);
        QSignalSpy loaded(&page, &HomePage::loaded);
        if (!loaded.wait(10000))
            return QStringLiteral("<not loaded>");
        auto* attention = page.findChild<QLabel*>(QStringLiteral("homeAttention"));
        if (!attention)
            return QStringLiteral("<no label>");
        return attention->isVisibleTo(&page) ? attention->text() : QString();
    }

    QString m_db;
    TestUser m_agent, m_admin;
    std::optional<ScopedConnection> m_owner;
};

void TestHomePage::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto agent = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("agent"));
    MHERO_VERIFY_OK(agent);
    m_agent = *agent;
    auto admin = TestCluster::instance().createUser(m_db, UserKind::Admin, QStringLiteral("it"));
    MHERO_VERIFY_OK(admin);
    m_admin = *admin;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
}

void TestHomePage::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestHomePage::attentionLineShowsWhatNeedsIt()
{
    QSqlDatabase& owner = m_owner->db();
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                    "VALUES ('rp', 'rapidpro', 'https://rapidpro.example.org')")));
    // Nothing wrong: no line at all.
    QCOMPARE(attentionAs(m_admin, true), QString());

    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral(
        "INSERT INTO mhero.inbound_quarantine (source_id, external_id, reason, entry) "
        "SELECT id, '1', 'the address \"x:1\" is not one mHero can store', '{}' FROM mhero.source")));
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral(
        "INSERT INTO mhero.sync_state (source_id, job, last_error) SELECT id, 'messages_in', 'HTTP 500' "
        "FROM mhero.source")));
    const QString admin = attentionAs(m_admin, true);
    QVERIFY2(admin.contains(QLatin1String("reported an error on the last sync")), qPrintable(admin));
    QVERIFY2(admin.contains(QLatin1String("1 inbound message")), qPrintable(admin));
    QVERIFY(admin.contains(QLatin1String("mhero-admin source quarantine NAME")));
    // Agents may not read the quarantine: the sync error only, and no error on the page.
    const QString agent = attentionAs(m_agent, false);
    QVERIFY2(agent.contains(QLatin1String("reported an error on the last sync")), qPrintable(agent));
    QVERIFY2(agent.contains(QLatin1String("Please tell IT")), qPrintable(agent)); // not a command they cannot run
    QVERIFY2(!agent.contains(QLatin1String("mhero-admin")), qPrintable(agent));
    QVERIFY2(!agent.contains(QLatin1String("set aside")), qPrintable(agent));
    // A disabled source is nobody's worry.
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("UPDATE mhero.source SET enabled = false")));
    QVERIFY(!attentionAs(m_agent, false).contains(QLatin1String("reported an error")));
}

QTEST_MAIN(TestHomePage)
#include "tst_homepage.moc"
