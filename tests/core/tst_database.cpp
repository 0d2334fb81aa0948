// The asynchronous Database: results come back on the caller's thread, a destroyed caller is
// skipped, a lost connection is noticed and re-established, notifications arrive.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "db/Notifications.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace mhero;
using namespace mhero::test;

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensAndRunsJobsOffTheCallersThread();
    void skipsCallbacksOfDestroyedContexts();
    void reportsWrongPasswordClearly();
    void reconnectsAfterTheSessionIsKilled();
    void forwardsNotifications();
    void jobsFailCleanlyWhenClosed();
    void notificationChannelsAreSentBySql();
    void transactionsRollBackUnlessCommitted();

private:
    QString m_db;
    TestUser m_user;
};

void TestDatabase::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto user = TestCluster::instance().createUser(m_db, UserKind::Agent);
    MHERO_VERIFY_OK(user);
    m_user = *user;
}

void TestDatabase::cleanupTestCase()
{
    TestCluster::instance().dropDatabase(m_db);
}

void TestDatabase::opensAndRunsJobsOffTheCallersThread()
{
    Database database;
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_user.settings);
    QCOMPARE(database.state(), ConnectionState::Connecting);
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(opened.first().first().value<Status>().ok());
    QCOMPARE(database.state(), ConnectionState::Connected);

    QThread* jobThread = nullptr;
    QThread* doneThread = nullptr;
    std::optional<Result<QString>> answer;
    database.run(
        this,
        [&jobThread](QSqlDatabase& db) -> Result<QString> {
            jobThread = QThread::currentThread();
            auto who = sql::scalar(db, QStringLiteral("SELECT session_user"));
            if (!who)
                return who.error();
            return who->toString();
        },
        [&](Result<QString> result) {
            doneThread = QThread::currentThread();
            answer = std::move(result);
        });
    QTRY_VERIFY(answer.has_value());
    MHERO_VERIFY_OK(*answer);
    QCOMPARE(answer->value(), m_user.name);
    QVERIFY(jobThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
}

void TestDatabase::skipsCallbacksOfDestroyedContexts()
{
    Database database;
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_user.settings);
    QTRY_COMPARE(opened.count(), 1);

    bool called = false;
    bool finished = false;
    auto* context = new QObject;
    database.run(
        context, [](QSqlDatabase& db) { return sql::scalar(db, QStringLiteral("SELECT pg_sleep(0.2)")); },
        [&called](const Result<QVariant>&) { called = true; });
    delete context; // e.g. the page that asked was closed while the query ran
    database.run(
        this, [](QSqlDatabase&) { return 1; }, [&finished](int) { finished = true; });
    QTRY_VERIFY(finished); // jobs run in order, so the first one is done too
    QVERIFY(!called);
}

void TestDatabase::reportsWrongPasswordClearly()
{
    Database database;
    QSignalSpy opened(&database, &Database::opened);
    ConnectionSettings wrong = m_user.settings;
    wrong.password = QStringLiteral("not-the-password");
    database.open(wrong);
    QTRY_COMPARE(opened.count(), 1);
    const Status status = opened.first().first().value<Status>();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, QStringLiteral("28P01"));
    QCOMPARE(status.error().message, QStringLiteral("Wrong user name or password."));
    QCOMPARE(database.state(), ConnectionState::Disconnected);
}

void TestDatabase::reconnectsAfterTheSessionIsKilled()
{
    Database database;
    database.setHealthCheckInterval(100);
    database.setReconnectDelay(50);
    QSignalSpy opened(&database, &Database::opened);
    QSignalSpy states(&database, &Database::stateChanged);
    QSignalSpy reconnected(&database, &Database::reconnected);
    database.open(m_user.settings);
    QTRY_COMPARE(opened.count(), 1);

    // An administrator (or a server restart) ends the session under the console's feet.
    auto admin = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(admin);
    auto killed = sql::scalar(admin->db(),
                              QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                             "WHERE usename = ?"),
                              {m_user.name});
    MHERO_VERIFY_OK(killed);
    QCOMPARE(killed->toInt(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(reconnected.count() == 1, 10000);
    QCOMPARE(database.state(), ConnectionState::Connected);
    bool sawReconnecting = false;
    for (const auto& change : std::as_const(states))
        sawReconnecting = sawReconnecting || change.first().value<ConnectionState>() == ConnectionState::Reconnecting;
    QVERIFY(sawReconnecting);

    // And the new session works.
    std::optional<Result<QVariant>> answer;
    database.run(
        this, [](QSqlDatabase& db) { return sql::scalar(db, QStringLiteral("SELECT 42")); },
        [&answer](Result<QVariant> r) { answer = std::move(r); });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->value().toInt(), 42);
}

