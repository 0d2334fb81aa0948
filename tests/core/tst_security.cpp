// The security model of DESIGN.md §4, proved by connecting as each role and asserting what the
// server itself refuses (SQLSTATE 42501), allows, and records in the audit log.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/rapidpro/RapidProSource.h"
#include "secrets/SealedSecrets.h"
#include "session/UserProfile.h"

#include <QScopeGuard>
#include <QTemporaryDir>
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

    // Issue 12: the class "a caller's temporary table stands in for a schema table inside a
    // definer function", and functions open to PUBLIC.
    void catalogueEveryDefinerSearchesTempLast();
    void catalogueNoFunctionIsOpenToPublic();
    void nobodyButTheEngineCreatesTemporaryTables();
    void temporaryTablesCannotStandInForSchemaTables();
    void deferredIndexDefinitionsAreNotExecutedBlindly();
    void catalogueDefinersUseOnlyTheirOwnTemporaryTables();
    void engineCannotPlantATriggerInAStagingTable();
    void engineKeyIsReplacedOnlyByTheOwner();

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

    /// Opens a fresh session as @p user and creates, in its temporary schema, a table of the
    /// same name and columns as every table of schema mhero, with pg_temp searched first: what
    /// an attacker at a workstation does before calling a definer function.
    Result<ScopedConnection> shadowedSession(const TestUser& user);
    /// Rows in the caller's temporary table @p table (they must stay empty: nothing may write there).
    static int temporaryRows(QSqlDatabase& db, const char* table)
    {
        return sql::scalar(db, QStringLiteral("SELECT count(*) FROM pg_temp.%1").arg(QLatin1String(table)))
            .value()
            .toInt();
    }

    QString m_db;
    TestUser m_agent, m_agent2, m_supervisor, m_admin, m_service;
    Result<ScopedConnection> m_agentConn = Error{};
    Result<ScopedConnection> m_supervisorConn = Error{};
    Result<ScopedConnection> m_adminConn = Error{};
    Result<ScopedConnection> m_serviceConn = Error{};
    Result<ScopedConnection> m_ownerConn = Error{};
    QTemporaryDir m_keyDir;
    std::optional<secrets::EngineKey> m_key;
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

    // A source with a secret (sealed by an administrator to the engine's key), and a conversation
    // to assign.
    QSqlDatabase& owner = as(m_ownerConn);
    auto key = cluster.installEngineKey(m_db, m_keyDir.filePath(QStringLiteral("engine.key")));
    MHERO_VERIFY_OK(key);
    m_key = *key;
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rp', 'rapidpro', 'https://rapidpro.example.org')")));
    MHERO_VERIFY_OK(secrets::storeSourceSecret(as(m_adminConn), QStringLiteral("rp"),
                                               QUrl(QStringLiteral("https://rapidpro.example.org")),
                                               QStringLiteral("token-123")));
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
    MHERO_EXPECT_SQLSTATE(db, "SELECT sealed FROM mhero.source_secret", "42501");
    MHERO_EXPECT_SQLSTATE(db, "SELECT origin FROM mhero.source_secret", "42501");
    // The non-secret columns of a source are readable; the table holds no secret anyway.
    QCOMPARE(sqlState(db, QStringLiteral("SELECT name, kind, base_url FROM mhero.source")), QStringLiteral("ok"));
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.set_source_secret('rp', 'c3RvbGVu', 'x', 'https://evil.example:443')",
                          "42501");
    // Nor can an agent publish a key of its own for administrators to seal secrets to.
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.publish_engine_key(encode(sha256('x'), 'base64'))", "42501");
    MHERO_EXPECT_SQLSTATE(db, "SELECT public_key FROM mhero.engine_key", "42501");
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.source SET base_url = 'https://evil.example'", "42501");
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
    MHERO_EXPECT_SQLSTATE(db, "SELECT sealed FROM mhero.source_secret", "42501");
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

    MHERO_VERIFY_OK(secrets::storeSourceSecret(
        db, QStringLiteral("rp"), QUrl(QStringLiteral("https://rapidpro.example.org")), QStringLiteral("token-456")));
    // Write-only: not even the ciphertext can be read back; whether it is set, and for where, can.
    MHERO_EXPECT_SQLSTATE(db, "SELECT sealed FROM mhero.source_secret", "42501");
    MHERO_EXPECT_SQLSTATE(db, "SELECT * FROM mhero.source_secret", "42501");
    QCOMPARE(sql::scalar(db, QStringLiteral("SELECT origin || ' ' || key_id FROM mhero.source_secret"))
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("https://rapidpro.example.org:443 ") + m_key->id());
    // The plain-text form is gone: no token can reach the statement text (and the log) that way.
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.set_source_secret('rp', 'token-456')", "42883");
    // What is stored must be sealed to the published key, for the source's current origin.
    MHERO_EXPECT_SQLSTATE(
        db,
        "SELECT mhero.set_source_secret('rp', 'dG9rZW4tNDU2', k.key_id, 'https://rapidpro.example.org:443') "
        "FROM mhero.engine_key k",
        "22023");
    const QString sealed = QString::fromLatin1(secrets::seal(m_key->publicKey, "x").toBase64());
    QCOMPARE(sqlState(db,
                      QStringLiteral("SELECT mhero.set_source_secret('rp', ?, 'ffffffffffffffff', "
                                     "'https://rapidpro.example.org:443')"),
                      {sealed}),
             QStringLiteral("22023"));
    QCOMPARE(sqlState(db, QStringLiteral("SELECT mhero.set_source_secret('rp', ?, ?, 'https://attacker.example:443')"),
                      {sealed, m_key->id()}),
             QStringLiteral("22023"));
    // An administrator cannot publish a key of their own (secrets would then be sealed to it).
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.publish_engine_key(encode(sha256('x'), 'base64'), true)", "42501");
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.engine_key SET public_key = 'x'", "42501");
    expectAuditLogIsAppendOnly(db);
    // An admin runs IT, not content: no approving, no conversations to rewrite.
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.template_version SET status = 'approved'", "42501");
}

