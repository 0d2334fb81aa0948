// Automatic replies, the database side (issue 16, item 3; migration 23): a supervisor — nobody
// else — opts a template in and sets the confidence it needs (audited); the engine — nobody else —
// queues an automatic reply with mhero.auto_reply(), which is refused, with nothing written, when
// the template is not opted in, the confidence is below its threshold, the text leaves the
// approved wording, the version is not the approved one or the person has opted out. An accepted
// one is queued like an agent's reply (message and outbox), marked automatic, and audited.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/ChannelStore.h"
#include "db/Sql.h"
#include "templates/TemplateStore.h"

#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

class TestAutoReply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void offByDefaultAndOnlySupervisorsTurnItOn();
    void refusalsWriteNothing();
    void onlyTheEngineRepliesAutomatically();
    void acceptedReplyIsQueuedMarkedAndAudited();

private:
    qint64 approvedVersion(const QString& name, const QString& body)
    {
        auto id = templates::createTemplate(m_writer->db(), name, QStringLiteral("hr_payroll"), {});
        if (!id) {
            qWarning() << id.error().toString();
            return 0;
        }
        templates::Draft draft;
        draft.bodies.insert(QStringLiteral("en"), body);
        if (body.contains(QLatin1String("{{month}}")))
            draft.freePlaceholders = {QStringLiteral("month")};
        auto version = templates::saveDraft(m_writer->db(), *id, draft);
        if (!version) {
            qWarning() << version.error().toString();
            return 0;
        }
        for (const Status& step : {templates::submitVersion(m_writer->db(), *version),
                                   templates::approveVersion(m_supervisor->db(), *version)})
            if (!step) {
                qWarning() << step.error().toString();
                return 0;
            }
        return *version;
    }
    qint64 templateOf(qint64 version)
    {
        return count(QStringLiteral("SELECT template_id FROM mhero.template_version WHERE id = %1").arg(version));
    }
    int count(const QString& statement) { return sql::scalar(m_owner->db(), statement).valueOr(QVariant(-1)).toInt(); }
    Result<QVariant> autoReply(QSqlDatabase& db, qint64 version, const QString& text, double confidence)
    {
        return sql::scalar(db, QStringLiteral("SELECT mhero.auto_reply(?, ?, ?, ?::real)"),
                           {m_conversation, version, text, confidence});
    }
    Result<QVariant> setAutoReply(QSqlDatabase& db, qint64 templateId, bool on, double threshold)
    {
        return sql::scalar(db, QStringLiteral("SELECT mhero.set_template_auto_reply(?, ?, ?::real)"),
                           {templateId, on, threshold});
    }
    int outbound()
    {
        return count(QStringLiteral("SELECT (SELECT count(*) FROM mhero.message WHERE direction = 'out') "
                                    "     + (SELECT count(*) FROM mhero.outbox)"));
    }

    QString m_database;
    std::optional<ScopedConnection> m_owner, m_service, m_agent, m_writer, m_supervisor;
    QString m_serviceName, m_supervisorName;
    qint64 m_conversation = 0;
    qint64 m_salary = 0; ///< approved version of "Salary payment delay"
    qint64 m_retired = 0; ///< approved version of a template that stays off
    const QString m_text = QStringLiteral("Salaries for March are paid within 10 days.");
};

