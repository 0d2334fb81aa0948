// The template lifecycle of migration 4, proved by connecting as real agent, supervisor and admin
// roles: who may write, submit, approve, reject and retire; four eyes; immutable approved wording;
// only approved versions of live templates can be sent; every transition in the audit log;
// export and import.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "templates/TemplateStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::templates;

class TestTemplates final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void agentCannotCreateOrApprove();
    void directWritesAreRefusedToEveryone();
    void validationRefusesBadBodies();
    void authorAndLastEditorCannotApprove();
    void approvedVersionIsImmutable();
    void newVersionSupersedesTheApprovedOne();
    void rejectionNeedsAReason();
    void onlyApprovedLiveVersionsCanBeSent();
    void transitionsAreAudited();
    void exportImportRoundTrip();

private:
    QSqlDatabase& agent() { return m_agentConn->db(); }
    QSqlDatabase& sup1() { return m_sup1Conn->db(); }
    QSqlDatabase& sup2() { return m_sup2Conn->db(); }
    QSqlDatabase& admin() { return m_adminConn->db(); }
    QSqlDatabase& owner() { return m_ownerConn->db(); }

    /// A template written and submitted by supervisor 1, with one English body.
    qint64 submitted(const QString& name, const QString& body, qint64* templateId = nullptr)
    {
        auto id = createTemplate(sup1(), name, QStringLiteral("general"), {QStringLiteral("test")});
        if (!id) {
            qWarning() << id.error().toString();
            return 0;
        }
        if (templateId)
            *templateId = *id;
        Draft draft;
        draft.bodies.insert(QStringLiteral("en"), body);
        auto version = saveDraft(sup1(), *id, draft);
        if (!version || !submitVersion(sup1(), *version))
            return 0;
        return *version;
    }

    static QString state(const Status& status) { return status ? QStringLiteral("ok") : status.error().code; }

    QString m_db;
    TestUser m_agent, m_sup1, m_sup2, m_admin;
    Result<ScopedConnection> m_agentConn = Error{};
    Result<ScopedConnection> m_sup1Conn = Error{};
    Result<ScopedConnection> m_sup2Conn = Error{};
    Result<ScopedConnection> m_adminConn = Error{};
    Result<ScopedConnection> m_ownerConn = Error{};
    qint64 m_conversation = 0;
};

void TestTemplates::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    const auto make = [&](UserKind kind, TestUser& user, const char* prefix) {
        auto created = cluster.createUser(m_db, kind, QString::fromLatin1(prefix));
        MHERO_VERIFY_OK(created);
        user = *created;
    };
    make(UserKind::Agent, m_agent, "agent");
    make(UserKind::Supervisor, m_sup1, "supone");
    make(UserKind::Supervisor, m_sup2, "suptwo");
    make(UserKind::Admin, m_admin, "admin");
    m_agentConn = TestCluster::connectAs(m_agent);
    m_sup1Conn = TestCluster::connectAs(m_sup1);
    m_sup2Conn = TestCluster::connectAs(m_sup2);
    m_adminConn = TestCluster::connectAs(m_admin);
    m_ownerConn = cluster.connectSuperuser(m_db);
    for (auto* connection : {&m_agentConn, &m_sup1Conn, &m_sup2Conn, &m_adminConn, &m_ownerConn})
        MHERO_VERIFY_OK(*connection);

    // A conversation on a RapidPro channel, assigned to the agent, to reply in.
    MHERO_VERIFY_OK(sql::exec(owner(), QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                                      "('rp', 'rapidpro', 'https://rapidpro.example.org')")));
    MHERO_VERIFY_OK(sql::exec(owner(), QStringLiteral("INSERT INTO mhero.contact_urn (urn) VALUES ('tel:+231770000009')")));
    auto conversation = sql::scalar(
        owner(), QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id, assignee) "
                                "SELECT u.id, s.id, ? FROM mhero.contact_urn u, mhero.source s "
                                "WHERE u.urn = 'tel:+231770000009' AND s.name = 'rp' RETURNING id"),
        {m_agent.name});
    MHERO_VERIFY_OK(conversation);
    m_conversation = conversation->toLongLong();
    MHERO_VERIFY_OK(sql::exec(owner(), QStringLiteral("UPDATE mhero.setting SET value = '\"templates_only\"' "
                                                      "WHERE key = 'messaging.free_text_policy'")));
}

