// WhatsApp's templates as mHero maps them (whatsapp_template_problem(): every reason it gives,
// and queue_reply() refusing what it refuses outside the 24-hour window), the platform's error
// code of a failed message (migration 18) as the engine stores it, what the composer reads of a
// conversation's window, and "Write by SMS" for a number that is not on WhatsApp — on real
// PostgreSQL, as the roles that do each thing.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/ChannelStore.h"
#include "messaging/ConversationQueries.h"
#include "templates/TemplateStore.h"

#include <QTest>

using namespace mhero;
using namespace mhero::test;

class TestWhatsAppTemplates final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void problems_data();
    void problems();
    void onlyTheNumbersOwnTemplatesCount();
    void pickerOffersOnlyUsableTemplates();
    void queueReplyOutsideTheWindow();
    void failureCodesAreStoredAndRead();
    void replyWindowAsTheComposerReadsIt();
    void writeBySms();

private:
    /// An approved version (written by m_writer, approved by m_approver) with @p bodies (JSON
    /// object language → body), mapped to WhatsApp's @p name / @p language (empty: not mapped).
    qint64 approvedVersion(const QString& bodies, const QString& name, const QString& language = QStringLiteral("en"));
    void setWhatsAppTemplate(int source, const QString& name, const QString& status, const QString& components,
                             const QString& language = QStringLiteral("en"));
    QString problem(qint64 version, int source);
    /// A WhatsApp conversation with a health worker whose last message was @p hoursAgo ago.
    qint64 whatsAppConversation(const QString& digits, int hoursAgo, bool known = true);

    QString m_db;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_writer;
    std::optional<ScopedConnection> m_approver;
    std::optional<ScopedConnection> m_agent;
    std::optional<ScopedConnection> m_engine;
    int m_whatsapp = 0;
    int m_otherNumber = 0;
    qint64 m_worker = 0;
    int m_templates = 0;
};

void TestWhatsAppTemplates::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    auto owner = cluster.connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    const auto login = [&](UserKind kind, const QString& prefix, std::optional<ScopedConnection>& into) {
        auto user = cluster.createUser(m_db, kind, prefix);
        MHERO_VERIFY_OK(user);
        auto connection = TestCluster::connectAs(*user);
        MHERO_VERIFY_OK(connection);
        into.emplace(std::move(*connection));
    };
    login(UserKind::Supervisor, QStringLiteral("writer"), m_writer);
    login(UserKind::Supervisor, QStringLiteral("approver"), m_approver);
    login(UserKind::Agent, QStringLiteral("agent"), m_agent);
    login(UserKind::Service, QStringLiteral("engine"), m_engine);
    QSqlDatabase& db = m_owner->db();
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("UPDATE mhero.setting SET value = '\"free_text\"' "
                                             "WHERE key = 'messaging.free_text_policy'")));
    auto whatsapp
        = sql::scalar(db,
                      QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) VALUES "
                                     "('wa', 'whatsapp', 'https://graph.test.invalid/v21.0/', "
                                     "'{\"phone_number_id\": \"1065\", \"waba_id\": \"1022\"}') RETURNING id"));
    MHERO_VERIFY_OK(whatsapp);
    m_whatsapp = whatsapp->toInt();
    auto other = sql::scalar(db,
                             QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, config) VALUES "
                                            "('wa2', 'whatsapp', 'https://graph.test.invalid/v21.0/', "
                                            "'{\"phone_number_id\": \"1066\", \"waba_id\": \"1023\"}') RETURNING id"));
    MHERO_VERIFY_OK(other);
    m_otherNumber = other->toInt();
    auto worker = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, "
                                             "display_name, given_name, facility) VALUES (?, 'Practitioner', 'mk', "
                                             "'Mariama Konneh', 'Mariama', 'Phebe Hospital') RETURNING id"),
                              {m_whatsapp});
    MHERO_VERIFY_OK(worker);
    m_worker = worker->toLongLong();
}