void TestSecurity::serviceReadsSecretsButCannotAdminister()
{
    QSqlDatabase& db = as(m_serviceConn);
    // The service reads the sealed secret; only the engine's private key opens it.
    auto sources = rapidpro::loadRapidProSources(db, QStringLiteral("rp"), &*m_key);
    MHERO_VERIFY_OK(sources);
    QVERIFY2(!sources->first().secretError, qPrintable(sources->first().secretError.value_or(Error{}).toString()));
    QVERIFY(sources->first().token.startsWith(QLatin1String("token-")));
    // Without it, the service account alone (a stolen password) gets ciphertext only.
    auto sealed = sql::scalar(db, QStringLiteral("SELECT sealed FROM mhero.source_secret"));
    MHERO_VERIFY_OK(sealed);
    QVERIFY(!QByteArray::fromBase64(sealed->toString().toLatin1()).contains("token-"));
    auto keyless = rapidpro::loadRapidProSources(db, QStringLiteral("rp"));
    MHERO_VERIFY_OK(keyless);
    QVERIFY(keyless->first().token.isEmpty());
    QCOMPARE(keyless->first().secretError->code, QStringLiteral("no-engine-key"));
    MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.set_source_secret('rp', NULL, NULL, NULL)", "42501");
    MHERO_EXPECT_SQLSTATE(db, "UPDATE mhero.source_secret SET origin = 'https://evil.example:443'", "42501");
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

// Every SECURITY DEFINER function (and every function that pins a search_path at all: it may run
// inside a definer or a trigger as the owner) names pg_temp, and names it last. Holds every
// migration, present and future, to PostgreSQL's rule for safe definer functions.
void TestSecurity::catalogueEveryDefinerSearchesTempLast()
{
    auto query = sql::exec(as(m_ownerConn), QStringLiteral(R"(
        SELECT p.oid::regprocedure::text, p.prosecdef,
               (SELECT c FROM unnest(p.proconfig) AS c WHERE c LIKE 'search\_path=%') AS path
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
          AND p.pronamespace::regnamespace::text NOT LIKE 'pg\_%'
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
                                                              AND d.objid = p.oid AND d.deptype = 'e')
        ORDER BY 1)"));
    MHERO_VERIFY_OK(query);
    int definers = 0;
    QStringList offenders;
    while (query->next()) {
        const QString name = query->value(0).toString();
        const bool definer = query->value(1).toBool();
        const QString path = query->value(2).toString();
        definers += definer ? 1 : 0;
        if (path.isEmpty()) {
            if (definer)
                offenders << name + QStringLiteral(": SECURITY DEFINER without SET search_path");
            continue;
        }
        const QStringList parts = path.section(QLatin1Char('='), 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (parts.isEmpty() || parts.constLast().trimmed() != QLatin1String("pg_temp"))
            offenders << name + QStringLiteral(": ") + path;
    }
    QVERIFY2(definers >= 30, "the catalogue query found the definer functions"); // it can fail
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

// Nothing is executable by PUBLIC (that is: by every role of the cluster, every agent included)
// unless it is on this allow-list, with the reason.
void TestSecurity::catalogueNoFunctionIsOpenToPublic()
{
    // Extensions whose functions stay as their scripts grant them: C functions of contrib that
    // run as the caller and read no mHero data (trigram matching, accent folding for search).
    const QStringList allowedExtensions{QStringLiteral("pg_trgm"), QStringLiteral("unaccent")};
    // Functions of our own that PUBLIC may execute: none.
    const QStringList allowedFunctions{};

    QSqlDatabase& owner = as(m_ownerConn);
    auto query = sql::exec(owner, QStringLiteral(R"(
        SELECT p.oid::regprocedure::text,
               (SELECT e.extname FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
                 WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
          AND p.pronamespace::regnamespace::text NOT LIKE 'pg\_%'
          AND EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')
        ORDER BY 1)"));
    MHERO_VERIFY_OK(query);
    QStringList offenders;
    while (query->next())
        if (!allowedExtensions.contains(query->value(1).toString())
            && !allowedFunctions.contains(query->value(0).toString()))
            offenders << query->value(0).toString();
    QVERIFY2(offenders.isEmpty(),
             qPrintable(QStringLiteral("executable by PUBLIC: ") + offenders.join(QStringLiteral(", "))));

    // The definer functions an agent called before (issue 12) are refused to agents now.
    QSqlDatabase& agent = as(m_agentConn);
    for (const char* call : {"SELECT mhero.refresh_facets()", "SELECT mhero.analyze_directory()",
                             "SELECT mhero.defer_directory_indexes()", "SELECT mhero.restore_directory_indexes()"})
        QCOMPARE(sqlState(agent, QString::fromLatin1(call)), QStringLiteral("42501"));

    // And a function the migrating role creates tomorrow starts closed: the global default
    // privilege (ALTER DEFAULT PRIVILEGES … IN SCHEMA cannot revoke it).
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("BEGIN")));
    MHERO_VERIFY_OK(
        sql::exec(owner, QStringLiteral("CREATE FUNCTION mhero.tomorrow() RETURNS int LANGUAGE sql AS 'SELECT 1'")));
    auto open
        = sql::scalar(owner, QStringLiteral("SELECT has_function_privilege('public', 'mhero.tomorrow()', 'EXECUTE')"));
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("ROLLBACK")));
    MHERO_VERIFY_OK(open);
    QVERIFY2(!open->toBool(), "a new function of the owner's is executable by PUBLIC");
}

void TestSecurity::nobodyButTheEngineCreatesTemporaryTables()
{
    QCOMPARE(sql::scalar(as(m_ownerConn),
                         QStringLiteral("SELECT has_database_privilege('public', current_database(), 'TEMP')"))
                 .value()
                 .toBool(),
             false);
    for (auto* connection : {&m_agentConn, &m_supervisorConn, &m_adminConn})
        MHERO_EXPECT_SQLSTATE(as(*connection), "CREATE TEMP TABLE audit_log (id int)", "42501");
    // The sync engine stages directory pages in temporary tables.
    QCOMPARE(sqlState(as(m_serviceConn), QStringLiteral("CREATE TEMP TABLE staging_probe (id int)")),
             QStringLiteral("ok"));
    MHERO_VERIFY_OK(sql::exec(as(m_serviceConn), QStringLiteral("DROP TABLE pg_temp.staging_probe")));
}

Result<ScopedConnection> TestSecurity::shadowedSession(const TestUser& user)
{
    auto connection = TestCluster::connectAs(user);
    if (!connection)
        return connection;
    auto tables = sql::exec(as(m_ownerConn), QStringLiteral(R"(
        SELECT format('CREATE TEMP TABLE %I (%s)', c.relname,
                      string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', '
                                 ORDER BY a.attnum))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = 'mhero'::regnamespace AND c.relkind IN ('r', 'p')
          AND a.attnum > 0 AND NOT a.attisdropped
        GROUP BY c.relname)"));
    if (!tables)
        return tables.error();
    int created = 0;
    while (tables->next()) {
        if (auto made = sql::exec(connection->db(), tables->value(0).toString()); !made)
            return made.error();
        ++created;
    }
    if (created < 20)
        return Error{QStringLiteral("test"), QStringLiteral("only %1 tables shadowed").arg(created), {}};
    if (auto path = sql::exec(connection->db(), QStringLiteral("SET search_path = pg_temp, mhero, pg_catalog")); !path)
        return path.error();
    return connection;
}

// Each attack of issue 12 class 1, as the role that made it, with every schema table shadowed
// by a temporary one. TEMPORARY is granted for the test (as if a DBA had given it back): the
// first wall, no TEMPORARY for PUBLIC, is proved above; this proves the second one.
void TestSecurity::temporaryTablesCannotStandInForSchemaTables()
{
    QSqlDatabase& owner = as(m_ownerConn);
    for (const TestUser* user : {&m_agent, &m_supervisor, &m_admin})
        MHERO_VERIFY_OK(sql::exec(owner,
                                  QStringLiteral("GRANT TEMPORARY ON DATABASE %1 TO %2")
                                      .arg(sql::quoteIdentifier(m_db), sql::quoteIdentifier(user->name))));
    const auto revoke = qScopeGuard([&] {
        for (const TestUser* user : {&m_agent, &m_supervisor, &m_admin})
            (void)sql::exec(owner,
                            QStringLiteral("REVOKE TEMPORARY ON DATABASE %1 FROM %2")
                                .arg(sql::quoteIdentifier(m_db), sql::quoteIdentifier(user->name)));
    });
    const auto auditRows
        = [&] { return sql::scalar(owner, QStringLiteral("SELECT count(*) FROM mhero.audit_log")).value().toInt(); };
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("UPDATE mhero.conversation SET assignee = NULL, "
                                             "channel_source_id = (SELECT id FROM mhero.source WHERE name = 'rp')")));
    const int conversation
        = sql::scalar(owner, QStringLiteral("SELECT min(id) FROM mhero.conversation")).value().toInt();

    // Agent: the audit log and the "templates only" policy.
    {
        auto session = shadowedSession(m_agent);
        MHERO_VERIFY_OK(session);
        QSqlDatabase& db = session->db();
        MHERO_VERIFY_OK(sql::exec(db,
                                  QStringLiteral("INSERT INTO setting (key, value) "
                                                 "VALUES ('messaging.free_text_policy', '\"free_text\"')")));
        const int before = auditRows();
        MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("SELECT mhero.claim_conversation(?)"), {conversation}));
        QCOMPARE(temporaryRows(db, "audit_log"), 0);
        QVERIFY2(auditRows() > before, "claiming was not audited in mhero.audit_log");
        QCOMPARE(sqlState(db, QStringLiteral("SELECT mhero.reply(?, 'Anything I like', NULL)"), {conversation}),
                 QStringLiteral("42501")); // templates only, whatever the caller's own "setting" says
        QCOMPARE(sql::scalar(owner, QStringLiteral("SELECT count(*) FROM mhero.message")).value().toInt(), 0);
        // The engine's directory maintenance is not the agent's, shadowed or not.
        MHERO_EXPECT_SQLSTATE(db, "SELECT mhero.restore_directory_indexes()", "42501");
    }
    // Supervisor: the wording stored under a template version.
    {
        auto session = shadowedSession(m_supervisor);
        MHERO_VERIFY_OK(session);
        QSqlDatabase& db = session->db();
        auto templateId = sql::scalar(db, QStringLiteral("SELECT mhero.create_template('Shadow test', 'hr_payroll')"));
        MHERO_VERIFY_OK(templateId);
        auto version = sql::scalar(
            db, QStringLiteral("SELECT mhero.save_draft(?, '{\"en\": \"Your salary was paid.\"}')"), {*templateId});
        MHERO_VERIFY_OK(version);
        QCOMPARE(temporaryRows(db, "template_body"), 0);
        QCOMPARE(temporaryRows(db, "template_version"), 0);
        QCOMPARE(sql::scalar(owner,
                             QStringLiteral("SELECT body FROM mhero.template_body WHERE template_version_id = ?"),
                             {*version})
                     .value()
                     .toString(),
                 QStringLiteral("Your salary was paid."));
    }
    // Administrator: an account with no app_user row and no audit entry.
    {
        auto session = shadowedSession(m_admin);
        MHERO_VERIFY_OK(session);
        QSqlDatabase& db = session->db();
        const int before = auditRows();
        MHERO_VERIFY_OK(users::add(db, QStringLiteral("stealth_approver"), UserKind::Supervisor,
                                   QStringLiteral("Stealth"), {QStringLiteral("en")},
                                   QStringLiteral("long-enough-password")));
        QCOMPARE(temporaryRows(db, "app_user"), 0);
        QCOMPARE(
            sql::scalar(owner, QStringLiteral("SELECT kind FROM mhero.app_user WHERE role_name = 'stealth_approver'"))
                .value()
                .toString(),
            QStringLiteral("supervisor"));
        QVERIFY(auditRows() > before);
    }
    // Sync engine: an index "definition" that makes the caller a superuser.
    {
        auto session = shadowedSession(m_service);
        MHERO_VERIFY_OK(session);
        QSqlDatabase& db = session->db();
        MHERO_VERIFY_OK(sql::exec(db,
                                  QStringLiteral("INSERT INTO directory_deferred_index (name, definition) "
                                                 "VALUES ('health_worker_x', 'ALTER ROLE %1 SUPERUSER')")
                                      .arg(sql::quoteIdentifier(m_service.name))));
        auto restored = sql::scalar(db, QStringLiteral("SELECT mhero.restore_directory_indexes()"));
        MHERO_VERIFY_OK(restored);
        QCOMPARE(restored->toInt(), 0);
        QCOMPARE(sql::scalar(owner, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = ?"), {m_service.name})
                     .value()
                     .toBool(),
                 false);
        // Nor can it write the real table.
        MHERO_EXPECT_SQLSTATE(db, "INSERT INTO mhero.directory_deferred_index (name, definition) VALUES ('a', 'b')",
                              "42501");
    }
}