void TestAutoReply::initTestCase()
{
    TestCluster& cluster = TestCluster::instance();
    m_database = cluster.createDatabase();
    auto owner = cluster.connectSuperuser(m_database);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    MHERO_VERIFY_OK(sql::execScript(m_owner->db(), R"sql(
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('ihris', 'fhir', 'http://ihris.invalid/fhir');
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('rapidpro', 'rapidpro', 'http://rapidpro.invalid/');
        INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, given_name, family_name, display_name)
        SELECT id, 'Practitioner', 'p1', 'Given', 'Family', 'Person 1' FROM mhero.source WHERE name = 'ihris';
        INSERT INTO mhero.contact_urn (urn, health_worker_id, display)
        SELECT 'tel:+231770100001', id, display_name FROM mhero.health_worker;
    )sql"));
    auto service = cluster.createUser(m_database, UserKind::Service, QStringLiteral("engine"));
    auto agent = cluster.createUser(m_database, UserKind::Agent, QStringLiteral("agent"));
    auto writer = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("writer"));
    auto supervisor = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("boss"));
    for (auto* user : {&service, &agent, &writer, &supervisor})
        MHERO_VERIFY_OK(*user);
    m_serviceName = service->name;
    m_supervisorName = supervisor->name;
    for (auto [slot, user] : {std::pair{&m_service, &*service}, std::pair{&m_agent, &*agent},
                              std::pair{&m_writer, &*writer}, std::pair{&m_supervisor, &*supervisor}}) {
        auto connection = TestCluster::connectAs(*user);
        MHERO_VERIFY_OK(connection);
        slot->emplace(std::move(*connection));
    }

    // The person asks; the engine stores the question (and opens the conversation).
    channels::InboundMessage m;
    m.externalId = QStringLiteral("in-1");
    m.urn = QStringLiteral("tel:+231770100001");
    m.addressAsGiven = m.urn;
    m.text = QStringLiteral("my pay never come o");
    m.createdOn = QDateTime::currentDateTimeUtc();
    channels::ChannelStore store(m_service->db());
    QCOMPARE(store.ingestInbound(count(QStringLiteral("SELECT id FROM mhero.source WHERE name = 'rapidpro'")), {m})
                 .valueOr(-1),
             1);
    m_conversation = count(QStringLiteral("SELECT id FROM mhero.conversation"));
    QVERIFY(m_conversation > 0);

    m_salary = approvedVersion(QStringLiteral("Salary payment delay"),
                               QStringLiteral("Salaries for {{month}} are paid within 10 days."));
    m_retired = approvedVersion(QStringLiteral("Bank details"), QStringLiteral("Send your new bank details to HR."));
    QVERIFY(m_salary > 0 && m_retired > 0);
}

void TestAutoReply::cleanupTestCase()
{
    for (auto* connection : {&m_supervisor, &m_writer, &m_agent, &m_service, &m_owner})
        connection->reset();
    TestCluster::instance().dropDatabase(m_database);
}

void TestAutoReply::offByDefaultAndOnlySupervisorsTurnItOn()
{
    const qint64 salary = templateOf(m_salary);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.template WHERE auto_reply")), 0);

    // Agents, administrators' engine and direct writes are refused.
    auto agent = setAutoReply(m_agent->db(), salary, true, 0.9);
    QVERIFY(!agent);
    QCOMPARE(agent.error().code, QStringLiteral("42501"));
    QVERIFY(!setAutoReply(m_service->db(), salary, true, 0.9));
    QVERIFY(!sql::exec(m_supervisor->db(), QStringLiteral("UPDATE mhero.template SET auto_reply = true")));
    // A threshold outside 0.5–1 is refused; an unknown template too.
    auto low = setAutoReply(m_supervisor->db(), salary, true, 0.2);
    QVERIFY(!low);
    QCOMPARE(low.error().code, QStringLiteral("22023"));
    QVERIFY(!setAutoReply(m_supervisor->db(), 999999, true, 0.9));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.template WHERE auto_reply")), 0);

    MHERO_VERIFY_OK(setAutoReply(m_supervisor->db(), salary, true, 0.9));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.template WHERE auto_reply "
                                  "AND abs(auto_reply_threshold - 0.9) < 0.0001 AND id = %1")
                       .arg(salary)),
             1);
    // Audited: who, and the values before and after.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE table_name = 'template' "
                                  "AND action = 'update' AND row_key = '%1' AND actor = '%2' "
                                  "AND before->>'auto_reply' = 'false' AND after->>'auto_reply' = 'true'")
                       .arg(salary)
                       .arg(m_supervisorName)),
             1);
}