void TestTemplates::cleanupTestCase()
{
    for (auto* connection : {&m_agentConn, &m_sup1Conn, &m_sup2Conn, &m_adminConn, &m_ownerConn})
        if (connection->ok())
            (*connection)->close();
    TestCluster::instance().dropDatabase(m_db);
}

void TestTemplates::agentCannotCreateOrApprove()
{
    auto created = createTemplate(agent(), QStringLiteral("Agent's own"), QStringLiteral("general"), {});
    QVERIFY(!created);
    QCOMPARE(created.error().code, QStringLiteral("42501"));
    QVERIFY2(created.error().message.contains(QLatin1String("only supervisors")), qPrintable(created.error().message));

    const qint64 version = submitted(QStringLiteral("Agent cannot approve"), QStringLiteral("Hello {{given_name}}"));
    QVERIFY(version > 0);
    QCOMPARE(state(approveVersion(agent(), version)), QStringLiteral("42501"));
    QCOMPARE(state(rejectVersion(agent(), version, QStringLiteral("no"))), QStringLiteral("42501"));
    // Nor may an agent edit drafts, or an administrator approve.
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Changed"));
    auto templateId = sql::scalar(owner(), QStringLiteral("SELECT template_id FROM mhero.template_version WHERE id = ?"),
                                  {version});
    MHERO_VERIFY_OK(templateId);
    auto saved = saveDraft(agent(), templateId->toLongLong(), draft);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, QStringLiteral("42501"));
    QCOMPARE(state(approveVersion(admin(), version)), QStringLiteral("42501"));
    // Another supervisor may.
    MHERO_VERIFY_OK(approveVersion(sup2(), version));
}

void TestTemplates::directWritesAreRefusedToEveryone()
{
    for (QSqlDatabase* db : {&agent(), &sup1(), &admin()}) {
        MHERO_EXPECT_SQLSTATE(*db, "INSERT INTO mhero.template (name, category) VALUES ('direct', 'general')", "42501");
        MHERO_EXPECT_SQLSTATE(*db, "UPDATE mhero.template_version SET status = 'approved'", "42501");
        MHERO_EXPECT_SQLSTATE(*db, "UPDATE mhero.template_body SET body = 'x'", "42501");
        MHERO_EXPECT_SQLSTATE(*db, "DELETE FROM mhero.template_body", "42501");
        MHERO_EXPECT_SQLSTATE(*db, "DELETE FROM mhero.template", "42501");
    }
}