void TestWhatsAppTemplates::cleanupTestCase()
{
    m_writer.reset();
    m_approver.reset();
    m_agent.reset();
    m_engine.reset();
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

qint64 TestWhatsAppTemplates::approvedVersion(const QString& bodies, const QString& name, const QString& language)
{
    auto created = sql::scalar(m_writer->db(), QStringLiteral("SELECT mhero.create_template(?, 'general', '{}')"),
                               {QStringLiteral("template %1").arg(++m_templates)});
    if (!created) {
        qWarning() << created.error().toString();
        return 0;
    }
    auto version = sql::scalar(m_writer->db(), QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, '{}', ?, ?, '{}')"),
                               {created->toLongLong(), bodies,
                                name.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(name),
                                name.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(language)});
    if (!version) {
        qWarning() << version.error().toString();
        return 0;
    }
    if (sqlState(m_writer->db(), QStringLiteral("SELECT mhero.submit_version(?)"), {*version}) != QLatin1String("ok")
        || sqlState(m_approver->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {*version})
            != QLatin1String("ok"))
        return 0;
    return version->toLongLong();
}

void TestWhatsAppTemplates::setWhatsAppTemplate(int source, const QString& name, const QString& status,
                                                const QString& components, const QString& language)
{
    // As the engine writes it from Meta's template list and status webhooks.
    MHERO_VERIFY_OK(sql::exec(m_engine->db(),
                              QStringLiteral("INSERT INTO mhero.whatsapp_template (source_id, name, language, status, "
                                             "components) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (source_id, name, "
                                             "language) DO UPDATE SET status = EXCLUDED.status, "
                                             "components = EXCLUDED.components"),
                              {source, name, language, status, components}));
}

QString TestWhatsAppTemplates::problem(qint64 version, int source)
{
    // Asked as an agent (the composer's picker does): no privilege beyond reading is needed.
    auto value
        = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.whatsapp_template_problem(?, ?)"), {version, source});
    if (!value)
        return QStringLiteral("error: ") + value.error().toString();
    return value->isNull() ? QStringLiteral("NULL") : value->toString();
}

