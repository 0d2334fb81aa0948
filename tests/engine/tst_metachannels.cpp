// WhatsApp and Messenger end to end, over real sockets: the Meta emulator (Graph API and Meta's
// webhook sender) → mhero-server's webhook door → PostgreSQL → an agent's reply through the
// database → the outbox → the WhatsApp or Messenger adapter → the emulator, and its status
// webhooks back. Also: the template list, a template sent outside the window, media both ways,
// and Meta's error codes as reasons and actions.
#include "MetaEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "channels/MediaFetcher.h"
#include "channels/OutboxStore.h"
#include "channels/meta/MetaIntake.h"
#include "channels/meta/MetaAdapter.h"
#include "channels/meta/MetaSource.h"
#include "channels/meta/MetaSync.h"
#include "db/Sql.h"
#include "engine/WebhookServer.h"

#include <QCryptographicHash>
#include <QImage>
#include <QBuffer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

namespace {
const QString kWorker = QStringLiteral("0.0.0.0:1/test");
const QString kHealthWorkerNumber = QStringLiteral("231770100001");
const QString kPsid = QStringLiteral("7001002003");

QByteArray png()
{
    QImage image(48, 32, QImage::Format_RGB32);
    image.fill(QColor(20, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// An Ogg page header and some bytes: what a voice note looks like to everything but a player.
QByteArray voiceNote()
{
    QByteArray bytes("OggS\0\x02", 6);
    bytes += QByteArray(2000, '\x5a');
    return bytes;
}
} // namespace

class TestMetaChannels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void whatsAppConversationRoundTrip();
    void imageAndVoiceNoteInAndOut();
    void templateListIsSyncedAndATemplateGoesOutsideTheWindow();
    void errorCodesBecomeReasonsAndActions();
    void messengerThreadWithHumanAgentTag();
    void mediaIsFetchedOnlyFromMeta();
    void hostileGraphServerGetsNoTokenElsewhere();
    void statusesThatComeBeforeTheSendIsRecordedAreKept();

private:
    int count(const QString& statement)
    {
        return sql::scalar(m_owner->db(), statement).valueOr(QVariant(-1)).toInt();
    }
    QString text(const QString& statement, const QVariantList& values = {})
    {
        return sql::scalar(m_owner->db(), statement, values).valueOr(QVariant(QStringLiteral("<error>"))).toString();
    }
    meta::MetaSync& sync(const QString& name);
    /// Sends what is due in the source's outbox; the report's sent count.
    int sendOutbox(const QString& name);
    qint64 conversationOf(const QString& urn)
    {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT c.id FROM mhero.conversation c JOIN mhero.contact_urn u "
                                                         "ON u.id = c.urn_id WHERE u.urn = ?"),
                           {urn})
            .valueOr(QVariant(0))
            .toLongLong();
    }

    std::unique_ptr<MetaEmulator> m_meta;
    QTemporaryDir m_keyDir;
    QString m_keyPath;
    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    std::optional<ScopedConnection> m_agent;
    std::optional<secrets::EngineKey> m_key;
    std::unique_ptr<engine::WebhookServer> m_server;
    std::map<QString, std::unique_ptr<meta::MetaSync>> m_syncs;
};

void TestMetaChannels::initTestCase()
{
    m_meta = std::make_unique<MetaEmulator>(QStringList{QStringLiteral("--status-delay-ms"), QStringLiteral("20")});
    QVERIFY2(m_meta->ok(), qPrintable(m_meta->startError()));
    m_keyPath = m_keyDir.filePath(QStringLiteral("engine.key"));
}

