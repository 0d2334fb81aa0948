// Opting out by replying STOP (or by the platform's own opt-out) stops the person on every channel,
// is shown in the directory, and only an agent may lift it — once the person has written again.
// Against a real PostgreSQL, as the engine, an agent and an administrator would.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/ChannelStore.h"
#include "channels/OutboxStore.h"
#include "db/Sql.h"
#include "directory/DirectorySearch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

class TestOptOut final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void stopReplyStopsThePersonEverywhere();
    void stopInsideASentenceIsNotAnOptOut();
    void onlyAnAgentLiftsItAndOnlyAfterThePersonWroteAgain();
    void platformOptOutIsPersonWideAndDoesNotLiftAStopReply();
    void nobodyElseTouchesTheMachinery();

private:
    int inbound(const QString& urn, const QString& text, const QDateTime& at = QDateTime::currentDateTimeUtc());
    QString statuses()
    {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT string_agg(urn || '=' || status, ' ' ORDER BY urn) "
                                                         "FROM mhero.contact_urn"))
            .valueOr(QVariant())
            .toString();
    }
    int count(const QString& statement)
    {
        return sql::scalar(m_owner->db(), statement).valueOr(QVariant(-1)).toInt();
    }

    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    std::optional<ScopedConnection> m_agent;
    std::optional<ScopedConnection> m_admin;
    int m_source = 0;
    int m_serial = 0;
};

void TestOptOut::init()
{
    TestCluster& cluster = TestCluster::instance();
    m_database = cluster.createDatabase();
    auto owner = cluster.connectSuperuser(m_database);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    // One health worker with a phone and a WhatsApp number, and someone else.
    MHERO_VERIFY_OK(sql::execScript(m_owner->db(), R"sql(
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('ihris', 'fhir', 'http://ihris.invalid/fhir');
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('rapidpro', 'rapidpro', 'http://rapidpro.invalid/');
        INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, given_name, family_name, display_name)
        SELECT id, 'Practitioner', 'p' || n, 'Given' || n, 'Family' || n, 'Person ' || n
          FROM mhero.source, generate_series(1, 2) n WHERE name = 'ihris';
        INSERT INTO mhero.contact_urn (urn, health_worker_id, display)
        SELECT u, h.id, h.display_name FROM mhero.health_worker h,
               unnest(ARRAY['tel:+231770100001', 'whatsapp:231770100001']) u WHERE h.resource_id = 'p1';
        INSERT INTO mhero.contact_urn (urn, health_worker_id, display)
        SELECT 'tel:+231770100002', id, display_name FROM mhero.health_worker WHERE resource_id = 'p2';
        UPDATE mhero.setting SET value = '"free_text"' WHERE key = 'messaging.free_text_policy';
    )sql"));
    m_source = count(QStringLiteral("SELECT id FROM mhero.source WHERE name = 'rapidpro'"));
    auto service = cluster.createUser(m_database, UserKind::Service, QStringLiteral("engine"));
    auto agent = cluster.createUser(m_database, UserKind::Agent, QStringLiteral("agent"));
    auto admin = cluster.createUser(m_database, UserKind::Admin, QStringLiteral("it"));
    MHERO_VERIFY_OK(service);
    MHERO_VERIFY_OK(agent);
    MHERO_VERIFY_OK(admin);
    auto s = TestCluster::connectAs(*service);
    auto a = TestCluster::connectAs(*agent);
    auto i = TestCluster::connectAs(*admin);
    MHERO_VERIFY_OK(s);
    MHERO_VERIFY_OK(a);
    MHERO_VERIFY_OK(i);
    m_service.emplace(std::move(*s));
    m_agent.emplace(std::move(*a));
    m_admin.emplace(std::move(*i));
}

void TestOptOut::cleanup()
{
    m_admin.reset();
    m_agent.reset();
    m_service.reset();
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_database);
}