void TestTemplates::validationRefusesBadBodies()
{
    auto id = createTemplate(sup1(), QStringLiteral("Validation"), QStringLiteral("training"), {});
    MHERO_VERIFY_OK(id);
    const auto refusal = [&](const QMap<QString, QString>& bodies, const QStringList& free = {}) {
        Draft draft;
        draft.bodies = bodies;
        draft.freePlaceholders = free;
        auto saved = saveDraft(sup1(), *id, draft);
        return saved ? QStringLiteral("ok") : saved.error().message;
    };
    const QString en = QStringLiteral("en");
    QVERIFY(refusal({}).contains(QLatin1String("at least one language")));
    QVERIFY(refusal({{en, QStringLiteral("   ")}}).contains(QLatin1String("empty")));
    QVERIFY(refusal({{en, QString(1001, QLatin1Char('a'))}}).contains(QLatin1String("limit is 1000")));
    QVERIFY(refusal({{en, QStringLiteral("Hi {{givne_name}}")}}).contains(QLatin1String("unknown placeholder {{givne_name}}")));
    QVERIFY(refusal({{en, QStringLiteral("Hi {{given_name}")}}).contains(QLatin1String("unbalanced")));
    QVERIFY(refusal({{en, QStringLiteral("Hi {{{given_name}}}")}}).contains(QLatin1String("unbalanced")));
    QVERIFY(refusal({{QStringLiteral("english"), QStringLiteral("Hi")}}).contains(QLatin1String("language code")));
    QVERIFY(refusal({{en, QStringLiteral("Code {{code}}")}}, {QStringLiteral("given_name")}).contains(QLatin1String("built-in")));
    // Declared free placeholders and single braces are fine; the limit is a setting.
    QCOMPARE(refusal({{en, QStringLiteral("Your code {x} is {{ code }}")}}, {QStringLiteral("code")}), QStringLiteral("ok"));
    MHERO_VERIFY_OK(sql::exec(owner(), QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES "
                                                      "('templates.max_body_chars', '20') ON CONFLICT (key) DO UPDATE "
                                                      "SET value = EXCLUDED.value")));
    QVERIFY(refusal({{en, QStringLiteral("This body is longer than twenty")}}).contains(QLatin1String("limit is 20")));
    // The limit is checked again on submit: the draft saved above is still short enough.
    MHERO_VERIFY_OK(sql::exec(owner(), QStringLiteral("UPDATE mhero.setting SET value = '1000' "
                                                      "WHERE key = 'templates.max_body_chars'")));
}

void TestTemplates::authorAndLastEditorCannotApprove()
{
    qint64 templateId = 0;
    const qint64 version = submitted(QStringLiteral("Four eyes"), QStringLiteral("Dear {{given_name}}"), &templateId);
    QVERIFY(version > 0);
    const Status own = approveVersion(sup1(), version);
    QCOMPARE(state(own), QStringLiteral("42501"));
    QVERIFY(own.error().message.contains(QLatin1String("another supervisor")));
    QCOMPARE(state(rejectVersion(sup1(), version, QStringLiteral("mine"))), QStringLiteral("42501"));

    // Supervisor 2 edits the next version written by 1: now neither may approve it.
    MHERO_VERIFY_OK(rejectVersion(sup2(), version, QStringLiteral("Say which facility.")));
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Dear {{given_name}} at {{facility}}"));
    auto edited = saveDraft(sup2(), templateId, draft);
    MHERO_VERIFY_OK(edited);
    QCOMPARE(*edited, version); // a rejected version is edited in place, back to draft
    MHERO_VERIFY_OK(submitVersion(sup2(), version));
    QCOMPARE(state(approveVersion(sup2(), version)), QStringLiteral("42501")); // the last editor
    QCOMPARE(state(approveVersion(sup1(), version)), QStringLiteral("42501")); // the author
    // A third supervisor who touched nothing approves.
    auto sup3 = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QStringLiteral("supthree"));
    MHERO_VERIFY_OK(sup3);
    auto conn = TestCluster::connectAs(*sup3);
    MHERO_VERIFY_OK(conn);
    MHERO_VERIFY_OK(approveVersion(conn->db(), version));
    conn->close();
}