void TestMetaChannels::init()
{
    QVERIFY(m_meta->reset());
    TestCluster& cluster = TestCluster::instance();
    m_database = cluster.createDatabase();
    auto owner = cluster.connectSuperuser(m_database);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    QFile::remove(m_keyPath);
    auto key = cluster.installEngineKey(m_database, m_keyPath);
    MHERO_VERIFY_OK(key);
    m_key = *key;

    meta::MetaSource whatsapp;
    whatsapp.name = QStringLiteral("wa");
    whatsapp.platform = meta::MetaSource::Platform::WhatsApp;
    whatsapp.graphUrl = m_meta->graphUrl();
    whatsapp.phoneNumberId = MetaEmulator::phoneNumberId();
    whatsapp.businessAccountId = MetaEmulator::wabaId();
    whatsapp.region = QStringLiteral("LR");
    whatsapp.accessToken = MetaEmulator::token();
    whatsapp.appSecret = MetaEmulator::appSecret();
    whatsapp.verifyToken = MetaEmulator::verifyToken();
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), whatsapp));
    meta::MetaSource page = whatsapp;
    page.name = QStringLiteral("page");
    page.platform = meta::MetaSource::Platform::Messenger;
    page.pageId = MetaEmulator::pageId();
    page.accessToken = MetaEmulator::pageToken();
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), page));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.setting SET value = '\"free_text\"' "
                                                            "WHERE key = 'messaging.free_text_policy'")));

    auto service = cluster.createUser(m_database, UserKind::Service, QStringLiteral("engine"));
    MHERO_VERIFY_OK(service);
    auto serviceConnection = TestCluster::connectAs(*service);
    MHERO_VERIFY_OK(serviceConnection);
    m_service.emplace(std::move(*serviceConnection));
    auto agent = cluster.createUser(m_database, UserKind::Agent, QStringLiteral("agent"));
    MHERO_VERIFY_OK(agent);
    auto agentConnection = TestCluster::connectAs(*agent);
    MHERO_VERIFY_OK(agentConnection);
    m_agent.emplace(std::move(*agentConnection));

    m_server = std::make_unique<engine::WebhookServer>(service->settings,
                                                       std::make_shared<secrets::EngineKeyring>(m_keyPath, false));
    auto port = m_server->start(QHostAddress::LocalHost, 0);
    MHERO_VERIFY_OK(port);
    const QString door = QStringLiteral("http://127.0.0.1:%1/webhooks/").arg(*port);
    QVERIFY(m_meta->setWebhookTargets(QUrl(door + QStringLiteral("whatsapp/wa")),
                                      QUrl(door + QStringLiteral("messenger/page"))));
}

void TestMetaChannels::cleanup()
{
    m_syncs.clear();
    m_server.reset();
    m_agent.reset();
    m_service.reset();
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_database);
}

meta::MetaSync& TestMetaChannels::sync(const QString& name)
{
    auto& slot = m_syncs[name];
    if (!slot) {
        auto sources = meta::loadMetaSources(m_service->db(), name, &*m_key);
        if (!sources || sources->isEmpty())
            qFatal("no source %s", qPrintable(name));
        slot = std::make_unique<meta::MetaSync>(sources->first(), m_service->db(), kWorker);
    }
    return *slot;
}

int TestMetaChannels::sendOutbox(const QString& name)
{
    std::optional<Result<channels::SendReport>> report;
    sync(name).sendOutbox([&](Result<channels::SendReport> r) { report = std::move(r); });
    if (!QTest::qWaitFor([&] { return report.has_value(); }, 20'000))
        return -1;
    if (!*report) {
        qWarning("outbox: %s", qPrintable(report->error().toString()));
        return -1;
    }
    return (*report)->sent;
}

void TestMetaChannels::whatsAppConversationRoundTrip()
{
    m_meta->whatsappText(kHealthWorkerNumber, QStringLiteral("My salary did not come"), QStringLiteral("Mariama Kollie"));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'in'")), 1, 10'000);
    const qint64 conversation = conversationOf(QStringLiteral("whatsapp:") + kHealthWorkerNumber);
    QVERIFY(conversation > 0);
    auto reply = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'We are checking with payroll.')"),
                             {conversation});
    MHERO_VERIFY_OK(reply);
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);
    const QJsonArray sent = m_meta->sent();
    QCOMPARE(sent.size(), 1);
    const QJsonObject message = sent.first().toObject();
    QCOMPARE(message.value(QLatin1String("to")).toString(), kHealthWorkerNumber);
    QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("text"));
    QCOMPARE(message.value(QLatin1String("request")).toObject().value(QLatin1String("text")).toObject().value(
                 QLatin1String("body")).toString(),
             QStringLiteral("We are checking with payroll."));
    // The wamid is the message's; Meta's sent → delivered → read come back through the webhook.
    QCOMPARE(text(QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {*reply}),
             message.value(QLatin1String("id")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*reply}),
                              QStringLiteral("read"), 10'000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.outbox")), 0);
}

