// Media through the engine, end to end: inbound attachments fetched from the RapidPro emulator
// (Node, over loopback HTTP) into a real PostgreSQL, once, with a thumbnail; the size cap; what
// cannot be read or fetched; the database refusing an agent's attachment the channel cannot
// carry; an agent's picture uploaded through media.json and sent once.
#include "RapidProEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "Await.h"
#include "channels/MediaFetcher.h"
#include "channels/MediaStore.h"
#include "channels/rapidpro/RapidProAdapter.h"
#include "db/Sql.h"
#include "messaging/ConversationQueries.h"
#include "messaging/MediaQueries.h"
#include "channels/rapidpro/RapidProSource.h"
#include "channels/rapidpro/RapidProSync.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

namespace {

QVariant value(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    auto v = sql::scalar(db, statement, values);
    if (!v)
        qWarning() << statement << v.error().toString();
    return v ? *v : QVariant();
}

QByteArray picture(int width, int height, const char* format)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x2E, 0x7D, 0x32));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

const QString kUrn = QStringLiteral("tel:+231770100007");

} // namespace

class TestMediaFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void adapterCapabilitiesMatchTheChannelKind();
    void inboundImageIsStoredOnceWithAThumbnail();
    void tooLargeIsListedNotKept();
    void unreadableImageIsStoredWithoutThumbnail();
    void missingAttachmentFailsWithTheReason();
    void unreachableAttachmentIsRetried();
    void consolesReadMediaOnlyThroughTheFunction();
    void databaseRefusesWhatTheChannelCannotCarry();
    void agentPictureIsUploadedAndSentOnce();

private:
    void setting(const QString& key, const QString& jsonValue);
    /// A message from kUrn with one attachment, polled into the database; returns its id.
    qint64 inbound(const QString& contentType, const QString& url);
    Result<channels::MediaReport> fetch();
    rapidpro::RapidProSync& engine();

    std::unique_ptr<RapidProEmulator> m_rapidpro;
    QString m_database;
    std::optional<ScopedConnection> m_owner;
    std::optional<ScopedConnection> m_service;
    std::optional<ScopedConnection> m_agent;
    TestUser m_serviceUser;
    TestUser m_agentUser;
    std::unique_ptr<rapidpro::RapidProSync> m_engine;
    std::unique_ptr<channels::MediaFetcher> m_fetcher;
    QTemporaryDir m_keyDir;
    std::optional<secrets::EngineKey> m_key;
};

void TestMediaFetcher::initTestCase()
{
    m_rapidpro = std::make_unique<RapidProEmulator>(QStringList{QStringLiteral("--advance-ms"), QStringLiteral("20")});
    QVERIFY2(m_rapidpro->ok(), qPrintable(m_rapidpro->startError()));
}

void TestMediaFetcher::init()
{
    QVERIFY(m_rapidpro->reset());
    m_fetcher.reset();
    m_engine.reset();
    m_agent.reset();
    m_service.reset();
    m_owner.reset();
    auto deployed = deployRapidPro(m_rapidpro->baseUrl(), m_keyDir.path());
    MHERO_VERIFY_OK(deployed);
    m_database = deployed->database;
    m_owner = std::move(deployed->owner);
    m_serviceUser = deployed->service;
    m_agentUser = deployed->agent;
    m_key = deployed->key;
    setting(QStringLiteral("messaging.retry_first_seconds"), QStringLiteral("0"));
    setting(QStringLiteral("messaging.retry_max_seconds"), QStringLiteral("1"));
    setting(QStringLiteral("messaging.free_text_policy"), QStringLiteral("\"free_text\""));

    auto serviceConnection = TestCluster::connectAs(m_serviceUser);
    MHERO_VERIFY_OK(serviceConnection);
    m_service.emplace(std::move(serviceConnection.value()));
    auto agentConnection = TestCluster::connectAs(m_agentUser);
    MHERO_VERIFY_OK(agentConnection);
    m_agent.emplace(std::move(agentConnection.value()));
}