void TestTemplates::approvedVersionIsImmutable()
{
    qint64 templateId = 0;
    const qint64 version = submitted(QStringLiteral("Immutable"), QStringLiteral("Approved words"), &templateId);
    MHERO_VERIFY_OK(approveVersion(sup2(), version));

    // Through the functions: saving creates a new draft; the approved one is unchanged.
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Other words"));
    auto next = saveDraft(sup1(), templateId, draft);
    MHERO_VERIFY_OK(next);
    QVERIFY(*next != version);
    auto body = sql::scalar(owner(), QStringLiteral("SELECT body FROM mhero.template_body WHERE template_version_id = ?"),
                            {version});
    MHERO_VERIFY_OK(body);
    QCOMPARE(body->toString(), QStringLiteral("Approved words"));
    auto status = sql::scalar(owner(), QStringLiteral("SELECT status FROM mhero.template_version WHERE id = ?"), {version});
    QCOMPARE(status->toString(), QStringLiteral("approved"));
    // Approving or submitting it again is refused.
    QCOMPARE(state(submitVersion(sup1(), version)), QStringLiteral("55000"));

    // Directly, even as the owner (superuser): the guard triggers refuse.
    const QVariantList id{version};
    QCOMPARE(sqlState(owner(), QStringLiteral("UPDATE mhero.template_body SET body = 'x' WHERE template_version_id = ?"), id),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(owner(), QStringLiteral("DELETE FROM mhero.template_body WHERE template_version_id = ?"), id),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(owner(), QStringLiteral("INSERT INTO mhero.template_body VALUES (?, 'fr', 'Autres mots')"), id),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(owner(), QStringLiteral("UPDATE mhero.template_version SET example_questions = '{x}' WHERE id = ?"), id),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(owner(), QStringLiteral("UPDATE mhero.template_version SET status = 'draft' WHERE id = ?"), id),
             QStringLiteral("42501"));
    // A submitted version's wording is frozen as well (the approver approves what they read).
    MHERO_VERIFY_OK(submitVersion(sup1(), *next));
    QCOMPARE(sqlState(owner(), QStringLiteral("UPDATE mhero.template_body SET body = 'x' WHERE template_version_id = ?"),
                      {*next}),
             QStringLiteral("42501"));
}

void TestTemplates::newVersionSupersedesTheApprovedOne()
{
    qint64 templateId = 0;
    const qint64 v1 = submitted(QStringLiteral("Supersede"), QStringLiteral("Version one"), &templateId);
    MHERO_VERIFY_OK(approveVersion(sup2(), v1));
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Version two"));
    auto v2 = saveDraft(sup1(), templateId, draft);
    MHERO_VERIFY_OK(v2);
    MHERO_VERIFY_OK(submitVersion(sup1(), *v2));
    // While v2 waits, v1 stays the one in use.
    auto approved = approvedTemplates(agent(), QStringLiteral("Supersede"));
    MHERO_VERIFY_OK(approved);
    QCOMPARE(approved->size(), 1);
    QCOMPARE(approved->first().versionId, v1);
    MHERO_VERIFY_OK(approveVersion(sup2(), *v2));
    approved = approvedTemplates(agent(), QStringLiteral("supersede"));
    QCOMPARE(approved->first().versionId, *v2);
    auto details = loadTemplate(agent(), templateId);
    MHERO_VERIFY_OK(details);
    QCOMPARE(details->versions.size(), 2);
    QCOMPARE(details->versions.at(0).status, QStringLiteral("approved"));
    QCOMPARE(details->versions.at(1).status, QStringLiteral("retired"));
}

void TestTemplates::rejectionNeedsAReason()
{
    const qint64 version = submitted(QStringLiteral("Reject me"), QStringLiteral("Words"));
    QCOMPARE(state(rejectVersion(sup2(), version, QStringLiteral("  "))), QStringLiteral("22023"));
    MHERO_VERIFY_OK(rejectVersion(sup2(), version, QStringLiteral("Too vague.")));
    auto reason = sql::scalar(agent(), QStringLiteral("SELECT rejection_reason FROM mhero.template_version WHERE id = ?"),
                              {version});
    QCOMPARE(reason->toString(), QStringLiteral("Too vague."));
    QCOMPARE(state(approveVersion(sup2(), version)), QStringLiteral("55000"));
}