void TestWhatsAppTemplates::problems_data()
{
    QTest::addColumn<QString>("bodies");
    QTest::addColumn<QString>("name"); // empty: not mapped
    QTest::addColumn<QString>("status"); // empty: WhatsApp has no such template
    QTest::addColumn<QString>("components");
    QTest::addColumn<QString>("expected");

    const QString body2 = QStringLiteral(R"({"en": "Dear {{given_name}}, salaries for {{facility}} were paid."})");
    const QString wa2 = QStringLiteral(R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}])");
    QTest::newRow("usable") << body2 << "pay_a"
                            << "APPROVED" << wa2 << "NULL";
    QTest::newRow("not mapped") << body2 << ""
                                << "" << wa2 << "not linked to a WhatsApp template";
    QTest::newRow("unknown to WhatsApp") << body2 << "pay_b"
                                         << "" << wa2 << "WhatsApp has no template pay_b in language en";
    for (const char* status : {"PAUSED", "DISABLED", "REJECTED", "PENDING"})
        QTest::newRow(status) << body2 << QStringLiteral("pay_%1").arg(QString::fromLatin1(status).toLower())
                              << QString::fromLatin1(status) << wa2
                              << QStringLiteral("not approved by WhatsApp (%1)").arg(QString::fromLatin1(status));
    QTest::newRow("more parameters than placeholders")
        << body2 << "pay_c"
        << "APPROVED"
        << R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid on {{3}}."}])"
        << "WhatsApp's template takes 3 parameters, ours has 2 placeholders";
    QTest::newRow("fewer parameters than placeholders")
        << body2 << "pay_d"
        << "APPROVED"
        << R"([{"type": "BODY", "text": "Dear colleague, salaries were paid."}])"
        << "WhatsApp's template takes 0 parameters, ours has 2 placeholders";
    // WhatsApp's {{1}} used twice is one parameter; our repeated placeholder is one too.
    QTest::newRow("repeats count once")
        << R"({"en": "{{given_name}}: salaries for {{facility}} were paid, {{given_name}}."})"
        << "pay_e"
        << "APPROVED"
        << R"([{"type": "BODY", "text": "{{1}}: salaries for {{2}} were paid, {{1}}."}])"
        << "NULL";
    QTest::newRow("header parameter")
        << body2 << "pay_f"
        << "APPROVED"
        << R"([{"type": "HEADER", "format": "TEXT", "text": "Pay for {{1}}"}, {"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}])"
        << "header or button parameters are not supported";
    QTest::newRow("picture header")
        << body2 << "pay_g"
        << "APPROVED"
        << R"([{"type": "HEADER", "format": "IMAGE"}, {"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}])"
        << "header or button parameters are not supported";
    QTest::newRow("URL button parameter")
        << body2 << "pay_h"
        << "APPROVED"
        << R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Payslip", "url": "https://moh.example.org/pay/{{1}}"}]}])"
        << "header or button parameters are not supported";
    QTest::newRow("fixed header and buttons are fine")
        << body2 << "pay_i"
        << "APPROVED"
        << R"([{"type": "HEADER", "format": "TEXT", "text": "Payroll"}, {"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}, {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Payroll", "url": "https://moh.example.org/pay"}, {"type": "QUICK_REPLY", "text": "Thanks"}]}])"
        << "NULL";
    QTest::newRow("named parameters")
        << body2 << "pay_j"
        << "APPROVED"
        << R"([{"type": "BODY", "text": "Dear {{first_name}}, salaries for {{place}} were paid."}])"
        << "WhatsApp's template has named parameters; only numbered ones ({{1}}, {{2}}, …) are supported";
    QTest::newRow("side by side") << R"({"en": "Dear {{given_name}}{{family_name}}, salaries were paid."})"
                                  << "pay_k"
                                  << "APPROVED"
                                  << R"([{"type": "BODY", "text": "Dear {{1}}{{2}}, salaries were paid."}])"
                                  << "two placeholders side by side cannot be told apart";
    QTest::newRow("languages disagree")
        << R"({"en": "Dear {{given_name}}, salaries for {{facility}} were paid.", "fr": "Cher {{given_name}}, les salaires ont été payés."})"
        << "pay_l"
        << "APPROVED" << wa2 << "our languages have different numbers of placeholders (en 2, fr 1)";
    QTest::newRow("languages agree")
        << R"({"en": "Dear {{given_name}}, salaries for {{facility}} were paid.", "fr": "Les salaires de {{facility}} sont payés, {{given_name}}."})"
        << "pay_m"
        << "APPROVED" << wa2 << "NULL";
}

void TestWhatsAppTemplates::problems()
{
    QFETCH(QString, bodies);
    QFETCH(QString, name);
    QFETCH(QString, status);
    QFETCH(QString, components);
    QFETCH(QString, expected);
    if (!status.isEmpty())
        setWhatsAppTemplate(m_whatsapp, name, status, components);
    const qint64 version = approvedVersion(bodies, name);
    QVERIFY(version > 0);
    QCOMPARE(problem(version, m_whatsapp), expected);
}

void TestWhatsAppTemplates::onlyTheNumbersOwnTemplatesCount()
{
    // Approved for one number (Business Account) says nothing about another; nor the language.
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("own_a"), QStringLiteral("APPROVED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Thank you {{1}}."}])"));
    const qint64 version
        = approvedVersion(QStringLiteral(R"({"en": "Thank you {{given_name}}."})"), QStringLiteral("own_a"));
    QVERIFY(version > 0);
    QCOMPARE(problem(version, m_whatsapp), QStringLiteral("NULL"));
    QCOMPARE(problem(version, m_otherNumber), QStringLiteral("WhatsApp has no template own_a in language en"));
    const qint64 french = approvedVersion(QStringLiteral(R"({"en": "Thank you {{given_name}}."})"),
                                          QStringLiteral("own_a"), QStringLiteral("fr"));
    QCOMPARE(problem(french, m_whatsapp), QStringLiteral("WhatsApp has no template own_a in language fr"));
    QCOMPARE(problem(999999, m_whatsapp), QStringLiteral("template version 999999 does not exist"));
}