// Even the owner's table of deferred index definitions is not executed blindly: only what
// defer_directory_indexes() can have written (one CREATE INDEX of that name on a directory table).
void TestSecurity::deferredIndexDefinitionsAreNotExecutedBlindly()
{
    QSqlDatabase& owner = as(m_ownerConn);
    const QString escalate = QStringLiteral("ALTER ROLE %1 SUPERUSER").arg(sql::quoteIdentifier(m_service.name));
    for (const QString& definition : QStringList{
             escalate,
             QStringLiteral("CREATE INDEX health_worker_x ON mhero.health_worker USING btree (id); ") + escalate,
             QStringLiteral("CREATE INDEX other_name ON mhero.health_worker USING btree (id)"),
             QStringLiteral("CREATE INDEX health_worker_x ON mhero.app_user USING btree (role_name)")}) {
        MHERO_VERIFY_OK(sql::exec(owner,
                                  QStringLiteral("INSERT INTO mhero.directory_deferred_index (name, definition) "
                                                 "VALUES ('health_worker_x', ?)"),
                                  {definition}));
        QCOMPARE(sqlState(as(m_serviceConn), QStringLiteral("SELECT mhero.restore_directory_indexes()")),
                 QStringLiteral("42501"));
        MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("DELETE FROM mhero.directory_deferred_index")));
    }
    QCOMPARE(sql::scalar(owner, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = ?"), {m_service.name})
                 .value()
                 .toBool(),
             false);
    // What defer_directory_indexes() writes is still restored.
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.directory_deferred_index (name, definition) VALUES "
                                             "('health_worker_x', 'CREATE INDEX health_worker_x ON "
                                             "mhero.health_worker USING btree (id)')")));
    auto restored = sql::scalar(as(m_serviceConn), QStringLiteral("SELECT mhero.restore_directory_indexes()"));
    MHERO_VERIFY_OK(restored);
    QCOMPARE(restored->toInt(), 1);
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("DROP INDEX mhero.health_worker_x")));
}