void TestTemplates::onlyApprovedLiveVersionsCanBeSent()
{
    const auto reply = [&](const QString& text, qint64 version) {
        return sqlState(agent(), QStringLiteral("SELECT mhero.reply(?, ?, ?)"), {m_conversation, text, version});
    };
    qint64 templateId = 0;
    const qint64 version = submitted(QStringLiteral("Sendable"), QStringLiteral("Hello {{given_name}}, call 4455."),
                                     &templateId);
    // Submitted, not approved: refused.
    QCOMPARE(reply(QStringLiteral("Hello Musu, call 4455."), version), QStringLiteral("42501"));
    MHERO_VERIFY_OK(approveVersion(sup2(), version));
    QCOMPARE(reply(QStringLiteral("Hello Musu, call 4455."), version), QStringLiteral("ok"));
    // Not the approved wording, or free text under templates_only: refused.
    QCOMPARE(reply(QStringLiteral("Hello Musu, call me."), version), QStringLiteral("42501"));
    QCOMPARE(sqlState(agent(), QStringLiteral("SELECT mhero.reply(?, 'free text')"), {m_conversation}),
             QStringLiteral("42501"));
    // Retired version: refused.
    QCOMPARE(state(retireVersion(sup1(), version)), QStringLiteral("ok")); // retiring needs no four eyes
    QCOMPARE(reply(QStringLiteral("Hello Musu, call 4455."), version), QStringLiteral("42501"));

    // A retired template: its approved version can no longer be sent, nor edited.
    qint64 other = 0;
    const qint64 v2 = submitted(QStringLiteral("Sendable until retired"), QStringLiteral("Stay safe."), &other);
    MHERO_VERIFY_OK(approveVersion(sup2(), v2));
    QCOMPARE(reply(QStringLiteral("Stay safe."), v2), QStringLiteral("ok"));
    QCOMPARE(state(retireTemplate(agent(), other)), QStringLiteral("42501"));
    MHERO_VERIFY_OK(retireTemplate(sup2(), other));
    QCOMPARE(reply(QStringLiteral("Stay safe."), v2), QStringLiteral("42501"));
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Again"));
    QVERIFY(!saveDraft(sup1(), other, draft));
}

void TestTemplates::transitionsAreAudited()
{
    qint64 templateId = 0;
    const qint64 version = submitted(QStringLiteral("Audited"), QStringLiteral("Audit me"), &templateId);
    MHERO_VERIFY_OK(rejectVersion(sup2(), version, QStringLiteral("Shorter please")));
    Draft draft;
    draft.bodies.insert(QStringLiteral("en"), QStringLiteral("Audit"));
    MHERO_VERIFY_OK(saveDraft(sup1(), templateId, draft));
    MHERO_VERIFY_OK(submitVersion(sup1(), version));
    MHERO_VERIFY_OK(approveVersion(sup2(), version));
    MHERO_VERIFY_OK(retireVersion(sup2(), version));

    auto log = sql::exec(sup2(),
                         QStringLiteral("SELECT action, actor FROM mhero.audit_log WHERE action LIKE 'template\\_%' "
                                        "AND ((table_name = 'template_version' AND row_key = ?) "
                                        "  OR (table_name = 'template' AND row_key = ?)) ORDER BY id"),
                         {QString::number(version), QString::number(templateId)});
    MHERO_VERIFY_OK(log);
    QStringList entries;
    while (log->next())
        entries << log->value(0).toString() + QLatin1Char('/') + log->value(1).toString();
    const QString s1 = m_sup1.name;
    const QString s2 = m_sup2.name;
    const QStringList expected{
        QStringLiteral("template_create/") + s1,      QStringLiteral("template_save_draft/") + s1,
        QStringLiteral("template_submit/") + s1,      QStringLiteral("template_reject/") + s2,
        QStringLiteral("template_save_draft/") + s1,  QStringLiteral("template_submit/") + s1,
        QStringLiteral("template_approve/") + s2,     QStringLiteral("template_retire_version/") + s2};
    QCOMPARE(entries, expected);
    // The row triggers keep the wording before and after each change.
    auto rows = sql::scalar(sup2(),
                            QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE table_name = 'template_body' "
                                           "AND row_key = ? AND actor = ?"),
                            {QString::number(version), s1});
    QCOMPARE(rows->toInt(), 2); // inserted, then changed
}