void TestWhatsAppTemplates::pickerOffersOnlyUsableTemplates()
{
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("picker_ok"), QStringLiteral("APPROVED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Malaria stock for {{1}} arrives soon."}])"));
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("picker_paused"), QStringLiteral("PAUSED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Malaria stock for {{1}} is late."}])"));
    const qint64 ok = approvedVersion(QStringLiteral(R"({"en": "Malaria stock for {{facility}} arrives soon."})"),
                                      QStringLiteral("picker_ok"));
    const qint64 paused = approvedVersion(QStringLiteral(R"({"en": "Malaria stock for {{facility}} is late."})"),
                                          QStringLiteral("picker_paused"));
    const qint64 unmapped
        = approvedVersion(QStringLiteral(R"({"en": "Malaria stock for {{facility}} is counted."})"), QString());
    QVERIFY(ok > 0 && paused > 0 && unmapped > 0);
    const auto ids = [&](int source) {
        QList<qint64> found;
        auto list = templates::approvedTemplates(m_agent->db(), QStringLiteral("malaria stock"), 50, source);
        if (!list)
            qWarning() << list.error().toString();
        for (const auto& t : list.valueOr(QList<templates::ApprovedTemplate>{}))
            found << t.versionId;
        std::sort(found.begin(), found.end());
        return found;
    };
    QCOMPARE(ids(0), (QList<qint64>{ok, paused, unmapped})); // inside the window: every approved one
    QCOMPARE(ids(m_whatsapp), QList<qint64>{ok}); // outside: what WhatsApp will take
    QCOMPARE(ids(m_otherNumber), QList<qint64>{});
}

qint64 TestWhatsAppTemplates::whatsAppConversation(const QString& digits, int hoursAgo, bool known)
{
    QSqlDatabase& db = m_owner->db();
    const QString urn = QStringLiteral("whatsapp:") + digits;
    if (!sql::exec(db, QStringLiteral("INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES (?, ?)"),
                   {urn, known ? QVariant(m_worker) : QVariant(QMetaType::fromType<qint64>())}))
        return 0;
    auto id = sql::scalar(db,
                          QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id) "
                                         "SELECT id, ? FROM mhero.contact_urn WHERE urn = ? RETURNING id"),
                          {m_whatsapp, urn});
    if (!id)
        return 0;
    if (hoursAgo >= 0
        && !sql::exec(db,
                      QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                     "external_id, status, created_at) VALUES (?, 'in', 'hello', ?, "
                                     "gen_random_uuid()::text, 'received', now() - make_interval(hours => ?))"),
                      {id->toLongLong(), m_whatsapp, hoursAgo}))
        return 0;
    return id->toLongLong();
}