void TestMetaChannels::imageAndVoiceNoteInAndOut()
{
    // In: a photo and a voice note, fetched by the engine through the adapter (GET /{media-id},
    // then the short-lived URL with the token), byte for byte.
    const QByteArray photo = png();
    const QByteArray voice = voiceNote();
    m_meta->whatsappMedia(kHealthWorkerNumber, QStringLiteral("image"), photo, QStringLiteral("image/png"),
                          QStringLiteral("the stock card"));
    QJsonObject audio = m_meta->whatsappInbound(
        {{QStringLiteral("from"), kHealthWorkerNumber},
         {QStringLiteral("type"), QStringLiteral("audio")},
         {QStringLiteral("media"), QJsonObject{{QStringLiteral("data_base64"), QString::fromLatin1(voice.toBase64())},
                                               {QStringLiteral("mime_type"), QStringLiteral("audio/ogg; codecs=opus")},
                                               {QStringLiteral("voice"), true}}}});
    QVERIFY(!audio.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.media")), 2, 10'000);
    channels::MediaFetcher fetcher(sync(QStringLiteral("wa")).adapter(), sync(QStringLiteral("wa")).entry().id,
                                   m_service->db());
    std::optional<Result<channels::MediaReport>> fetched;
    fetcher.run([&](Result<channels::MediaReport> r) { fetched = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(fetched.has_value(), 20'000);
    MHERO_VERIFY_OK(*fetched);
    auto stored = sql::exec(m_owner->db(), QStringLiteral("SELECT state, bytes FROM mhero.media ORDER BY message_id, position"));
    MHERO_VERIFY_OK(stored);
    QList<QByteArray> bytes;
    while (stored->next()) {
        QCOMPARE(stored->value(0).toString(), QStringLiteral("stored"));
        bytes.append(stored->value(1).toByteArray());
    }
    QCOMPARE(bytes, (QList<QByteArray>{photo, voice}));

    // Out: a picture with a caption, and a voice note with words (WhatsApp takes no caption on
    // audio, so the words follow as a message of their own).
    const qint64 conversation = conversationOf(QStringLiteral("whatsapp:") + kHealthWorkerNumber);
    const QString withMedia = QStringLiteral("SELECT mhero.reply_with_media(?, ?, NULL, ?, ?, ?::bytea, NULL)");
    auto picture = sql::scalar(m_agent->db(), withMedia,
                               {conversation, QStringLiteral("The new form"), QStringLiteral("image/png"),
                                QStringLiteral("form.png"), photo});
    MHERO_VERIFY_OK(picture);
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);
    auto note = sql::scalar(m_agent->db(), withMedia,
                            {conversation, QStringLiteral("Listen to this"), QStringLiteral("audio/ogg"),
                             QStringLiteral("note.ogg"), voice});
    MHERO_VERIFY_OK(note);
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);
    const QJsonArray sent = m_meta->sent();
    QCOMPARE(sent.size(), 3);
    const QJsonObject image = sent.at(0).toObject().value(QLatin1String("request")).toObject();
    QCOMPARE(image.value(QLatin1String("type")).toString(), QStringLiteral("image"));
    QCOMPARE(image.value(QLatin1String("image")).toObject().value(QLatin1String("caption")).toString(),
             QStringLiteral("The new form"));
    QCOMPARE(m_meta->mediaBytes(image.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString()),
             photo);
    const QJsonObject audioOut = sent.at(1).toObject().value(QLatin1String("request")).toObject();
    QCOMPARE(audioOut.value(QLatin1String("type")).toString(), QStringLiteral("audio"));
    QCOMPARE(m_meta->mediaBytes(audioOut.value(QLatin1String("audio")).toObject().value(QLatin1String("id")).toString()),
             voice);
    QCOMPARE(sent.at(2).toObject().value(QLatin1String("type")).toString(), QStringLiteral("text"));
    // The message is the last part's wamid, so its statuses come home.
    QCOMPARE(text(QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {*note}),
             sent.at(2).toObject().value(QLatin1String("id")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*note}),
                              QStringLiteral("read"), 10'000);
}

void TestMetaChannels::templateListIsSyncedAndATemplateGoesOutsideTheWindow()
{
    // Meta's list, longer than a page (25), with one template approved and one paused.
    QJsonArray templates;
    templates.append(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("salary_update")},
        {QStringLiteral("language"), QStringLiteral("en_US")},
        {QStringLiteral("status"), QStringLiteral("APPROVED")},
        {QStringLiteral("category"), QStringLiteral("UTILITY")},
        {QStringLiteral("components"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("BODY")},
                                {QStringLiteral("text"), QStringLiteral("Hello {{1}}, your salary for {{2}} was paid.")}}}}});
    for (int i = 0; i < 30; ++i)
        templates.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("notice_%1").arg(i)},
                                     {QStringLiteral("language"), QStringLiteral("en")},
                                     {QStringLiteral("status"), i == 0 ? QStringLiteral("PAUSED") : QStringLiteral("APPROVED")},
                                     {QStringLiteral("category"), QStringLiteral("UTILITY")},
                                     {QStringLiteral("components"), QJsonArray{}}});
    m_meta->registerTemplates(templates);
    std::optional<Result<int>> synced;
    sync(QStringLiteral("wa")).syncTemplates([&](Result<int> r) { synced = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 10'000);
    MHERO_VERIFY_OK(*synced);
    QCOMPARE(**synced, 31);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template")), 31);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.whatsapp_template WHERE name = 'notice_0'")),
             QStringLiteral("PAUSED"));
    // Unchanged: nothing written again. A template deleted at Meta goes from our list too.
    synced.reset();
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("INSERT INTO mhero.whatsapp_template (source_id, name, "
                                                            "language, status) SELECT id, 'deleted_at_meta', 'en', "
                                                            "'APPROVED' FROM mhero.source WHERE name = 'wa'")));
    sync(QStringLiteral("wa")).syncTemplates([&](Result<int> r) { synced = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 10'000);
    MHERO_VERIFY_OK(*synced);
    QCOMPARE(**synced, 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template WHERE name = 'deleted_at_meta'")), 0);

    // The person wrote two days ago: the window is closed, at Meta and in our database.
    m_meta->whatsappText(kHealthWorkerNumber, QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.conversation")), 1, 10'000);
    const QDateTime twoDaysAgo = QDateTime::currentDateTimeUtc().addDays(-2);
    QVERIFY(m_meta->setWhatsAppLastInbound(kHealthWorkerNumber, twoDaysAgo));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.conversation SET last_inbound_at = ?"),
                              {twoDaysAgo}));
    const qint64 conversation = conversationOf(QStringLiteral("whatsapp:") + kHealthWorkerNumber);
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'Your salary was paid.')"), {conversation}),
             QStringLiteral("55000"));

    // Our approved template mapped to salary_update (en_US): {{given_name}} → {{1}}, {{month}} → {{2}}.
    auto& cluster = TestCluster::instance();
    auto writerUser = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("writer"));
    auto approverUser = cluster.createUser(m_database, UserKind::Supervisor, QStringLiteral("approver"));
    MHERO_VERIFY_OK(writerUser);
    MHERO_VERIFY_OK(approverUser);
    auto writer = TestCluster::connectAs(*writerUser);
    auto approver = TestCluster::connectAs(*approverUser);
    MHERO_VERIFY_OK(writer);
    MHERO_VERIFY_OK(approver);
    auto created = sql::scalar(writer->db(), QStringLiteral("SELECT mhero.create_template('Salary paid', 'hr_payroll', '{}')"));
    MHERO_VERIFY_OK(created);
    auto version = sql::scalar(
        writer->db(), QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, '{}', 'salary_update', 'en_US', '{month}')"),
        {created->toLongLong(),
         QStringLiteral(R"({"en": "Hello {{given_name}}, your salary for {{month}} was paid."})")});
    MHERO_VERIFY_OK(version);
    QCOMPARE(sqlState(writer->db(), QStringLiteral("SELECT mhero.submit_version(?)"), {*version}), QStringLiteral("ok"));
    QCOMPARE(sqlState(approver->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {*version}), QStringLiteral("ok"));
    auto reply = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, ?, ?)"),
                             {conversation, QStringLiteral("Hello Mariama (RN), your salary for November 2026 was paid."),
                              *version});
    MHERO_VERIFY_OK(reply);
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);
    const QJsonObject sent = m_meta->sent().last().toObject();
    QCOMPARE(sent.value(QLatin1String("type")).toString(), QStringLiteral("template"));
    QCOMPARE(sent.value(QLatin1String("window_open")).toBool(), false);
    const QJsonObject request = sent.value(QLatin1String("request")).toObject().value(QLatin1String("template")).toObject();
    QCOMPARE(request.value(QLatin1String("name")).toString(), QStringLiteral("salary_update"));
    QCOMPARE(request.value(QLatin1String("language")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("en_US"));
    const QJsonArray parameters = request.value(QLatin1String("components"))
                                      .toArray()
                                      .first()
                                      .toObject()
                                      .value(QLatin1String("parameters"))
                                      .toArray();
    QCOMPARE(parameters.size(), 2);
    QCOMPARE(parameters.at(0).toObject().value(QLatin1String("text")).toString(), QStringLiteral("Mariama (RN)"));
    QCOMPARE(parameters.at(1).toObject().value(QLatin1String("text")).toString(), QStringLiteral("November 2026"));
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*reply}),
                              QStringLiteral("read"), 10'000);

    // Queued while approved, paused by Meta before it left: not sent, and the thread says why.
    auto second = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, ?, ?)"),
                              {conversation, QStringLiteral("Hello Mariama, your salary for December was paid."),
                               *version});
    MHERO_VERIFY_OK(second);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.whatsapp_template SET status = 'PAUSED' "
                                                            "WHERE name = 'salary_update'")));
    const int before = int(m_meta->sent().size());
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QCOMPARE(int(m_meta->sent().size()), before);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*second}), QStringLiteral("failed"));
    const QString why = text(QStringLiteral("SELECT error FROM mhero.message WHERE id = ?"), {*second});
    QVERIFY2(why.contains(QStringLiteral("salary_update")) && why.contains(QStringLiteral("PAUSED")), qPrintable(why));
}