void TestDatabase::forwardsNotifications()
{
    Database database;
    QSignalSpy opened(&database, &Database::opened);
    QSignalSpy notifications(&database, &Database::notification);
    database.listen(QStringLiteral("mhero_test"));
    database.open(m_user.settings);
    QTRY_COMPARE(opened.count(), 1);

    auto other = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(other);
    MHERO_VERIFY_OK(sql::exec(other->db(), QStringLiteral("SELECT pg_notify('mhero_test', '17,42')")));
    QTRY_COMPARE(notifications.count(), 1);
    QCOMPARE(notifications.first().at(0).toString(), QStringLiteral("mhero_test"));
    QCOMPARE(notifications.first().at(1).toString(), QStringLiteral("17,42"));
}

void TestDatabase::jobsFailCleanlyWhenClosed()
{
    Database database;
    std::optional<Result<QVariant>> answer;
    database.run(
        this, [](QSqlDatabase& db) { return sql::scalar(db, QStringLiteral("SELECT 1")); },
        [&answer](Result<QVariant> r) { answer = std::move(r); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->ok());
}

// Every channel the consoles and the engine listen on is one the schema's triggers notify (or, for
// the sync's progress, the engine's own statement in sources/SyncProgress.cpp): a renamed channel on
// one side only would leave consoles silently stale.
void TestDatabase::notificationChannelsAreSentBySql()
{
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    for (const QLatin1StringView channel : notify::kAll) {
        if (channel == notify::kSync)
            continue; // sent by SyncProgress::write with this very constant
        auto senders = sql::scalar(owner->db(),
                                   QStringLiteral("SELECT count(*) FROM pg_catalog.pg_proc "
                                                  "WHERE pronamespace = 'mhero'::regnamespace AND prosrc LIKE ?"),
                                   {QVariant(QStringLiteral("%pg_notify('") + channel + QStringLiteral("'%"))});
        MHERO_VERIFY_OK(senders);
        QVERIFY2(senders->toInt() > 0, qPrintable(QString(channel)));
    }
}

// sql::Transaction / sql::inTransaction: committed work stays, anything else is rolled back and
// leaves the connection usable (no transaction left open for the worker's next job).
void TestDatabase::transactionsRollBackUnlessCommitted()
{
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    QSqlDatabase& db = owner->db();
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("CREATE TEMP TABLE tx_probe (n int)")));
    const auto rows = [&db] { return sql::scalar(db, QStringLiteral("SELECT count(*) FROM tx_probe")).value().toInt(); };
    {
        auto transaction = sql::Transaction::begin(db);
        MHERO_VERIFY_OK(transaction);
        MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("INSERT INTO tx_probe VALUES (1)")));
    } // not committed
    QCOMPARE(rows(), 0);
    {
        auto transaction = sql::Transaction::begin(db);
        MHERO_VERIFY_OK(transaction);
        MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("INSERT INTO tx_probe VALUES (2)")));
        MHERO_VERIFY_OK(transaction->commit());
        QVERIFY(!transaction->commit().ok()); // once
    }
    QCOMPARE(rows(), 1);
    const Status failed = sql::inTransaction(db, [&db]() -> Status {
        if (auto inserted = sql::exec(db, QStringLiteral("INSERT INTO tx_probe VALUES (3)")); !inserted)
            return inserted.error();
        return sql::exec(db, QStringLiteral("SELECT 1/0")).ok() ? Status{} : Status{Error{QStringLiteral("x"), {}, {}}};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(rows(), 1);
    auto value = sql::inTransaction(db, [&db]() -> Result<int> {
        if (auto inserted = sql::exec(db, QStringLiteral("INSERT INTO tx_probe VALUES (4)")); !inserted)
            return inserted.error();
        return 42;
    });
    MHERO_VERIFY_OK(value);
    QCOMPARE(*value, 42);
    QCOMPARE(rows(), 2);
    // No transaction left open: SAVEPOINT is refused outside one (25P01).
    QCOMPARE(sqlState(db, QStringLiteral("SAVEPOINT probe")), QStringLiteral("25P01"));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