void TestWhatsAppTemplates::queueReplyOutsideTheWindow()
{
    const qint64 conversation = whatsAppConversation(QStringLiteral("231770000101"), 30);
    QVERIFY(conversation > 0);
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("reply_ok"), QStringLiteral("APPROVED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}])"));
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("reply_paused"), QStringLiteral("PAUSED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} are late."}])"));
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("reply_count"), QStringLiteral("APPROVED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Dear {{1}}, salaries were counted."}])"));
    const qint64 ok
        = approvedVersion(QStringLiteral(R"({"en": "Dear {{given_name}}, salaries for {{facility}} were paid."})"),
                          QStringLiteral("reply_ok"));
    const qint64 paused
        = approvedVersion(QStringLiteral(R"({"en": "Dear {{given_name}}, salaries for {{facility}} are late."})"),
                          QStringLiteral("reply_paused"));
    const qint64 wrongCount
        = approvedVersion(QStringLiteral(R"({"en": "Dear {{given_name}}, salaries for {{facility}} were counted."})"),
                          QStringLiteral("reply_count"));
    QVERIFY(ok > 0 && paused > 0 && wrongCount > 0);
    const QString reply = QStringLiteral("SELECT mhero.reply(?, ?, ?)");
    QSqlDatabase& agent = m_agent->db();
    const auto outbox = [this] {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT count(*) FROM mhero.outbox")).value().toInt();
    };
    const int before = outbox();

    // Free text, a paused template, a template whose parameters do not match: refused, nothing queued.
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT mhero.reply(?, 'Please call 4455.')"), {conversation}),
             QStringLiteral("55000"));
    QCOMPARE(sqlState(agent, reply,
                      {conversation, QStringLiteral("Dear Mariama, salaries for Phebe Hospital are late."), paused}),
             QStringLiteral("55000"));
    QCOMPARE(
        sqlState(agent, reply,
                 {conversation, QStringLiteral("Dear Mariama, salaries for Phebe Hospital were counted."), wrongCount}),
        QStringLiteral("55000"));
    // The refusal names the template's problem.
    auto refused = sql::exec(
        agent, reply, {conversation, QStringLiteral("Dear Mariama, salaries for Phebe Hospital are late."), paused});
    QVERIFY(!refused);
    QVERIFY2(refused.error().toString().contains(QLatin1String("not approved by WhatsApp (PAUSED)")),
             qPrintable(refused.error().toString()));
    QCOMPARE(outbox(), before);

    // The usable mapping goes.
    QCOMPARE(sqlState(agent, reply,
                      {conversation, QStringLiteral("Dear Mariama, salaries for Phebe Hospital were paid."), ok}),
             QStringLiteral("ok"));
    QCOMPARE(outbox(), before + 1);
    // Paused by Meta afterwards: refused from then on.
    setWhatsAppTemplate(m_whatsapp, QStringLiteral("reply_ok"), QStringLiteral("PAUSED"),
                        QStringLiteral(R"([{"type": "BODY", "text": "Dear {{1}}, salaries for {{2}} were paid."}])"));
    QCOMPARE(sqlState(agent, reply,
                      {conversation, QStringLiteral("Dear Mariama, salaries for Phebe Hospital were paid."), ok}),
             QStringLiteral("55000"));
    QCOMPARE(outbox(), before + 1);

    // Inside the window the WhatsApp mapping does not matter.
    const qint64 recent = whatsAppConversation(QStringLiteral("231770000102"), 2);
    QCOMPARE(
        sqlState(agent, reply, {recent, QStringLiteral("Dear Mariama, salaries for Phebe Hospital are late."), paused}),
        QStringLiteral("ok"));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT mhero.reply(?, 'Please call 4455.')"), {recent}),
             QStringLiteral("ok"));
}