void TestMetaChannels::errorCodesBecomeReasonsAndActions()
{
    m_meta->whatsappText(kHealthWorkerNumber, QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.conversation")), 1, 10'000);
    const qint64 conversation = conversationOf(QStringLiteral("whatsapp:") + kHealthWorkerNumber);
    const auto replyNow = [&](const QString& words) {
        return sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, ?)"), {conversation, words})
            .valueOr(QVariant(0))
            .toLongLong();
    };

    // 130429 (the number's throughput): given back untried, the source waits.
    QVERIFY(m_meta->failNextSends(130429, 1, QStringLiteral("whatsapp")));
    const qint64 throttled = replyNow(QStringLiteral("one"));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QVERIFY(sync(QStringLiteral("wa")).throttled());
    QCOMPARE(count(QStringLiteral("SELECT attempts FROM mhero.outbox WHERE message_id = %1").arg(throttled)), 0);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {throttled}), QStringLiteral("queued"));
    m_syncs.clear(); // a new engine run (the pause is the old one's)
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = now()")));

    // 131056 (too many to this person): this message backs off and is tried again.
    QVERIFY(m_meta->failNextSends(131056, 1, QStringLiteral("whatsapp")));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {throttled}), QStringLiteral("queued"));
    QVERIFY(text(QStringLiteral("SELECT last_error FROM mhero.outbox WHERE message_id = ?"), {throttled})
                .startsWith(QStringLiteral("131056: ")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.outbox WHERE next_attempt_at > now()")), 1);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = now()")));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);

    // 132001 (template language missing) refused for good, with the reason in the thread.
    QVERIFY(m_meta->failNextSends(132001, 1, QStringLiteral("whatsapp")));
    const qint64 refused = replyNow(QStringLiteral("two"));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {refused}), QStringLiteral("failed"));
    QVERIFY(text(QStringLiteral("SELECT error FROM mhero.message WHERE id = ?"), {refused}).startsWith(QStringLiteral("132001: ")));
    QCOMPARE(count(QStringLiteral("SELECT error_code FROM mhero.message WHERE id = %1").arg(refused)), 132001);

    // 131026 (not on WhatsApp) arrives as a failed status after Meta accepted the message.
    QVERIFY(m_meta->markNotOnWhatsApp(kHealthWorkerNumber));
    const qint64 undeliverable = replyNow(QStringLiteral("three"));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 1);
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {undeliverable}),
                              QStringLiteral("failed"), 10'000);
    QVERIFY(text(QStringLiteral("SELECT error FROM mhero.message WHERE id = ?"), {undeliverable})
                .startsWith(QStringLiteral("131026")));

    // 190 (the token expired): nothing else is tried in this run, and the message waits.
    QVERIFY(m_meta->markNotOnWhatsApp(kHealthWorkerNumber, false));
    QVERIFY(m_meta->setTokenExpired(true));
    const qint64 waiting = replyNow(QStringLiteral("four"));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {waiting}), QStringLiteral("queued"));
    QVERIFY(text(QStringLiteral("SELECT last_error FROM mhero.outbox WHERE message_id = ?"), {waiting})
                .startsWith(QStringLiteral("190: ")));
    QVERIFY(m_meta->setTokenExpired(false));

    // The window closed while the reply waited in the outbox: not sent, 131047 without asking Meta.
    m_meta->takeRequests();
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.outbox SET next_attempt_at = now()")));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.conversation SET last_inbound_at = now() - "
                                                            "interval '25 hours'")));
    QCOMPARE(sendOutbox(QStringLiteral("wa")), 0);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {waiting}), QStringLiteral("failed"));
    QVERIFY(text(QStringLiteral("SELECT error FROM mhero.message WHERE id = ?"), {waiting}).startsWith(QStringLiteral("131047: ")));
    QCOMPARE(count(QStringLiteral("SELECT error_code FROM mhero.message WHERE id = %1").arg(waiting)), 131047);
    QVERIFY(!m_meta->takeRequests().join(QLatin1Char('\n')).contains(QStringLiteral("/messages")));
}

