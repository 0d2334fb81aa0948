// The messaging sync engine as mhero-server runs it: one engine per source holds the PostgreSQL
// advisory lock and runs the jobs, a second stands by and takes over when the first goes away;
// a reply wakes the sender at once (LISTEN mhero_outbox) instead of waiting for the next round.
#include "RapidProEmulator.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Sql.h"
#include "engine/ChannelSyncService.h"
#include "channels/rapidpro/RapidProSource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mhero;
using namespace mhero::test;

class TestChannelSyncService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneEngineRunsTheOtherTakesOver();
    void engineKeepsInboundMedia();
    void outboxSendsWhileAPollHangsOrLoops_data();
    void outboxSendsWhileAPollHangsOrLoops();

private:
    /// A database with the RapidPro source at @p baseUrl (its token sealed to an engine key that
    /// every engine of the test shares, as the mhero-servers of a deployment share one key file),
    /// free-text replies allowed, a service login for the engines and an agent's connection.
    struct Deployment
    {
        QString database;
        std::optional<ScopedConnection> owner;
        QTemporaryDir keyDir;
        QString keyPath;
        TestUser service;
        std::optional<ScopedConnection> agent;
        int count(const char* statement)
        {
            return sql::scalar(owner->db(), QString::fromLatin1(statement)).valueOr(QVariant(-1)).toInt();
        }
    };
    static void deploy(Deployment& d, const QUrl& baseUrl);
};