void TestWhatsAppTemplates::failureCodesAreStoredAndRead()
{
    const qint64 conversation = whatsAppConversation(QStringLiteral("231770000103"), 1);
    QVERIFY(conversation > 0);
    auto sent = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'Are you still at Phebe?')"),
                            {conversation});
    MHERO_VERIFY_OK(sent);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.message SET external_id = 'wamid.f1', "
                                             "status = 'sent' WHERE id = ?"),
                              {*sent}));
    channels::ChannelStore store(m_engine->db());
    channels::StatusUpdate failed;
    failed.externalId = QStringLiteral("wamid.f1");
    failed.status = QStringLiteral("failed");
    failed.at = QDateTime::currentDateTimeUtc();
    failed.error = QStringLiteral("131026: Message undeliverable");
    failed.errorCode = 131026;
    auto moved = store.applyStatuses(m_whatsapp, {failed});
    MHERO_VERIFY_OK(moved);
    QCOMPARE(*moved, 1);
    const auto codeOf = [this](const QVariant& id) {
        return sql::scalar(m_owner->db(),
                           QStringLiteral("SELECT coalesce(error_code, 0) || ' ' || coalesce(error, '') "
                                          "FROM mhero.message WHERE id = ?"),
                           {id})
            .value()
            .toString();
    };
    QCOMPARE(codeOf(*sent), QStringLiteral("131026 131026: Message undeliverable"));
    // The agent reads it like the rest of the message.
    QCOMPARE(sql::scalar(m_agent->db(), QStringLiteral("SELECT error_code FROM mhero.message WHERE id = ?"), {*sent})
                 .value()
                 .toInt(),
             131026);
    // A status without a code keeps the code; a bad code in the JSON is left out, not the batch.
    auto again
        = sql::scalar(m_engine->db(),
                      QStringLiteral("SELECT mhero.apply_statuses(?, '[{\"external_id\": \"wamid.f1\", "
                                     "\"status\": \"failed\", \"channel_status\": \"x\", \"error_code\": \"13x\"}]')"),
                      {m_whatsapp});
    MHERO_VERIFY_OK(again);
    QCOMPARE(again->toInt(), 1);
    QCOMPARE(codeOf(*sent), QStringLiteral("131026 131026: Message undeliverable"));
    // Nobody but the engine records statuses.
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.apply_statuses(?, '[]')"), {m_whatsapp}),
             QStringLiteral("42501"));
}

void TestWhatsAppTemplates::replyWindowAsTheComposerReadsIt()
{
    const auto window = [this](qint64 conversation) {
        auto w = messaging::loadReplyWindow(m_agent->db(), conversation);
        if (!w)
            qWarning() << w.error().toString();
        return w.valueOr(messaging::ReplyWindow{});
    };
    // 20 hours after the person wrote: 4 hours left of 24.
    const qint64 open = whatsAppConversation(QStringLiteral("231770000104"), 20);
    messaging::ReplyWindow w = window(open);
    QCOMPARE(w.kind, QStringLiteral("whatsapp"));
    QCOMPARE(w.platform, QStringLiteral("WhatsApp"));
    QCOMPARE(w.sourceId, m_whatsapp);
    QVERIFY(w.hasWindow && w.platformTemplates && w.personWrote);
    QCOMPARE(w.freeWindowSeconds, 86400);
    QVERIFY2(qAbs(w.freeSecondsLeft - 4 * 3600) < 120, qPrintable(QString::number(w.freeSecondsLeft)));
    QVERIFY(!w.reengagementRefused && !w.notOnWhatsApp);

    // WhatsApp refused the newest reply with 131047: templates are offered until the person writes.
    auto sent = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'Hello again')"), {open});
    MHERO_VERIFY_OK(sent);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.message SET status = 'failed', error_code = 131047, "
                                             "error = '131047: Re-engagement message' WHERE id = ?"),
                              {*sent}));
    QVERIFY(window(open).reengagementRefused);
    QVERIFY(!window(open).notOnWhatsApp);
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(),
                  QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                 "external_id, status) VALUES (?, 'in', 'here I am', ?, 'wamid.in2', 'received')"),
                  {open, m_whatsapp}));
    QVERIFY(!window(open).reengagementRefused);

    // Never written: no window at all; an SMS conversation has none to count.
    const qint64 silent = whatsAppConversation(QStringLiteral("231770000105"), -1);
    w = window(silent);
    QVERIFY(w.hasWindow && !w.personWrote);
    auto sms = sql::scalar(m_owner->db(),
                           QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                          "('sms-for-window', 'rapidpro', 'https://rp.test.invalid') "
                                          "RETURNING id"));
    MHERO_VERIFY_OK(sms);
    auto smsConversation
        = sql::scalar(m_owner->db(),
                      QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id) "
                                     "SELECT urn_id, ? FROM mhero.conversation WHERE id = ? RETURNING id"),
                      {*sms, silent});
    MHERO_VERIFY_OK(smsConversation);
    w = window(smsConversation->toLongLong());
    QVERIFY(!w.hasWindow);
    QCOMPARE(w.kind, QStringLiteral("rapidpro"));
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(), QStringLiteral("DELETE FROM mhero.conversation WHERE id = ?"), {*smsConversation}));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("DELETE FROM mhero.source WHERE id = ?"), {*sms}));
}