void TestAutoReply::refusalsWriteNothing()
{
    const int before = outbound();
    const int audited = count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'auto_reply'"));
    struct Case
    {
        const char* what;
        qint64 version;
        QString text;
        double confidence;
        QString code;
        QString says;
    };
    const QList<Case> cases{
        {"template not opted in", m_retired, QStringLiteral("Send your new bank details to HR."), 0.99,
         QStringLiteral("42501"), QStringLiteral("does not reply automatically")},
        {"below the threshold", m_salary, m_text, 0.89, QStringLiteral("42501"), QStringLiteral("below")},
        {"not the approved wording", m_salary, QStringLiteral("Salaries for March are paid whenever we like."), 0.99,
         QStringLiteral("42501"), QStringLiteral("approved wording")},
        {"an unknown version", 999999, m_text, 0.99, QStringLiteral("42501"), QStringLiteral("not approved")},
        {"no confidence", m_salary, m_text, 1.5, QStringLiteral("22023"), QStringLiteral("between 0 and 1")},
        {"empty text", m_salary, QStringLiteral("  "), 0.99, QStringLiteral("22023"), QStringLiteral("characters")},
    };
    for (const Case& c : cases) {
        auto refused = autoReply(m_service->db(), c.version, c.text, c.confidence);
        QVERIFY2(!refused, c.what);
        QVERIFY2(refused.error().code == c.code,
                 qPrintable(QLatin1String(c.what) + QLatin1String(": ") + refused.error().toString()));
        QVERIFY2(refused.error().message.contains(c.says), qPrintable(refused.error().message));
    }

    // The person opted out: refused, whatever the confidence.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.contact_urn SET status = 'stopped'")));
    auto stopped = autoReply(m_service->db(), m_salary, m_text, 1.0);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.contact_urn SET status = 'active'")));
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, QStringLiteral("55000"));
    QVERIFY(stopped.error().message.contains(QLatin1String("opted out")));

    // A retired template can no longer be turned on.
    const qint64 bank = templateOf(m_retired);
    MHERO_VERIFY_OK(sql::exec(m_supervisor->db(), QStringLiteral("SELECT mhero.retire_template(?)"), {bank}));
    auto retired = setAutoReply(m_supervisor->db(), bank, true, 0.9);
    QVERIFY(!retired);
    QCOMPARE(retired.error().code, QStringLiteral("55000"));

    QCOMPARE(outbound(), before);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'auto_reply'")), audited);
}

void TestAutoReply::onlyTheEngineRepliesAutomatically()
{
    const int before = outbound();
    for (auto* connection : {&m_agent, &m_supervisor}) {
        auto refused = autoReply((*connection)->db(), m_salary, m_text, 1.0);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("42501"));
    }
    // Nor does anyone mark their own message automatic.
    QVERIFY(!sql::exec(m_agent->db(), QStringLiteral("UPDATE mhero.message SET automatic = true")));
    QCOMPARE(outbound(), before);
}

void TestAutoReply::acceptedReplyIsQueuedMarkedAndAudited()
{
    const int before = outbound();
    auto queued = autoReply(m_service->db(), m_salary, m_text, 0.9);
    MHERO_VERIFY_OK(queued);
    const qint64 id = queued->toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(outbound(), before + 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.message m JOIN mhero.outbox o ON o.message_id = m.id "
                                  "WHERE m.id = %1 AND m.automatic AND m.direction = 'out' AND m.status = 'queued' "
                                  "AND m.conversation_id = %2 AND m.template_version_id = %3 AND m.author = '%4' "
                                  "AND m.text = 'Salaries for March are paid within 10 days.'")
                       .arg(id)
                       .arg(m_conversation)
                       .arg(m_salary)
                       .arg(m_serviceName)),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'auto_reply' "
                                  "AND table_name = 'message' AND row_key = '%1' AND actor = '%2' "
                                  "AND (after->>'template_version_id')::bigint = %3 "
                                  "AND abs((after->>'confidence')::real - 0.9) < 0.0001")
                       .arg(id)
                       .arg(m_serviceName)
                       .arg(m_salary)),
             1);
    // An agent's reply is not marked automatic; an inbound message cannot be.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE automatic")), 1);
    QVERIFY(
        !sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.message SET automatic = true WHERE direction = 'in'")));
}

QTEST_MAIN(TestAutoReply)
#include "tst_autoreply.moc"
