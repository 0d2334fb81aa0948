// The security model of DESIGN.md §4, proved by connecting as each role and asserting what the
// server itself refuses (SQLSTATE 42501), allows, and records in the audit log.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "session/UserProfile.h"

#include <QTest>

using namespace mhero;
using namespace mhero::test;

class TestSecurity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void agentCannotGrantItselfARole();
    void agentCannotAlterItsOwnRole();
    void agentCannotReadSecrets();
    void agentCannotTouchTheAuditLog();
    void agentCannotAdministerOrWriteTheDirectory();
    void supervisorReadsButCannotRewriteTheAuditLog();
    void supervisorCannotAddUsersOrReadSecrets();
    void adminManagesUsersAndSecretsButCannotReadSecrets();
    void serviceReadsSecretsButCannotAdminister();
    void auditLogIsAppendOnlyEvenForTheOwner();
    void userChangesAreAudited();
    void assignmentIsAudited();
    void notesBelongToTheirAuthor();
    void whoamiReflectsGroupMembership();
    void roleWithoutProfileIsNotAnMheroUser();
    void disabledUserCannotSignIn();
    void passwordsAreStoredAsScramVerifiers();
    void userNamesAreValidated();

private:
    QSqlDatabase& as(Result<ScopedConnection>& connection) { return connection->db(); }

    /// SQLSTATE of calling mhero.create_user() directly, with a valid verifier.
    static QString createUserState(QSqlDatabase& db, const char* kind)
    {
        const QString verifier
            = users::scramVerifier(db, QStringLiteral("newbie"), QStringLiteral("secret-password")).value();
        return sqlState(db, QStringLiteral("SELECT mhero.create_user('newbie', ?, 'New', '{en}', ?)"),
                        {QString::fromLatin1(kind), verifier});
    }

    /// Nobody rewrites history: changing, deleting or truncating the audit log is refused.
    static void expectAuditLogIsAppendOnly(QSqlDatabase& db)
    {
        MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.audit_log SET actor = 'someone'", "42501");
        MHERO_EXPECT_SQLSTATE(db, "DELETE FROM mhero.audit_log", "42501");
        MHERO_EXPECT_SQLSTATE(db, "TRUNCATE mhero.audit_log", "42501");
    }

    QString m_db;
    TestUser m_agent, m_agent2, m_supervisor, m_admin, m_service;
    Result<ScopedConnection> m_agentConn = Error{};
    Result<ScopedConnection> m_supervisorConn = Error{};
    Result<ScopedConnection> m_adminConn = Error{};
    Result<ScopedConnection> m_serviceConn = Error{};
    Result<ScopedConnection> m_ownerConn = Error{};
};

void TestSecurity::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    const auto make = [&](UserKind kind, TestUser& user) {
        auto created = cluster.createUser(m_db, kind, toString(kind));
        MHERO_VERIFY_OK(created);
        user = *created;
    };
    make(UserKind::Agent, m_agent);
    make(UserKind::Agent, m_agent2);
    make(UserKind::Supervisor, m_supervisor);
    make(UserKind::Admin, m_admin);
    make(UserKind::Service, m_service);
    m_agentConn = TestCluster::connectAs(m_agent);
    m_supervisorConn = TestCluster::connectAs(m_supervisor);
    m_adminConn = TestCluster::connectAs(m_admin);
    m_serviceConn = TestCluster::connectAs(m_service);
    m_ownerConn = cluster.connectSuperuser(m_db);
    for (auto* connection : {&m_agentConn, &m_supervisorConn, &m_adminConn, &m_serviceConn, &m_ownerConn})
        MHERO_VERIFY_OK(*connection);

    // A source with a secret, and a conversation to assign.
    QSqlDatabase& owner = as(m_ownerConn);
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rp', 'rapidpro', 'https://rapidpro.example.org')")));
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.source_secret (source_id, secret) "
                                             "SELECT id, 'token-123' FROM mhero.source WHERE name = 'rp'")));
    MHERO_VERIFY_OK(
        sql::exec(owner, QStringLiteral("INSERT INTO mhero.contact_urn (urn) VALUES ('tel:+231770000001')")));
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.conversation (urn_id) "
                                             "SELECT id FROM mhero.contact_urn WHERE urn = 'tel:+231770000001'")));
}