void TestMediaFetcher::setting(const QString& key, const QString& jsonValue)
{
    QCOMPARE(sqlState(m_owner->db(),
                      QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES (?, ?::jsonb) "
                                     "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                      {key, jsonValue}),
             QStringLiteral("ok"));
}

rapidpro::RapidProSync& TestMediaFetcher::engine()
{
    if (!m_engine) {
        auto sources = rapidpro::loadRapidProSources(m_service->db(), {}, &*m_key);
        if (!sources || sources->size() != 1)
            qFatal("cannot load the RapidPro source as the service role");
        m_engine = std::make_unique<rapidpro::RapidProSync>(sources->first(), m_service->db(),
                                                             QStringLiteral("test-engine"));
        m_engine->client().setBackoff(10, 100);
        m_engine->client().setTimeout(3000);
        m_fetcher = std::make_unique<channels::MediaFetcher>(m_engine->adapter(), sources->first().id, m_service->db());
        m_fetcher->setBackoff(0, 0);
    }
    return *m_engine;
}

Result<channels::MediaReport> TestMediaFetcher::fetch()
{
    engine();
    return await<channels::MediaReport>([&](auto done) { m_fetcher->run(done); });
}

qint64 TestMediaFetcher::inbound(const QString& contentType, const QString& url)
{
    m_rapidpro->inbound(QJsonArray{QJsonObject{
        {QStringLiteral("urn"), kUrn},
        {QStringLiteral("text"), QStringLiteral("look at this")},
        {QStringLiteral("attachments"),
         QJsonArray{QJsonObject{{QStringLiteral("content_type"), contentType}, {QStringLiteral("url"), url}}}}}});
    auto added = await<int>([&](auto done) { engine().pollInbound(done); });
    if (!added || *added != 1)
        qWarning() << "inbound:" << (added ? QString::number(*added) : added.error().toString());
    return value(m_owner->db(), QStringLiteral("SELECT max(id) FROM mhero.message WHERE direction = 'in'"))
        .toLongLong();
}

void TestMediaFetcher::adapterCapabilitiesMatchTheChannelKind()
{
    // What the adapter declares and what the database (the composer, reply_with_media) enforces
    // are one list: a media kind added to one and not the other fails here.
    rapidpro::RapidProAdapter adapter(QUrl(QStringLiteral("https://rapidpro.invalid/")), QStringLiteral("t"), {}, 10);
    const channels::ChannelCapabilities declared = adapter.capabilities();
    auto query = sql::exec(m_owner->db(),
                           QStringLiteral("SELECT array_to_string(media_types, ','), max_media_bytes, max_text_length, "
                                          "templates, reply_window_seconds, platform FROM mhero.channel_kind "
                                          "WHERE kind = 'rapidpro'"));
    MHERO_VERIFY_OK(query);
    QVERIFY(query->next());
    QCOMPARE(query->value(0).toString().split(QLatin1Char(',')), declared.mediaKinds);
    QCOMPARE(query->value(1).toLongLong(), declared.maxMediaBytes);
    QCOMPARE(query->value(2).toInt(), declared.maxTextLength);
    QCOMPARE(query->value(3).toBool(), declared.templates);
    QCOMPARE(query->value(4).isNull(), !declared.replyWindowSeconds.has_value());
    QCOMPARE(query->value(5).toString(), adapter.platformName());
}

void TestMediaFetcher::inboundImageIsStoredOnceWithAThumbnail()
{
    const QByteArray photo = picture(1600, 1200, "JPG");
    const QJsonObject uploaded
        = m_rapidpro->uploadMedia(photo, QStringLiteral("image/jpeg"), QStringLiteral("rdt.jpg"));
    const qint64 message = inbound(QStringLiteral("image/jpeg"), uploaded.value(QLatin1String("url")).toString());
    QSqlDatabase& db = m_owner->db();
    // The message arrived with its attachment waiting for the engine.
    QCOMPARE(value(db, QStringLiteral("SELECT state FROM mhero.media WHERE message_id = ?"), {message}).toString(),
             QStringLiteral("pending"));
    m_rapidpro->takeRequests();

    auto report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->stored, 1);
    QCOMPARE(report->failed + report->retrying + report->tooLarge, 0);
    auto row = sql::exec(db,
                         QStringLiteral("SELECT state, bytes, thumbnail, size, fetched_at IS NOT NULL "
                                        "FROM mhero.media WHERE message_id = ? AND position = 0"),
                         {message});
    MHERO_VERIFY_OK(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("stored"));
    QCOMPARE(row->value(1).toByteArray(), photo);
    QCOMPARE(row->value(3).toLongLong(), qint64(photo.size()));
    QVERIFY(row->value(4).toBool());
    const QImage thumbnail = QImage::fromData(row->value(2).toByteArray(), "JPG");
    QVERIFY(!thumbnail.isNull());
    QCOMPARE(thumbnail.size(), QSize(320, 240));

    // Once: a second run fetches nothing, and RapidPro was asked for the file once.
    report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->stored, 0);
    const QStringList requests = m_rapidpro->takeRequests();
    QCOMPARE(requests.filter(QStringLiteral("/media/")).size(), 1);
}