void TestChannelSyncService::deploy(Deployment& d, const QUrl& baseUrl)
{
    d.database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(d.database);
    MHERO_VERIFY_OK(owner);
    d.owner.emplace(std::move(*owner));
    d.keyPath = d.keyDir.filePath(QStringLiteral("engine.key"));
    MHERO_VERIFY_OK(TestCluster::instance().installEngineKey(d.database, d.keyPath));
    rapidpro::RapidProSource source;
    source.name = QStringLiteral("rapidpro");
    source.baseUrl = baseUrl;
    source.token = RapidProEmulator::token();
    source.region = QStringLiteral("LR");
    source.pollSeconds = 1;
    MHERO_VERIFY_OK(rapidpro::addRapidProSource(d.owner->db(), source));
    MHERO_VERIFY_OK(sql::execScript(d.owner->db(), R"sql(
        INSERT INTO mhero.setting (key, value) VALUES ('messaging.free_text_policy', '"free_text"')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    )sql"));
    auto service = TestCluster::instance().createUser(d.database, UserKind::Service, QStringLiteral("engine"));
    MHERO_VERIFY_OK(service);
    d.service = *service;
    auto agentUser = TestCluster::instance().createUser(d.database, UserKind::Agent, QStringLiteral("agent"));
    MHERO_VERIFY_OK(agentUser);
    auto agent = TestCluster::connectAs(*agentUser);
    MHERO_VERIFY_OK(agent);
    d.agent.emplace(std::move(*agent));
}

void TestChannelSyncService::oneEngineRunsTheOtherTakesOver()
{
    RapidProEmulator rapidpro;
    QVERIFY2(rapidpro.ok(), qPrintable(rapidpro.startError()));
    Deployment d;
    deploy(d, rapidpro.baseUrl());
    if (QTest::currentTestFailed())
        return;

    auto first = std::make_unique<engine::ChannelSyncService>(
        d.service.settings, std::make_shared<secrets::EngineKeyring>(d.keyPath, false));
    first->setWorkerName(QStringLiteral("first"));
    first->setTickInterval(100);
    QSignalSpy firstActive(first.get(), &engine::ChannelSyncService::sourceActive);
    first->start();
    QTRY_COMPARE_WITH_TIMEOUT(firstActive.size(), 1, 5000);

    engine::ChannelSyncService second(d.service.settings, std::make_shared<secrets::EngineKeyring>(d.keyPath, false));
    second.setWorkerName(QStringLiteral("second"));
    second.setTickInterval(100);
    QSignalSpy secondActive(&second, &engine::ChannelSyncService::sourceActive);
    second.start();

    // Inbound messages arrive through whichever engine runs the source.
    rapidpro.inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), QStringLiteral("tel:+231770100001")},
                                            {QStringLiteral("text"), QStringLiteral("When is the training?")}}});
    const auto count = [&d](const char* statement) { return d.count(statement); };
    QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM mhero.message WHERE direction = 'in'"), 1, 5000);
    QCOMPARE(secondActive.size(), 0); // standing by

    // A reply is sent at once: the outbox notification wakes the engine.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(sqlState(d.agent->db(), QStringLiteral("SELECT mhero.reply(id, 'Monday at 9.') FROM mhero.conversation")),
             QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(rapidpro.sent().size(), 1, 3000);
    qInfo("reply handed to RapidPro %lld ms after it was committed", timer.elapsed());
    QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM mhero.outbox"), 0, 3000);

    // The first engine goes away (its session, and so its lock, ends); the second takes over.
    first.reset();
    QTRY_COMPARE_WITH_TIMEOUT(secondActive.size(), 1, 10'000);
    QCOMPARE(secondActive.first().at(0).toString(), QStringLiteral("rapidpro"));
    QCOMPARE(sqlState(d.agent->db(), QStringLiteral("SELECT mhero.reply(id, 'Bring your ID card.') FROM mhero.conversation")),
             QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(rapidpro.sent().size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM mhero.message WHERE direction = 'out' AND external_id IS NOT NULL"),
                              2, 3000);
    // Nothing was sent twice.
    QCOMPARE(rapidpro.sent().at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Monday at 9."));
    QCOMPARE(rapidpro.sent().at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Bring your ID card."));
}

void TestChannelSyncService::engineKeepsInboundMedia()
{
    // The running engine fetches a picture that came with an inbound message, unasked: its media
    // lane runs beside the polls.
    RapidProEmulator rapidpro;
    QVERIFY2(rapidpro.ok(), qPrintable(rapidpro.startError()));
    Deployment d;
    deploy(d, rapidpro.baseUrl());
    if (QTest::currentTestFailed())
        return;
    const QByteArray bytes("%PDF-1.4\n% the duty roster\n%%EOF\n");
    const QJsonObject uploaded
        = rapidpro.uploadMedia(bytes, QStringLiteral("application/pdf"), QStringLiteral("roster.pdf"));
    rapidpro.inbound(QJsonArray{
        QJsonObject{{QStringLiteral("urn"), QStringLiteral("tel:+231770100001")},
                    {QStringLiteral("text"), QStringLiteral("the roster")},
                    {QStringLiteral("attachments"),
                     QJsonArray{QJsonObject{{QStringLiteral("content_type"), QStringLiteral("application/pdf")},
                                            {QStringLiteral("url"), uploaded.value(QLatin1String("url"))}}}}}});
    engine::ChannelSyncService engine(d.service.settings,
                                         std::make_shared<secrets::EngineKeyring>(d.keyPath, false));
    engine.setTickInterval(100);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(d.count("SELECT count(*) FROM mhero.media WHERE state = 'stored'"), 1, 10'000);
    QCOMPARE(
        sql::scalar(d.owner->db(), QStringLiteral("SELECT bytes FROM mhero.media")).valueOr(QVariant()).toByteArray(),
        bytes);
}

void TestChannelSyncService::outboxSendsWhileAPollHangsOrLoops_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("messages endpoint never answers") << QStringLiteral("hang_get");
    QTest::newRow("next link points back at itself") << QStringLiteral("loop_next");
}

void TestChannelSyncService::outboxSendsWhileAPollHangsOrLoops()
{
    // A poll that never gets an answer, or walks a next link that never ends, used to hold the
    // source's only job slot: a queued reply never left. The outbox runs beside the polls, and a
    // looping next link ends the poll with a clear error at once.
    QFETCH(QString, fault);
    RapidProEmulator rapidpro;
    QVERIFY2(rapidpro.ok(), qPrintable(rapidpro.startError()));
    Deployment d;
    deploy(d, rapidpro.baseUrl());
    if (QTest::currentTestFailed())
        return;
    const auto count = [&d](const char* statement) { return d.count(statement); };

    const bool loop = fault == QLatin1String("loop_next");
    if (loop) // from the start: the first page is stored, then its next link is seen to loop
        QVERIFY(rapidpro.setFaults(QJsonObject{{fault, QJsonArray{QStringLiteral("messages")}}}));
    rapidpro.inbound(QJsonArray{QJsonObject{{QStringLiteral("urn"), QStringLiteral("tel:+231770100001")},
                                            {QStringLiteral("text"), QStringLiteral("Is the clinic open?")}}});
    engine::ChannelSyncService engine(d.service.settings, std::make_shared<secrets::EngineKeyring>(d.keyPath, false));
    engine.setWorkerName(QStringLiteral("engine"));
    engine.setTickInterval(100);
    QSignalSpy finished(&engine, &engine::ChannelSyncService::jobFinished);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM mhero.message WHERE direction = 'in'"), 1, 5000);

    if (loop) {
        const auto loopReported = [&] {
            for (const QList<QVariant>& job : std::as_const(finished))
                if (job.at(1).toString() == QLatin1String("inbound")
                    && job.at(2).toString().contains(QLatin1String("next link back to a page already read")))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(loopReported(), 5000);
    } else {
        // Every GET of messages now hangs: the inbound and status polls are stuck in it.
        QVERIFY(rapidpro.setFaults(QJsonObject{{fault, QJsonArray{QStringLiteral("messages")}}}));
        QStringList seen;
        QTRY_VERIFY2_WITH_TIMEOUT((seen += rapidpro.takeRequests()).contains(QStringLiteral("GET /api/v2/messages.json HANG")),
                                  qPrintable(seen.join(QLatin1String(", "))), 5000);
    }
    QCOMPARE(sqlState(d.agent->db(), QStringLiteral("SELECT mhero.reply(id, 'Yes, until 5.') FROM mhero.conversation")),
             QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(rapidpro.sent().size(), 1, 3000);
    QCOMPARE(rapidpro.sent().at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Yes, until 5."));
    QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM mhero.outbox"), 0, 3000);
    engine.stop();
}

QTEST_GUILESS_MAIN(TestChannelSyncService)
#include "tst_channelsyncservice.moc"