void TestSecurity::cleanupTestCase()
{
    for (auto* connection : {&m_agentConn, &m_supervisorConn, &m_adminConn, &m_serviceConn, &m_ownerConn})
        if (connection->ok())
            (*connection)->close();
    TestCluster::instance().dropDatabase(m_db);
}

void TestSecurity::agentCannotGrantItselfARole()
{
    QSqlDatabase& db = as(m_agentConn);
    const QString me = sql::quoteIdentifier(m_agent.name);
    for (const char* role : {"mhero_supervisor", "mhero_admin", "mhero_service"})
        QCOMPARE(sqlState(db, QStringLiteral("GRANT %1 TO %2").arg(QLatin1String(role), me)), QStringLiteral("42501"));
    // Nor borrow a group's rights for the session.
    MHERO_EXPECT_SQLSTATE(db, "SET ROLE mhero_supervisor", "42501");
    // And the refusals changed nothing.
    auto profile = UserProfile::load(db);
    MHERO_VERIFY_OK(profile);
    QVERIFY(profile->isAgent);
    QVERIFY(!profile->isSupervisor);
    QVERIFY(!profile->isAdmin);
}

void TestSecurity::agentCannotAlterItsOwnRole()
{
    QSqlDatabase& db = as(m_agentConn);
    const QString me = sql::quoteIdentifier(m_agent.name);
    for (const char* attribute : {"SUPERUSER", "CREATEROLE", "CREATEDB", "BYPASSRLS"})
        QCOMPARE(sqlState(db, QStringLiteral("ALTER ROLE %1 %2").arg(me, QLatin1String(attribute))),
                 QStringLiteral("42501"));
    QCOMPARE(sqlState(db, QStringLiteral("CREATE ROLE intruder LOGIN")), QStringLiteral("42501"));
}

void TestSecurity::agentCannotReadSecrets()
{
    QSqlDatabase& db = as(m_agentConn);
    MHERO_EXPECT_SQLSTATE(db, "SELECT secret FROM mhero.source_secret", "42501");
    // The non-secret columns of a source are readable; the table holds no secret anyway.
    QCOMPARE(sqlState(db, QStringLiteral("SELECT name, kind, base_url FROM mhero.source")), QStringLiteral("ok"));
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.set_source_secret('rp', 'stolen')", "42501");
}

void TestSecurity::agentCannotTouchTheAuditLog()
{
    QSqlDatabase& db = as(m_agentConn);
    MHERO_EXPECT_SQLSTATE(db, "SELECT * FROM mhero.audit_log", "42501");
    MHERO_EXPECT_SQLSTATE(db, "INSERT INTO mhero.audit_log (action) VALUES ('forged')", "42501");
    expectAuditLogIsAppendOnly(db);
}

void TestSecurity::agentCannotAdministerOrWriteTheDirectory()
{
    QSqlDatabase& db = as(m_agentConn);
    QCOMPARE(createUserState(db, "admin"), QStringLiteral("42501"));
    QCOMPARE(sqlState(db, QStringLiteral("SELECT mhero.set_user_active(?, false)"), {m_agent2.name}),
             QStringLiteral("42501"));
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.app_user SET kind = 'admin'", "42501");
    MHERO_EXPECT_SQLSTATE(db, "INSERT INTO mhero.setting (key, value) VALUES ('x', '1')", "42501");
    MHERO_EXPECT_SQLSTATE(db,
                          "INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, display_name) "
                          "VALUES (1, 'Practitioner', 'x', 'X')",
                          "42501");
    MHERO_EXPECT_SQLSTATE(db, "DELETE FROM mhero.message", "42501");
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.conversation SET assignee = NULL", "42501");
    // Reading the directory and the conversations is the agent's job.
    QCOMPARE(sqlState(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), QStringLiteral("ok"));
    QCOMPARE(sqlState(db, QStringLiteral("SELECT count(*) FROM mhero.conversation")), QStringLiteral("ok"));
}