void TestMediaFetcher::tooLargeIsListedNotKept()
{
    setting(QStringLiteral("media.max_inbound_bytes"), QStringLiteral("10000"));
    const QByteArray big(50'000, 'x');
    const QJsonObject uploaded = m_rapidpro->uploadMedia(big, QStringLiteral("video/mp4"), QStringLiteral("clip.mp4"));
    const qint64 message = inbound(QStringLiteral("video/mp4"), uploaded.value(QLatin1String("url")).toString());
    auto report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->tooLarge, 1);
    auto row = sql::exec(
        m_owner->db(), QStringLiteral("SELECT state, bytes IS NULL, size, error FROM mhero.media WHERE message_id = ?"),
        {message});
    MHERO_VERIFY_OK(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("too_large"));
    QVERIFY(row->value(1).toBool());
    QCOMPARE(row->value(2).toLongLong(), 50'000); // announced by the server, never read whole
    QVERIFY(row->value(3).toString().contains(QLatin1String("Larger than")));
    // The thread lists it with its size and state.
    auto thread = messaging::loadThread(
        m_agent->db(),
        value(m_owner->db(), QStringLiteral("SELECT conversation_id FROM mhero.message WHERE id = ?"), {message})
            .toLongLong(),
        std::nullopt, 10);
    MHERO_VERIFY_OK(thread);
    QCOMPARE(thread->rows.size(), 1);
    QCOMPARE(thread->rows.first().attachments.size(), 1);
    QCOMPARE(thread->rows.first().attachments.first().state, QStringLiteral("too_large"));
    QCOMPARE(thread->rows.first().attachments.first().size, 50'000);
}

void TestMediaFetcher::unreadableImageIsStoredWithoutThumbnail()
{
    const QByteArray junk("this is not a picture at all, whatever its type says");
    const QJsonObject uploaded = m_rapidpro->uploadMedia(junk, QStringLiteral("image/png"), QStringLiteral("x.png"));
    const qint64 message = inbound(QStringLiteral("image/png"), uploaded.value(QLatin1String("url")).toString());
    auto report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->stored, 1);
    QCOMPARE(value(m_owner->db(),
                   QStringLiteral("SELECT state || ':' || (thumbnail IS NULL)::text || ':' || "
                                  "(bytes = ?)::text FROM mhero.media WHERE message_id = ?"),
                   {junk, message})
                 .toString(),
             QStringLiteral("stored:true:true"));
    QVERIFY(channels::MediaStore::makeThumbnail(QByteArray()).isEmpty());
    QVERIFY(channels::MediaStore::makeThumbnail(QByteArray(10, '\xff')).isEmpty());
}

void TestMediaFetcher::missingAttachmentFailsWithTheReason()
{
    const QString gone
        = m_rapidpro->baseUrl().toString() + QStringLiteral("media/00000000-0000-4000-8000-000000000000/gone.jpg");
    const qint64 message = inbound(QStringLiteral("image/jpeg"), gone);
    auto report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed, 1);
    auto row
        = sql::exec(m_owner->db(),
                    QStringLiteral("SELECT state, error, attempts FROM mhero.media WHERE message_id = ?"), {message});
    MHERO_VERIFY_OK(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("failed"));
    QVERIFY2(row->value(1).toString().contains(QLatin1String("404")), qPrintable(row->value(1).toString()));
    QCOMPARE(row->value(2).toInt(), 1);
    // Failed for good: not tried again.
    m_rapidpro->takeRequests();
    report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed + report->retrying + report->stored, 0);
    QVERIFY(m_rapidpro->takeRequests().filter(QStringLiteral("/media/")).isEmpty());
}