// A definer function that stages rows in a temporary table must make sure the table is its own:
// one the caller made first could carry a trigger that then runs as the owner.
void TestSecurity::catalogueDefinersUseOnlyTheirOwnTemporaryTables()
{
    auto query = sql::exec(as(m_ownerConn), QStringLiteral(R"(
        SELECT p.oid::regprocedure::text, p.prosrc ~* 'pg_temp\.|create\s+temp', p.prosrc ~ 'require_own_temp_table'
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'mhero'::regnamespace AND p.prosecdef
          -- callable by someone other than the owner (a body behind a guarded door is not)
          AND EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      WHERE a.grantee <> p.proowner AND a.privilege_type = 'EXECUTE')
        ORDER BY 1)"));
    MHERO_VERIFY_OK(query);
    int guarded = 0;
    QStringList offenders;
    while (query->next()) {
        guarded += query->value(2).toBool() ? 1 : 0;
        if (query->value(1).toBool() && !query->value(2).toBool())
            offenders << query->value(0).toString();
    }
    QVERIFY2(guarded >= 2, "the catalogue query found ingest_inbound and ingest_contacts");
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QStringLiteral(", "))));
}

// The engine's login (it keeps TEMPORARY for staging) makes the staging table of ingest_inbound /
// ingest_contacts itself, open to all, with a trigger that would grant it the administrators'
// group when the definer function inserts: refused before anything runs.
void TestSecurity::engineCannotPlantATriggerInAStagingTable()
{
    QSqlDatabase& owner = as(m_ownerConn);
    const int source
        = sql::scalar(owner, QStringLiteral("SELECT id FROM mhero.source WHERE name = 'rp'")).value().toInt();
    const QString me = sql::quoteIdentifier(m_service.name);
    struct Case
    {
        const char* table;
        const char* call;
        const char* payload;
    };
    for (const Case& attack :
         {Case{"inbound_page", "SELECT mhero.ingest_inbound(?, ?::jsonb)",
               R"([{"external_id": "9", "external_num": 9, "urn": "tel:+231770000009", "text": "hi",
                    "created_at": "2026-01-01T00:00:00Z"}])"},
          Case{"contact_page", "SELECT mhero.ingest_contacts(?, ?::jsonb)",
               R"([{"contact_uuid": "c9", "urn": "tel:+231770000009", "name": "X", "status": "active",
                    "modified_on": "2026-01-01T00:00:00Z"}])"}}) {
        auto session = TestCluster::connectAs(m_service);
        MHERO_VERIFY_OK(session);
        QSqlDatabase& db = session->db();
        MHERO_VERIFY_OK(sql::exec(db,
                                  QStringLiteral("CREATE FUNCTION pg_temp.plant() RETURNS trigger LANGUAGE plpgsql "
                                                 "AS $f$ BEGIN EXECUTE 'GRANT mhero_admin TO %1'; RETURN NEW; END $f$")
                                      .arg(me)));
        // Every column the function might name, as text; the trigger fires on any insert.
        MHERO_VERIFY_OK(sql::exec(db,
                                  QStringLiteral("CREATE TEMP TABLE %1 (external_id text, external_num text, urn text, "
                                                 "contact_uuid text, contact_name text, text text, attachments text, "
                                                 "created_at text, urn_id text, conversation_id text, "
                                                 "unsupported_type text, name text, language text, status text, "
                                                 "modified_on text)")
                                      .arg(QLatin1String(attack.table))));
        MHERO_VERIFY_OK(
            sql::exec(db, QStringLiteral("GRANT ALL ON pg_temp.%1 TO PUBLIC").arg(QLatin1String(attack.table))));
        MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("GRANT EXECUTE ON FUNCTION pg_temp.plant() TO PUBLIC")));
        MHERO_VERIFY_OK(sql::exec(db,
                                  QStringLiteral("CREATE TRIGGER plant BEFORE INSERT OR UPDATE ON pg_temp.%1 "
                                                 "FOR EACH ROW EXECUTE FUNCTION pg_temp.plant()")
                                      .arg(QLatin1String(attack.table))));
        QCOMPARE(sqlState(db, QString::fromLatin1(attack.call), {source, QString::fromLatin1(attack.payload)}),
                 QStringLiteral("42501"));
        QCOMPARE(sql::scalar(owner, QStringLiteral("SELECT pg_has_role(?, 'mhero_admin', 'USAGE')"), {m_service.name})
                     .value()
                     .toBool(),
                 false);
    }
    // Without a planted table the engine ingests as always.
    auto session = TestCluster::connectAs(m_service);
    MHERO_VERIFY_OK(session);
    QCOMPARE(sqlState(session->db(), QStringLiteral("SELECT mhero.ingest_inbound(?, ?::jsonb)"),
                      {source, QStringLiteral(R"([{"external_id": "10", "external_num": 10, "urn": "tel:+231770000010",
                                                   "text": "hello", "created_at": "2026-01-01T00:00:00Z"}])")}),
             QStringLiteral("ok"));
}