void TestMetaChannels::messengerThreadWithHumanAgentTag()
{
    m_meta->messengerText(kPsid, QStringLiteral("Is the training still on Friday?"));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.message WHERE direction = 'in'")), 1, 10'000);
    const qint64 conversation = conversationOf(QStringLiteral("facebook:") + kPsid);
    QVERIFY(conversation > 0);
    auto first = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'Yes, at 9 in Gbarnga.')"), {conversation});
    MHERO_VERIFY_OK(first);
    QCOMPARE(sendOutbox(QStringLiteral("page")), 1);
    QJsonObject sent = m_meta->sent().last().toObject();
    QCOMPARE(sent.value(QLatin1String("messaging_type")).toString(), QStringLiteral("RESPONSE"));
    QCOMPARE(text(QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {*first}),
             sent.value(QLatin1String("id")).toString());
    // Meta's delivery and read events move it on.
    QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*first}),
                              QStringLiteral("read"), 10'000);

    // Three days later: an agent's reply goes with the HUMAN_AGENT tag, and Meta takes it.
    const QDateTime threeDaysAgo = QDateTime::currentDateTimeUtc().addDays(-3);
    QVERIFY(m_meta->setMessengerLastInbound(kPsid, threeDaysAgo));
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.conversation SET last_inbound_at = ?"),
                              {threeDaysAgo}));
    auto late = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'It moved to Monday.')"), {conversation});
    MHERO_VERIFY_OK(late);
    QCOMPARE(sendOutbox(QStringLiteral("page")), 1);
    sent = m_meta->sent().last().toObject();
    QCOMPARE(sent.value(QLatin1String("messaging_type")).toString(), QStringLiteral("MESSAGE_TAG"));
    QCOMPARE(sent.value(QLatin1String("tag")).toString(), QStringLiteral("HUMAN_AGENT"));

    // A picture to Messenger: uploaded, then sent by attachment id, the words after it.
    const QByteArray photo = png();
    auto picture = sql::scalar(m_agent->db(),
                               QStringLiteral("SELECT mhero.reply_with_media(?, 'The venue', NULL, 'image/png', "
                                              "'venue.png', ?::bytea, NULL)"),
                               {conversation, photo});
    MHERO_VERIFY_OK(picture);
    QCOMPARE(sendOutbox(QStringLiteral("page")), 1);
    const QJsonArray all = m_meta->sent();
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(2).toObject().value(QLatin1String("type")).toString(), QStringLiteral("image"));
    QCOMPARE(all.at(3).toObject().value(QLatin1String("type")).toString(), QStringLiteral("text"));

    // Eight days: nothing can be sent, and the database says so first.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.conversation SET last_inbound_at = now() - "
                                                            "interval '8 days'")));
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'Hello?')"), {conversation}),
             QStringLiteral("55000"));
}