void TestMediaFetcher::unreachableAttachmentIsRetried()
{
    // A storage bucket that does not answer: tried again later (backoff 0 here), failed after
    // media.max_attempts, with the reason. Not https and not RapidPro's origin: refused outright.
    setting(QStringLiteral("media.max_attempts"), QStringLiteral("2"));
    const qint64 refused = inbound(QStringLiteral("image/jpeg"), QStringLiteral("http://127.0.0.1:9/x.jpg"));
    auto report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed, 1);
    QVERIFY(value(m_owner->db(), QStringLiteral("SELECT error FROM mhero.media WHERE message_id = ?"), {refused})
                .toString()
                .contains(QLatin1String("https")));

    // The storage answering 500: tried again, then failed after the last attempt, with the reason.
    const QJsonObject uploaded
        = m_rapidpro->uploadMedia(picture(10, 10, "PNG"), QStringLiteral("image/png"), QStringLiteral("p.png"));
    const qint64 message = inbound(QStringLiteral("image/png"), uploaded.value(QLatin1String("url")).toString());
    QVERIFY(m_rapidpro->setFaults(QJsonObject{{QStringLiteral("get_fail_rate"), 1}}));
    report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->retrying, 1);
    QCOMPARE(value(m_owner->db(),
                   QStringLiteral("SELECT state || ':' || attempts FROM mhero.media WHERE message_id = ?"), {message})
                 .toString(),
             QStringLiteral("pending:1"));
    report = fetch();
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->failed, 1);
    QVERIFY(value(m_owner->db(), QStringLiteral("SELECT error FROM mhero.media WHERE message_id = ?"), {message})
                .toString()
                .contains(QLatin1String("500")));
    QVERIFY(m_rapidpro->setFaults(QJsonObject{}));
}

void TestMediaFetcher::consolesReadMediaOnlyThroughTheFunction()
{
    const QByteArray photo = picture(200, 100, "PNG");
    const QJsonObject uploaded = m_rapidpro->uploadMedia(photo, QStringLiteral("image/png"), QStringLiteral("p.png"));
    const qint64 message = inbound(QStringLiteral("image/png"), uploaded.value(QLatin1String("url")).toString());
    MHERO_VERIFY_OK(fetch());
    QSqlDatabase& agent = m_agent->db();
    // The list without bytes: yes. The bytes, or the platform's link, directly: no.
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT state, size, content_type FROM mhero.media")),
             QStringLiteral("ok"));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT bytes FROM mhero.media")), QStringLiteral("42501"));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT url FROM mhero.media")), QStringLiteral("42501"));
    QCOMPARE(sqlState(agent, QStringLiteral("UPDATE mhero.media SET state = 'failed'")), QStringLiteral("42501"));
    // Through the function: the file and its thumbnail.
    auto content = messaging::loadMediaContent(agent, message, 0, false);
    MHERO_VERIFY_OK(content);
    QVERIFY(content->has_value());
    QCOMPARE((*content)->bytes, photo);
    QCOMPARE((*content)->contentType, QStringLiteral("image/png"));
    auto thumb = messaging::loadMediaContent(agent, message, 0, true);
    MHERO_VERIFY_OK(thumb);
    QVERIFY(thumb->has_value());
    QVERIFY(!QImage::fromData((*thumb)->bytes, "JPG").isNull());
    auto none = messaging::loadMediaContent(agent, message, 5, false);
    MHERO_VERIFY_OK(none);
    QVERIFY(!none->has_value());
    // A disabled user reads nothing.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.app_user SET active = false WHERE role_name = ?"),
                              {m_agentUser.name}));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT * FROM mhero.media_content(%1, 0)").arg(message)),
             QStringLiteral("42501"));
}