// An administrator may create a service login (IT runs the engine); with it they must not swap the
// engine's published key for one of their own, or every secret entered afterwards would be sealed
// to them. Publishing the first key (and the same one again) is the engine's; replacing is the owner's.
void TestSecurity::engineKeyIsReplacedOnlyByTheOwner()
{
    QSqlDatabase& admin = as(m_adminConn);
    MHERO_VERIFY_OK(users::add(admin, QStringLiteral("admins_engine"), UserKind::Service, QStringLiteral("Mine"),
                               {QStringLiteral("en")}, QStringLiteral("long-enough-password")));
    TestUser made{QStringLiteral("admins_engine"), QStringLiteral("long-enough-password"),
                  TestCluster::instance().cluster().userSettings(QStringLiteral("admins_engine"),
                                                                 QStringLiteral("long-enough-password"), m_db)};
    auto theirs = TestCluster::connectAs(made);
    MHERO_VERIFY_OK(theirs);
    QSqlDatabase& owner = as(m_ownerConn);
    const QString engineKey = QStringLiteral("SELECT encode(sha256('engine'), 'base64')");
    const QString attackerKey = QStringLiteral("SELECT encode(sha256('attacker'), 'base64')");
    const QString published = QStringLiteral("SELECT public_key FROM mhero.engine_key");
    // The real engine has published its key (or publishes it now).
    if (sql::scalar(owner, QStringLiteral("SELECT count(*) FROM mhero.engine_key")).value().toInt() == 0)
        MHERO_VERIFY_OK(sql::exec(as(m_serviceConn),
                                  QStringLiteral("SELECT mhero.publish_engine_key((%1), false)").arg(engineKey)));
    const QString before = sql::scalar(owner, published).value().toString();
    QCOMPARE(sqlState(theirs->db(), QStringLiteral("SELECT mhero.publish_engine_key((%1), true)").arg(attackerKey)),
             QStringLiteral("42501"));
    QCOMPARE(
        sqlState(as(m_serviceConn), QStringLiteral("SELECT mhero.publish_engine_key((%1), true)").arg(attackerKey)),
        QStringLiteral("42501"));
    QCOMPARE(sql::scalar(owner, published).value().toString(), before);
    // Publishing the key that is already there stays harmless, and the owner may replace it.
    QCOMPARE(sqlState(theirs->db(),
                      QStringLiteral("SELECT mhero.publish_engine_key((%1), false)")
                          .arg(QStringLiteral("SELECT '") + before + QStringLiteral("'"))),
             QStringLiteral("ok"));
    QCOMPARE(sqlState(owner, QStringLiteral("SELECT mhero.publish_engine_key((%1), true)").arg(attackerKey)),
             QStringLiteral("ok"));
    QVERIFY(sql::scalar(owner, published).value().toString() != before);
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