void TestWhatsAppTemplates::writeBySms()
{
    QSqlDatabase& agent = m_agent->db();
    const qint64 known = whatsAppConversation(QStringLiteral("231770000106"), 2);
    const qint64 unknown = whatsAppConversation(QStringLiteral("231770000107"), 2, false);
    QVERIFY(known > 0 && unknown > 0);

    // No SMS channel yet: refused with words for the agent.
    auto none = messaging::startSmsConversation(agent, known);
    QVERIFY(!none);
    QCOMPARE(none.error().detail, QStringLiteral("no-sms-channel"));

    auto sms = sql::scalar(m_owner->db(),
                           QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                          "('sms', 'rapidpro', 'https://rapidpro.test.invalid') RETURNING id"));
    MHERO_VERIFY_OK(sms);
    auto started = messaging::startSmsConversation(agent, known);
    MHERO_VERIFY_OK(started);
    auto row = sql::exec(m_owner->db(),
                         QStringLiteral("SELECT u.urn, coalesce(u.health_worker_id, 0), c.channel_source_id, "
                                        "c.assignee::text = ?, c.status FROM mhero.conversation c "
                                        "JOIN mhero.contact_urn u ON u.id = c.urn_id WHERE c.id = ?"),
                         {m_agent->db().userName(), *started});
    MHERO_VERIFY_OK(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("tel:+231770000106"));
    QCOMPARE(row->value(1).toLongLong(), m_worker); // the same person
    QCOMPARE(row->value(2).toInt(), sms->toInt());
    QVERIFY(row->value(3).toBool()); // the agent's
    QCOMPARE(row->value(4).toString(), QStringLiteral("open"));
    // Asked again: the same open conversation, not a second one.
    auto again = messaging::startSmsConversation(agent, known);
    MHERO_VERIFY_OK(again);
    QCOMPARE(*again, *started);
    QCOMPARE(sql::scalar(m_owner->db(),
                         QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'start' "
                                        "AND row_key = ?::text"),
                         {*started})
                 .value()
                 .toInt(),
             1);

    // An unknown WhatsApp number gets its tel: address (unknown too).
    auto stranger = messaging::startSmsConversation(agent, unknown);
    MHERO_VERIFY_OK(stranger);
    QCOMPARE(sql::scalar(m_owner->db(),
                         QStringLiteral("SELECT u.urn || ' ' || coalesce(u.health_worker_id, 0) "
                                        "FROM mhero.conversation c JOIN mhero.contact_urn u "
                                        "ON u.id = c.urn_id WHERE c.id = ?"),
                         {*stranger})
                 .value()
                 .toString(),
             QStringLiteral("tel:+231770000107 0"));

    // An opted-out number is refused; so is a conversation that is not on WhatsApp.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.contact_urn SET status = 'stopped' "
                                             "WHERE urn = 'tel:+231770000107'")));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.conversation SET status = 'resolved', "
                                             "resolved_at = now() WHERE id = ?"),
                              {*stranger}));
    auto stopped = messaging::startSmsConversation(agent, unknown);
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().detail, QStringLiteral("opted-out"));
    auto notWhatsApp = messaging::startSmsConversation(agent, *started);
    QVERIFY(!notWhatsApp);
    QCOMPARE(notWhatsApp.error().detail, QStringLiteral("not-whatsapp"));
    // Only staff may.
    QCOMPARE(sqlState(m_engine->db(), QStringLiteral("SELECT mhero.start_sms_conversation(?)"), {known}),
             QStringLiteral("42501"));
}

QTEST_GUILESS_MAIN(TestWhatsAppTemplates)
#include "tst_whatsapptemplates.moc"