void TestSecurity::supervisorReadsButCannotRewriteTheAuditLog()
{
    QSqlDatabase& db = as(m_supervisorConn);
    auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.audit_log"));
    MHERO_VERIFY_OK(count);
    QVERIFY(count->toInt() > 0); // at least the users created above
    expectAuditLogIsAppendOnly(db);
}

void TestSecurity::supervisorCannotAddUsersOrReadSecrets()
{
    QSqlDatabase& db = as(m_supervisorConn);
    QCOMPARE(createUserState(db, "agent"), QStringLiteral("42501"));
    MHERO_EXPECT_SQLSTATE(db, "SELECT secret FROM mhero.source_secret", "42501");
    MHERO_EXPECT_SQLSTATE(db, "GRANT mhero_admin TO CURRENT_USER", "42501");
}

void TestSecurity::adminManagesUsersAndSecretsButCannotReadSecrets()
{
    QSqlDatabase& db = as(m_adminConn);
    MHERO_VERIFY_OK(users::add(db, QStringLiteral("admin_made_agent"), UserKind::Agent, QStringLiteral("Made by admin"),
                               {QStringLiteral("en"), QStringLiteral("fr")}, QStringLiteral("long-enough-password")));
    auto list = users::list(db);
    MHERO_VERIFY_OK(list);
    const auto it = std::find_if(list->cbegin(), list->cend(),
                                 [](const UserRecord& r) { return r.name == QLatin1String("admin_made_agent"); });
    QVERIFY(it != list->cend());
    QVERIFY(it->kind == UserKind::Agent);
    QCOMPARE(it->languages, (QStringList{QStringLiteral("en"), QStringLiteral("fr")}));

    // The new account signs in and is an agent, nothing more.
    TestUser made{QStringLiteral("admin_made_agent"), QStringLiteral("long-enough-password"),
                  TestCluster::instance().cluster().userSettings(QStringLiteral("admin_made_agent"),
                                                                 QStringLiteral("long-enough-password"), m_db)};
    auto madeConn = TestCluster::connectAs(made);
    MHERO_VERIFY_OK(madeConn);
    auto profile = UserProfile::load(madeConn->db());
    MHERO_VERIFY_OK(profile);
    QVERIFY(profile->isAgent && !profile->isSupervisor && !profile->isAdmin);

    QCOMPARE(sqlState(db, QStringLiteral("SELECT mhero.set_source_secret('rp', 'token-456')")), QStringLiteral("ok"));
    MHERO_EXPECT_SQLSTATE(db, "SELECT secret FROM mhero.source_secret", "42501");
    expectAuditLogIsAppendOnly(db);
    // An admin runs IT, not content: no approving, no conversations to rewrite.
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.template_version SET status = 'approved'", "42501");
}

void TestSecurity::serviceReadsSecretsButCannotAdminister()
{
    QSqlDatabase& db = as(m_serviceConn);
    auto secret = sql::scalar(db,
                              QStringLiteral("SELECT s.secret FROM mhero.source_secret s "
                                             "JOIN mhero.source ON source.id = s.source_id WHERE name = 'rp'"));
    MHERO_VERIFY_OK(secret);
    QVERIFY(secret->toString().startsWith(QLatin1String("token-")));
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.set_source_secret('rp', 'x')", "42501");
    MHERO_EXPECT_SQLSTATE(db, "INSERT INTO mhero.audit_log (action) VALUES ('forged')", "42501");
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.template_version SET status = 'approved'", "42501");
}

void TestSecurity::auditLogIsAppendOnlyEvenForTheOwner()
{
    expectAuditLogIsAppendOnly(as(m_ownerConn));
}