int TestOptOut::inbound(const QString& urn, const QString& text, const QDateTime& at)
{
    channels::InboundMessage m;
    m.externalId = QStringLiteral("in-%1").arg(++m_serial);
    m.urn = urn;
    m.addressAsGiven = urn;
    m.text = text;
    m.createdOn = at;
    channels::ChannelStore store(m_service->db());
    return store.ingestInbound(m_source, {m}).valueOr(-1);
}

void TestOptOut::stopReplyStopsThePersonEverywhere()
{
    // A reply queued before the STOP…
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("hello")), 1);
    auto queued = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply((SELECT id FROM mhero.conversation), "
                                                            "'Here is the schedule')"));
    MHERO_VERIFY_OK(queued);
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("  Arrêt ! ")), 1);
    // Both of the person's addresses, not the other person's.
    QCOMPARE(statuses(), QStringLiteral("tel:+231770100001=stopped tel:+231770100002=active "
                                        "whatsapp:231770100001=stopped"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'opt_out' "
                                  "AND after->>'reason' = 'stop_word'")),
             1);
    // Nothing can be sent to them, by any channel.
    const QString reply = QStringLiteral("SELECT mhero.reply((SELECT id FROM mhero.conversation), 'Noted')");
    QCOMPARE(sqlState(m_agent->db(), reply), QStringLiteral("55000"));
    // …is not sent either: the sender sees the person's opt-out, whatever the platform's contact says.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("INSERT INTO mhero.channel_contact (source_id, urn_id, "
                                                            "contact_uuid, status) SELECT ?, id, 'c1', 'active' FROM "
                                                            "mhero.contact_urn WHERE urn = 'tel:+231770100001'"),
                              {m_source}));
    channels::OutboxStore outbox(m_service->db());
    auto claimed = outbox.claim(m_source, QStringLiteral("test"), 10, 300);
    MHERO_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().contactStatus, QStringLiteral("stopped"));
    // The directory says so.
    const qint64 person = count(QStringLiteral("SELECT id FROM mhero.health_worker WHERE resource_id = 'p1'"));
    auto details = directory::loadDetails(m_agent->db(), person);
    MHERO_VERIFY_OK(details);
    QVERIFY(details->optedOut);
    QCOMPARE(details->optOutReason, QStringLiteral("stop_word"));
    QVERIFY(details->optedOutAt.isValid());
    auto other = directory::loadDetails(m_agent->db(), count(QStringLiteral("SELECT id FROM mhero.health_worker "
                                                                            "WHERE resource_id = 'p2'")));
    MHERO_VERIFY_OK(other);
    QVERIFY(!other->optedOut);
    // Words in every language shipped, and what is around them.
    for (const char* word : {"STOP", "stop.", "Désabonner", "PARAR", "unsubscribe!!", "Stop   all"}) {
        MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.contact_urn SET status = 'active'")));
        QCOMPARE(inbound(QStringLiteral("tel:+231770100002"), QString::fromUtf8(word)), 1);
        QVERIFY2(statuses().contains(QStringLiteral("tel:+231770100002=stopped")), word);
    }
}

void TestOptOut::stopInsideASentenceIsNotAnOptOut()
{
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("please don't stop the training")), 1);
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("stop by the clinic tomorrow?")), 1);
    QVERIFY(!statuses().contains(QStringLiteral("stopped")));
}