void TestMetaChannels::mediaIsFetchedOnlyFromMeta()
{
    meta::WhatsAppAdapter& adapter = static_cast<meta::WhatsAppAdapter&>(sync(QStringLiteral("wa")).adapter());
    const QByteArray photo = png();
    const QJsonObject inbound = m_meta->whatsappMedia(kHealthWorkerNumber, QStringLiteral("image"), photo,
                                                      QStringLiteral("image/png"));
    const QString id = inbound.value(QLatin1String("message")).toObject().value(QLatin1String("image")).toObject().value(
        QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    const auto fetch = [&](const QString& reference, qint64 maxBytes) {
        std::optional<Result<QByteArray>> result;
        adapter.fetchMedia({QStringLiteral("image/png"), reference, {}}, maxBytes,
                           [&](Result<QByteArray> r) { result = std::move(r); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 10'000);
        return result.value_or(Result<QByteArray>(Error{QStringLiteral("timeout"), {}, {}}));
    };
    auto ok = fetch(QStringLiteral("whatsapp-media:") + id, 1024 * 1024);
    MHERO_VERIFY_OK(ok);
    QCOMPARE(*ok, photo);
    // Larger than allowed: refused from Meta's announced size, before any byte is read.
    auto tooLarge = fetch(QStringLiteral("whatsapp-media:") + id, 10);
    QVERIFY(!tooLarge);
    QCOMPARE(tooLarge.error().code, QStringLiteral("media-too-large"));
    QCOMPARE(tooLarge.error().detail, QString::number(photo.size()));
    // A reference that is not a media id never becomes a request.
    auto forged = fetch(QStringLiteral("whatsapp-media:../../me?x="), 1024);
    QVERIFY(!forged);
    QCOMPARE(forged.error().code, QStringLiteral("media-bad-url"));
    // Gone at Meta: said so (not retried forever).
    auto gone = fetch(QStringLiteral("whatsapp-media:999999999"), 1024);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, QStringLiteral("media-gone"));
}

namespace {
/// A Graph API gone bad (a hijacked DNS name, a hostile proxy): answers every request with
/// @p answer (%1 replaced by @p thief's port) and remembers the requests' heads.
class HostileServer final : public QTcpServer
{
public:
    explicit HostileServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray head = socket->readAll();
                    heads.append(head);
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(m_answer.size()) + "\r\nConnection: close\r\n\r\n" + m_answer);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    int connections = 0;
    QList<QByteArray> heads;

private:
    QByteArray m_answer;
};
} // namespace

void TestMetaChannels::hostileGraphServerGetsNoTokenElsewhere()
{
    // The thief: another origin (another port) that would love the access token.
    HostileServer thief(QByteArrayLiteral("{}"));
    QVERIFY(thief.listen(QHostAddress::LocalHost, 0));
    const QByteArray elsewhere = "http://127.0.0.1:" + QByteArray::number(thief.serverPort());
    // The Graph API this source was configured with points media and the next page at the thief.
    HostileServer graph(R"({"url":")" + elsewhere + R"(/steal","mime_type":"image/png","file_size":10,"id":"1",)"
                        R"("data":[],"paging":{"next":")" + elsewhere + R"(/v21.0/102290129340398/message_templates"}})");
    QVERIFY(graph.listen(QHostAddress::LocalHost, 0));
    meta::MetaSource source;
    source.id = 1;
    source.name = QStringLiteral("hostile");
    source.platform = meta::MetaSource::Platform::WhatsApp;
    source.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v21.0/").arg(graph.serverPort()));
    source.phoneNumberId = MetaEmulator::phoneNumberId();
    source.businessAccountId = MetaEmulator::wabaId();
    source.accessToken = QStringLiteral("secret-token");
    meta::WhatsAppAdapter adapter(source);
    std::optional<Result<QByteArray>> media;
    adapter.fetchMedia({QStringLiteral("image/png"), QStringLiteral("whatsapp-media:1"), {}}, 1024,
                       [&](Result<QByteArray> r) { media = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(media.has_value(), 10'000);
    QVERIFY(!*media);
    QCOMPARE(media->error().code, QStringLiteral("media-refused"));
    QCOMPARE(graph.connections, 1); // the token went to the Graph API it was entered for…
    QVERIFY(graph.heads.first().contains("Authorization: Bearer secret-token"));

    // …and a "next page" elsewhere is not followed.
    source.phoneNumberId = QStringLiteral("106540352240000");
    source.appSecret = QStringLiteral("s");
    source.verifyToken = QStringLiteral("v");
    MHERO_VERIFY_OK(meta::addMetaSource(m_owner->db(), source));
    auto sources = meta::loadMetaSources(m_service->db(), QStringLiteral("hostile"), &*m_key);
    MHERO_VERIFY_OK(sources);
    QVERIFY(!sources->first().secretError);
    meta::MetaSync sync(sources->first(), m_service->db(), kWorker);
    std::optional<Result<int>> synced;
    sync.syncTemplates([&](Result<int> r) { synced = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(synced.has_value(), 10'000);
    QVERIFY(!*synced);
    QCOMPARE(synced->error().code, QStringLiteral("secret-origin"));
    QCOMPARE(thief.connections, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.whatsapp_template")), 0); // nothing half-stored
}

void TestMetaChannels::statusesThatComeBeforeTheSendIsRecordedAreKept()
{
    m_meta->whatsappText(kHealthWorkerNumber, QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM mhero.conversation")), 1, 10'000);
    const qint64 conversation = conversationOf(QStringLiteral("whatsapp:") + kHealthWorkerNumber);
    auto reply = sql::scalar(m_agent->db(), QStringLiteral("SELECT mhero.reply(?, 'On its way')"), {conversation});
    MHERO_VERIFY_OK(reply);
    const int sourceId = sync(QStringLiteral("wa")).entry().id;
    channels::OutboxStore outbox(m_service->db());
    auto claimed = outbox.claim(sourceId, kWorker, 10, 300);
    MHERO_VERIFY_OK(claimed);
    QCOMPARE(claimed->size(), 1);
    MHERO_VERIFY_OK(outbox.markAttemptStarted(reply->toLongLong(), kWorker));

    // Meta answered the send with wamid.early, and its webhooks won the race against our record.
    const auto status = [](const char* name, const char* timestamp) -> QByteArray {
        return QByteArray(R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
          "messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
          "statuses":[{"id":"wamid.early","status":")") + name + R"(","timestamp":")" + timestamp
            + R"(","recipient_id":"231770100001"}]},"field":"messages"}]}]})";
    };
    meta::MetaIntake intake(m_service->db());
    MHERO_VERIFY_OK(intake.store(sourceId, status("sent", "1765000001")));
    MHERO_VERIFY_OK(intake.store(sourceId, status("delivered", "1765000002")));
    auto processed = intake.processPending();
    MHERO_VERIFY_OK(processed);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.early_status")), 2);
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*reply}), QStringLiteral("queued"));

    channels::ChannelMessage accepted;
    accepted.externalId = QStringLiteral("wamid.early");
    MHERO_VERIFY_OK(outbox.recordAccepted(reply->toLongLong(), accepted));
    QCOMPARE(text(QStringLiteral("SELECT status FROM mhero.message WHERE id = ?"), {*reply}), QStringLiteral("delivered"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mhero.early_status")), 0);
    // Nobody but the engine touches them.
    QCOMPARE(sqlState(m_agent->db(), QStringLiteral("SELECT count(*) FROM mhero.early_status")), QStringLiteral("42501"));
}

QTEST_GUILESS_MAIN(TestMetaChannels)
#include "tst_metachannels.moc"