void TestSecurity::userChangesAreAudited()
{
    QSqlDatabase& admin = as(m_adminConn);
    MHERO_VERIFY_OK(users::add(admin, QStringLiteral("audited_agent"), UserKind::Agent, QStringLiteral("Audited"),
                               {QStringLiteral("en")}, QStringLiteral("long-enough-password")));
    MHERO_VERIFY_OK(users::setActive(admin, QStringLiteral("audited_agent"), false));

    QSqlDatabase& supervisor = as(m_supervisorConn);
    auto query = sql::exec(supervisor,
                           QStringLiteral("SELECT action, actor, after->>'active' FROM mhero.audit_log "
                                          "WHERE table_name = 'app_user' AND row_key = 'audited_agent' ORDER BY id"));
    MHERO_VERIFY_OK(query);
    QVERIFY(query->next());
    QCOMPARE(query->value(0).toString(), QStringLiteral("insert"));
    QCOMPARE(query->value(1).toString(), m_admin.name); // the person, not the definer function's owner
    QCOMPARE(query->value(2).toString(), QStringLiteral("true"));
    QVERIFY(query->next());
    QCOMPARE(query->value(0).toString(), QStringLiteral("update"));
    QCOMPARE(query->value(2).toString(), QStringLiteral("false"));
    QVERIFY(!query->next());

    // Secrets are logged as "set", never with their value.
    auto secretLog = sql::scalar(supervisor,
                                 QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'set_secret' "
                                                "AND after::text NOT LIKE '%token%'"));
    MHERO_VERIFY_OK(secretLog);
    QVERIFY(secretLog->toInt() >= 1);
    auto leaked = sql::scalar(supervisor,
                              QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE coalesce(after::text, '') "
                                             "LIKE '%token-%' OR coalesce(before::text, '') LIKE '%token-%'"));
    MHERO_VERIFY_OK(leaked);
    QCOMPARE(leaked->toInt(), 0);
}

void TestSecurity::assignmentIsAudited()
{
    QSqlDatabase& service = as(m_serviceConn);
    QCOMPARE(rowsAffected(service, QStringLiteral("UPDATE mhero.conversation SET assignee = ?"), {m_agent.name}), 1);
    QCOMPARE(rowsAffected(service, QStringLiteral("UPDATE mhero.conversation SET last_activity_at = now()")), 1);
    auto query = sql::exec(as(m_supervisorConn),
                           QStringLiteral("SELECT actor, before->>'assignee', after->>'assignee' FROM mhero.audit_log "
                                          "WHERE table_name = 'conversation' ORDER BY id"));
    MHERO_VERIFY_OK(query);
    QVERIFY(query->next());
    QCOMPARE(query->value(0).toString(), m_service.name);
    QVERIFY(query->value(1).isNull());
    QCOMPARE(query->value(2).toString(), m_agent.name);
    QVERIFY2(!query->next(), "a mere activity update must not be audited");
}

void TestSecurity::notesBelongToTheirAuthor()
{
    QSqlDatabase& mine = as(m_agentConn);
    MHERO_VERIFY_OK(sql::exec(mine,
                              QStringLiteral("INSERT INTO mhero.note (conversation_id, body) "
                                             "SELECT id, 'Called back, waiting for payroll' FROM mhero.conversation")));
    auto author = sql::scalar(mine, QStringLiteral("SELECT author FROM mhero.note"));
    MHERO_VERIFY_OK(author);
    QCOMPARE(author->toString(), m_agent.name);

    auto otherConn = TestCluster::connectAs(m_agent2);
    MHERO_VERIFY_OK(otherConn);
    QSqlDatabase& other = otherConn->db();
    // Colleagues read each other's notes…
    QCOMPARE(sql::scalar(other, QStringLiteral("SELECT count(*) FROM mhero.note")).value().toInt(), 1);
    // …but cannot change or delete them: row-level security hides the row from UPDATE/DELETE.
    QCOMPARE(rowsAffected(other, QStringLiteral("UPDATE mhero.note SET body = 'rewritten'")), 0);
    QCOMPARE(rowsAffected(other, QStringLiteral("DELETE FROM mhero.note")), 0);
    // Nor write a note in someone else's name.
    QCOMPARE(sqlState(other,
                      QStringLiteral("INSERT INTO mhero.note (conversation_id, body, author) "
                                     "SELECT id, 'forged', ? FROM mhero.conversation"),
                      {m_agent.name}),
             QStringLiteral("42501"));
    QCOMPARE(rowsAffected(mine, QStringLiteral("UPDATE mhero.note SET body = 'Payroll confirmed'")), 1);
}