void TestMediaFetcher::databaseRefusesWhatTheChannelCannotCarry()
{
    inbound(QStringLiteral("image/jpeg"), QStringLiteral("https://storage.invalid/a.jpg"));
    const qint64 conversation
        = value(m_owner->db(), QStringLiteral("SELECT max(id) FROM mhero.conversation")).toLongLong();
    QSqlDatabase& agent = m_agent->db();
    const QByteArray jpeg = picture(64, 64, "JPG");
    const auto send = [&](const QString& type, const QByteArray& bytes) {
        return messaging::replyWithMedia(agent, conversation, QString(), 0,
                                         {type, QStringLiteral("file"), bytes, QByteArray()});
    };
    const auto count = [&] {
        return value(m_owner->db(),
                     QStringLiteral("SELECT (SELECT count(*) FROM mhero.message WHERE direction = 'out') "
                                    "+ (SELECT count(*) FROM mhero.outbox) + (SELECT count(*) FROM "
                                    "mhero.media m JOIN mhero.message g ON g.id = m.message_id WHERE "
                                    "g.direction = 'out')"))
            .toInt();
    };
    // A type the channel does not carry.
    auto refused = send(QStringLiteral("application/zip"), QByteArray("PK\x03\x04 zip"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("22023"));
    QCOMPARE(refused.error().detail, QStringLiteral("media-type"));
    // A file that is not what it claims to be.
    refused = send(QStringLiteral("image/jpeg"), QByteArray("MZ\x90\x00 an executable"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().detail, QStringLiteral("media-type"));
    refused = send(QStringLiteral("application/pdf"), jpeg);
    QVERIFY(!refused);
    // Empty.
    refused = send(QStringLiteral("image/jpeg"), QByteArray());
    QVERIFY(!refused);
    // Too large for the channel (RapidPro: 25 MB; made small here so the test sends little).
    MHERO_VERIFY_OK(sql::exec(
        m_owner->db(), QStringLiteral("UPDATE mhero.channel_kind SET max_media_bytes = 1000 WHERE kind = 'rapidpro'")));
    refused = send(QStringLiteral("image/jpeg"), jpeg + QByteArray(2000, '\0'));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("54000"));
    QVERIFY(refused.error().message.contains(QLatin1String("too large")));
    QCOMPARE(count(), 0); // nothing half-written
    // Under "templates_only" a picture never goes alone.
    setting(QStringLiteral("messaging.free_text_policy"), QStringLiteral("\"templates_only\""));
    MHERO_VERIFY_OK(
        sql::exec(m_owner->db(), QStringLiteral("UPDATE mhero.channel_kind SET max_media_bytes = 25 * 1024 * 1024")));
    refused = send(QStringLiteral("image/jpeg"), jpeg);
    QVERIFY(!refused);
    QCOMPARE(refused.error().detail, QStringLiteral("templates-only"));
    QCOMPARE(count(), 0);
    // What the channel carries is queued: message, outbox row and bytes together.
    setting(QStringLiteral("messaging.free_text_policy"), QStringLiteral("\"free_text\""));
    auto queued = send(QStringLiteral("image/jpeg"), jpeg);
    MHERO_VERIFY_OK(queued);
    QCOMPARE(count(), 3);
    QCOMPARE(
        value(m_owner->db(), QStringLiteral("SELECT bytes = ? FROM mhero.media WHERE message_id = ?"), {jpeg, *queued})
            .toBool(),
        true);
    // The agent cannot write media rows any other way.
    QCOMPARE(sqlState(agent,
                      QStringLiteral("INSERT INTO mhero.media (message_id, position, content_type, state) "
                                     "VALUES (%1, 1, 'image/jpeg', 'pending')")
                          .arg(*queued)),
             QStringLiteral("42501"));
    QCOMPARE(sqlState(agent, QStringLiteral("SELECT mhero.queue_reply(%1, 'x', NULL, '[]')").arg(conversation)),
             QStringLiteral("42501"));
}

void TestMediaFetcher::agentPictureIsUploadedAndSentOnce()
{
    inbound(QStringLiteral("image/jpeg"), QStringLiteral("https://storage.invalid/a.jpg"));
    const qint64 conversation
        = value(m_owner->db(), QStringLiteral("SELECT max(id) FROM mhero.conversation")).toLongLong();
    const QByteArray jpeg = picture(800, 600, "JPG");
    auto queued = messaging::replyWithMedia(
        m_agent->db(), conversation, QStringLiteral("Here is the chart"), 0,
        {QStringLiteral("image/jpeg"), QStringLiteral("chart.jpg"), jpeg, channels::MediaStore::makeThumbnail(jpeg)});
    MHERO_VERIFY_OK(queued);
    m_rapidpro->takeRequests();
    auto report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    const QStringList requests = m_rapidpro->takeRequests();
    QCOMPARE(requests.count(QStringLiteral("POST /api/v2/media.json 201")), 1);
    QCOMPARE(requests.count(QStringLiteral("POST /api/v2/messages.json 201")), 1);
    const QJsonArray sent = m_rapidpro->sent();
    QCOMPARE(sent.size(), 1);
    const QJsonObject message = sent.first().toObject();
    QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Here is the chart"));
    const QJsonArray attachments = message.value(QLatin1String("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.first().toObject().value(QLatin1String("content_type")).toString(),
             QStringLiteral("image/jpeg"));
    const auto served = m_rapidpro->download(attachments.first().toObject().value(QLatin1String("url")).toString());
    QCOMPARE(served.status, 200);
    QCOMPARE(served.body, jpeg);
    QVERIFY(!value(m_owner->db(), QStringLiteral("SELECT external_id FROM mhero.message WHERE id = ?"), {*queued})
                 .isNull());

    // An attempt whose answer was lost is found again by its words and its attachment's type,
    // not sent twice: the look-up matches the picture RapidPro holds.
    auto again = messaging::replyWithMedia(m_agent->db(), conversation, QStringLiteral("Here is the chart"), 0,
                                           {QStringLiteral("image/jpeg"), QStringLiteral("chart.jpg"), jpeg, {}});
    MHERO_VERIFY_OK(again);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.outbox SET attempt_started_at = now() - "
                                             "interval '1 second' WHERE message_id = ?"),
                              {*again}));
    // RapidPro already holds one such message (the first reply's): it is claimed by the first
    // message, so the look-up finds nothing unclaimed and the second is sent.
    report = await<channels::SendReport>([&](auto done) { engine().sendOutbox(done); });
    MHERO_VERIFY_OK(report);
    QCOMPARE(report->sent, 1);
    QCOMPARE(report->adopted, 0);
    QCOMPARE(m_rapidpro->sent().size(), 2);
}

// No QGuiApplication: thumbnails are made in mhero-server, a QCoreApplication.
QTEST_GUILESS_MAIN(TestMediaFetcher)
#include "tst_mediafetcher.moc"