void TestTemplates::exportImportRoundTrip()
{
    qint64 templateId = 0;
    const qint64 version = submitted(QStringLiteral("Exported"), QStringLiteral("Hi {{given_name}}, code {{code}}"),
                                     &templateId);
    QVERIFY(version == 0); // {{code}} is not declared: refused
    auto id = sql::scalar(owner(), QStringLiteral("SELECT id FROM mhero.template WHERE name = 'Exported'"));
    MHERO_VERIFY_OK(id);
    Draft draft;
    draft.bodies = {{QStringLiteral("en"), QStringLiteral("Hi {{given_name}}, code {{code}}")},
                    {QStringLiteral("fr"), QStringLiteral("Bonjour {{given_name}}, code {{code}}")}};
    draft.freePlaceholders = {QStringLiteral("code")};
    draft.exampleQuestions = {QStringLiteral("what is my code")};
    draft.whatsappName = QStringLiteral("code_notice");
    draft.whatsappLanguage = QStringLiteral("en");
    auto v = saveDraft(sup1(), id->toLongLong(), draft);
    MHERO_VERIFY_OK(v);
    MHERO_VERIFY_OK(submitVersion(sup1(), *v));
    MHERO_VERIFY_OK(approveVersion(sup2(), *v));

    auto json = exportJson(agent());
    MHERO_VERIFY_OK(json);
    const QJsonArray list = QJsonDocument::fromJson(*json).object().value(QStringLiteral("templates")).toArray();
    QJsonObject exported;
    for (const QJsonValue& item : list)
        if (item[QStringLiteral("name")].toString() == QLatin1String("Exported"))
            exported = item.toObject();
    QCOMPARE(exported[QStringLiteral("bodies")][QStringLiteral("fr")].toString(),
             QStringLiteral("Bonjour {{given_name}}, code {{code}}"));
    QCOMPARE(exported[QStringLiteral("whatsapp")][QStringLiteral("name")].toString(), QStringLiteral("code_notice"));

    // Into a fresh database, as an administrator: drafts authored by them.
    auto& cluster = TestCluster::instance();
    const QString other = cluster.createDatabase();
    auto importer = cluster.createUser(other, UserKind::Admin, QStringLiteral("importer"));
    MHERO_VERIFY_OK(importer);
    auto conn = TestCluster::connectAs(*importer);
    MHERO_VERIFY_OK(conn);
    auto report = importJson(conn->db(), *json);
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->created, int(list.size()));
    auto rows = sql::exec(conn->db(), QStringLiteral("SELECT DISTINCT v.status, v.author FROM mhero.template_version v"));
    MHERO_VERIFY_OK(rows);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toString(), QStringLiteral("draft"));
    QCOMPARE(rows->value(1).toString(), importer->name);
    QVERIFY(!rows->next());
    auto imported = sql::scalar(conn->db(),
                                QStringLiteral("SELECT array_to_json(v.free_placeholders)::text || v.whatsapp_template_name "
                                               "|| (SELECT body FROM mhero.template_body WHERE template_version_id = v.id "
                                               "AND language = 'fr') FROM mhero.template_version v JOIN mhero.template t "
                                               "ON t.id = v.template_id WHERE t.name = 'Exported'"));
    MHERO_VERIFY_OK(imported);
    QCOMPARE(imported->toString(), QStringLiteral("[\"code\"]code_noticeBonjour {{given_name}}, code {{code}}"));
    // Importing again saves over each (still draft) version, and a broken file changes nothing.
    report = importJson(conn->db(), *json);
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->updated, int(list.size()));
    QByteArray broken = *json;
    broken.replace("Bonjour {{given_name}}", "Bonjour {{prenom}}");
    auto refused = importJson(conn->db(), broken);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("prenom")), qPrintable(refused.error().message));
    auto count = sql::scalar(conn->db(), QStringLiteral("SELECT count(*) FROM mhero.template_version"));
    QCOMPARE(count->toInt(), int(list.size()));
    auto fr = sql::scalar(conn->db(), QStringLiteral("SELECT count(*) FROM mhero.template_body WHERE body LIKE '%prenom%'"));
    QCOMPARE(fr->toInt(), 0);
    conn->close();
    cluster.dropDatabase(other);
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