void TestSecurity::whoamiReflectsGroupMembership()
{
    auto supervisor = UserProfile::load(as(m_supervisorConn));
    MHERO_VERIFY_OK(supervisor);
    QCOMPARE(supervisor->roleName, m_supervisor.name);
    QVERIFY(supervisor->isSupervisor);
    QVERIFY2(supervisor->isAgent, "supervisors hold every agent right");
    QVERIFY(!supervisor->isAdmin);
    QCOMPARE(supervisor->primaryRole(), QStringLiteral("supervisor"));

    auto admin = UserProfile::load(as(m_adminConn));
    MHERO_VERIFY_OK(admin);
    QVERIFY(admin->isAdmin && !admin->isAgent && !admin->isSupervisor);
}

void TestSecurity::roleWithoutProfileIsNotAnMheroUser()
{
    QSqlDatabase& owner = as(m_ownerConn);
    MHERO_VERIFY_OK(
        sql::exec(owner, QStringLiteral("CREATE ROLE stranger_%1 LOGIN PASSWORD 'stranger-password'").arg(m_db)));
    TestUser stranger{QStringLiteral("stranger_") + m_db, QStringLiteral("stranger-password"),
                      TestCluster::instance().cluster().userSettings(QStringLiteral("stranger_") + m_db,
                                                                     QStringLiteral("stranger-password"), m_db)};
    auto connection = TestCluster::connectAs(stranger);
    MHERO_VERIFY_OK(connection);
    auto session = startSession(connection->db());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().code, QStringLiteral("42501"));
    // And the schema itself is closed to it.
    QCOMPARE(sqlState(connection->db(), QStringLiteral("SELECT * FROM mhero.health_worker")), QStringLiteral("42501"));
}

void TestSecurity::disabledUserCannotSignIn()
{
    auto& cluster = TestCluster::instance();
    auto user = cluster.createUser(m_db, UserKind::Agent, QStringLiteral("leaver"));
    MHERO_VERIFY_OK(user);
    MHERO_VERIFY_OK(TestCluster::connectAs(*user));
    MHERO_VERIFY_OK(users::setActive(as(m_adminConn), user->name, false));
    auto refused = TestCluster::connectAs(*user);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("28000"));
    MHERO_VERIFY_OK(users::setActive(as(m_adminConn), user->name, true));
    MHERO_VERIFY_OK(TestCluster::connectAs(*user));
    // An admin cannot lock themselves out.
    QCOMPARE(users::setActive(as(m_adminConn), m_admin.name, false).error().code, QStringLiteral("22023"));
}

void TestSecurity::passwordsAreStoredAsScramVerifiers()
{
    auto stored = sql::scalar(as(m_ownerConn), QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = ?"),
                              {m_agent.name});
    MHERO_VERIFY_OK(stored);
    QVERIFY(stored->toString().startsWith(QLatin1String("SCRAM-SHA-256$")));
    QVERIFY(!stored->toString().contains(m_agent.password));
    // The definer function refuses plain passwords outright.
    QCOMPARE(sqlState(as(m_adminConn),
                      QStringLiteral("SELECT mhero.create_user('plain_pw', 'agent', 'P', '{en}', 'hunter2hunter2')")),
             QStringLiteral("22023"));
}

void TestSecurity::userNamesAreValidated()
{
    QSqlDatabase& admin = as(m_adminConn);
    for (const char* name : {"mhero_agent2", "pg_monitor2", "Robert'); DROP TABLE x;--", "a", "UPPER"}) {
        const Status status = users::add(admin, QString::fromLatin1(name), UserKind::Agent, QStringLiteral("X"),
                                         {QStringLiteral("en")}, QStringLiteral("long-enough-password"));
        QVERIFY2(!status.ok(), name);
        QCOMPARE(status.error().code, QStringLiteral("22023"));
    }
    const Status duplicate = users::add(admin, m_agent.name, UserKind::Agent, QStringLiteral("X"),
                                        {QStringLiteral("en")}, QStringLiteral("long-enough-password"));
    QCOMPARE(duplicate.error().code, QStringLiteral("42710"));
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