void TestOptOut::onlyAnAgentLiftsItAndOnlyAfterThePersonWroteAgain()
{
    const QDateTime stopAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    QCOMPARE(inbound(QStringLiteral("whatsapp:231770100001"), QStringLiteral("STOP"), stopAt), 1);
    const QString lift = QStringLiteral("SELECT mhero.lift_opt_out((SELECT id FROM mhero.contact_urn "
                                        "WHERE urn = 'tel:+231770100001'))");
    // Not before they write again; a second STOP is not "writing again".
    QCOMPARE(sqlState(m_agent->db(), lift), QStringLiteral("55000"));
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("stop"), stopAt.addSecs(60)), 1);
    QCOMPARE(sqlState(m_agent->db(), lift), QStringLiteral("55000"));
    // They write again (on another channel of theirs): an agent may lift it, for every address.
    QCOMPARE(inbound(QStringLiteral("tel:+231770100001"), QStringLiteral("I want the alerts again please")), 1);
    QCOMPARE(sqlState(m_service->db(), lift), QStringLiteral("42501")); // not the engine
    QCOMPARE(sqlState(m_agent->db(), lift), QStringLiteral("ok"));
    QVERIFY(!statuses().contains(QStringLiteral("stopped")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'lift_opt_out'")), 1);
}

void TestOptOut::platformOptOutIsPersonWideAndDoesNotLiftAStopReply()
{
    channels::ChannelStore store(m_service->db());
    channels::ContactUpdate stopped;
    stopped.channelContactId = QStringLiteral("c1");
    stopped.status = QStringLiteral("stopped");
    stopped.urns = {QStringLiteral("tel:+231770100001")};
    stopped.modifiedOn = QDateTime::currentDateTimeUtc().addSecs(-60);
    MHERO_VERIFY_OK(store.ingestContacts(m_source, {stopped}));
    QCOMPARE(statuses(), QStringLiteral("tel:+231770100001=stopped tel:+231770100002=active "
                                        "whatsapp:231770100001=stopped"));
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT opt_out_reason) FROM mhero.contact_urn "
                                  "WHERE opt_out_reason = 'platform'")),
             1);
    // RapidPro reactivates the contact (the person wrote to it again): its own stop is lifted.
    channels::ContactUpdate active = stopped;
    active.status = QStringLiteral("active");
    active.modifiedOn = QDateTime::currentDateTimeUtc();
    MHERO_VERIFY_OK(store.ingestContacts(m_source, {active}));
    QVERIFY(statuses().startsWith(QStringLiteral("tel:+231770100001=active")));
    // But a STOP sent to mHero is not RapidPro's to lift.
    QCOMPARE(inbound(QStringLiteral("tel:+231770100002"), QStringLiteral("stop")), 1);
    channels::ContactUpdate second;
    second.channelContactId = QStringLiteral("c2");
    second.status = QStringLiteral("active");
    second.urns = {QStringLiteral("tel:+231770100002")};
    second.modifiedOn = QDateTime::currentDateTimeUtc();
    MHERO_VERIFY_OK(store.ingestContacts(m_source, {second}));
    QVERIFY(statuses().contains(QStringLiteral("tel:+231770100002=stopped")));
}

void TestOptOut::nobodyElseTouchesTheMachinery()
{
    const QString mark = QStringLiteral("SELECT mhero.mark_opted_out(ARRAY[1]::bigint[], 'stop_word', now())");
    QCOMPARE(sqlState(m_agent->db(), mark), QStringLiteral("42501"));
    QCOMPARE(sqlState(m_service->db(), mark), QStringLiteral("42501"));
    QCOMPARE(sqlState(m_admin->db(), mark), QStringLiteral("42501"));
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("UPDATE mhero.contact_urn SET status = 'active'")),
             QStringLiteral("42501"));
    // The words are the administrators' to keep.
    const QString add = QStringLiteral("INSERT INTO mhero.opt_out_word (word, language) VALUES ('halt', 'en')");
    QCOMPARE(sqlState(m_agent->db(), add), QStringLiteral("42501"));
    QCOMPARE(sqlState(m_admin->db(), add), QStringLiteral("ok"));
    QCOMPARE(inbound(QStringLiteral("tel:+231770100002"), QStringLiteral("Halt")), 1);
    QVERIFY(statuses().contains(QStringLiteral("tel:+231770100002=stopped")));
}

QTEST_GUILESS_MAIN(TestOptOut)
#include "tst_optout.moc"
