// How fast a message stored by the sync engine reaches the consoles: two "consoles" (two
// Database objects, each with its worker thread and connection, as the console has) LISTEN on
// mhero_conversation and mhero_message; the engine stores one inbound message at a time with
// mhero.ingest_inbound() into a database of 100,000 conversations. For each message it measures,
// on both consoles, the time from the engine's call to (a) the notification and (b) the
// conversation's queue line re-read through Database::run (what the list model then does).
//
//   bench_live_updates [--dir DIR] [--conversations N] [--messages N]
#include "BenchCluster.h"

#include "db/Connection.h"
#include "db/Database.h"
#include "db/Sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimer>

#include <array>
#include <vector>

using namespace mhero;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Benchmark cluster folder."),
                                       QStringLiteral("dir"), QStringLiteral("/tmp/mhero-bench"));
    const QCommandLineOption conversationsOption(QStringLiteral("conversations"),
                                                 QStringLiteral("Conversations already in the database."),
                                                 QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages to measure."),
                                            QStringLiteral("n"), QStringLiteral("300"));
    parser.addOptions({dirOption, conversationsOption, messagesOption});
    parser.process(app);
    QTextStream out(stdout);

    auto settings = bench::benchDatabase(parser.value(dirOption), QStringLiteral("mhero_live"), out);
    if (!settings) {
        out << settings.error().toString() << "\n";
        return 1;
    }
    auto engine = ScopedConnection::open(*settings, QStringLiteral("engine"));
    if (!engine) {
        out << engine.error().toString() << "\n";
        return 1;
    }
    QSqlDatabase& db = engine->db();
    const int conversations = parser.value(conversationsOption).toInt();
    auto existing = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.conversation"));
    if (!existing || existing->toInt() < conversations) {
        out << "seeding " << conversations << " conversations …\n";
        out.flush();
        const QString seed = QStringLiteral(R"sql(
            TRUNCATE mhero.message, mhero.conversation, mhero.channel_contact, mhero.contact_urn CASCADE;
            INSERT INTO mhero.source (name, kind, base_url) VALUES ('bench-rapidpro', 'rapidpro', 'http://rapidpro.invalid')
                ON CONFLICT (name) DO NOTHING;
            INSERT INTO mhero.contact_urn (urn) SELECT 'tel:+2317' || lpad(g::text, 8, '0') FROM generate_series(1, %1) g;
            INSERT INTO mhero.conversation (urn_id, channel_source_id, status, last_activity_at, resolved_at)
            SELECT u.id, s.id, CASE WHEN u.id % 3 = 0 THEN 'resolved' ELSE 'open' END,
                   now() - make_interval(mins => (u.id % 50000)::int),
                   CASE WHEN u.id % 3 = 0 THEN now() - make_interval(mins => (u.id % 50000)::int) END
              FROM mhero.contact_urn u, mhero.source s WHERE s.name = 'bench-rapidpro';
            INSERT INTO mhero.message (conversation_id, direction, text, source_id, external_id, status, created_at)
            SELECT c.id, 'in', 'hello ' || c.id, c.channel_source_id, 'seed-' || c.id, 'received', c.last_activity_at
              FROM mhero.conversation c;
            ANALYZE;)sql").arg(conversations);
        if (Status seeded = sql::execScript(db, seed.toUtf8()); !seeded) {
            out << seeded.error().toString() << "\n";
            return 1;
        }
    }
    const int sourceId = sql::scalar(db, QStringLiteral("SELECT id FROM mhero.source WHERE name = 'bench-rapidpro'")).valueOr(QVariant(0)).toInt();

    // Two consoles.
    std::array<std::unique_ptr<Database>, 2> consoles;
    for (auto& console : consoles) {
        console = std::make_unique<Database>();
        QEventLoop loop;
        QObject::connect(console.get(), &Database::opened, &loop, &QEventLoop::quit);
        console->open(*settings);
        loop.exec();
        console->listen(QStringLiteral("mhero_conversation"));
        console->listen(QStringLiteral("mhero_message"));
    }
    {
        QEventLoop settle; // let the LISTENs reach the server
        QTimer::singleShot(500, &settle, &QEventLoop::quit);
        settle.exec();
    }

    const int n = parser.value(messagesOption).toInt();
    std::array<std::vector<double>, 2> notified;
    std::array<std::vector<double>, 2> shown;
    std::vector<double> engineCall;
    QElapsedTimer clock;
    for (int i = 0; i < n; ++i) {
        const int person = 1 + int(QRandomGenerator::global()->bounded(conversations));
        const QString urn = QStringLiteral("tel:+2317%1").arg(person, 8, 10, QLatin1Char('0'));
        const QString payload = QStringLiteral(R"([{"external_id": "live-%1-%2", "urn": "%3", "text": "is the stock here?",
                                                   "created_at": "%4"}])")
                                    .arg(i).arg(QDateTime::currentMSecsSinceEpoch()).arg(urn)
                                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        std::array<bool, 2> gotNotification{false, false};
        std::array<bool, 2> gotRow{false, false};
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        std::vector<QMetaObject::Connection> connections;
        for (int k = 0; k < 2; ++k) {
            connections.push_back(QObject::connect(
                consoles[k].get(), &Database::notification, &loop, [&, k](const QString& channel, const QString& id) {
                    if (channel != QLatin1String("mhero_conversation") || gotNotification[k])
                        return;
                    gotNotification[k] = true;
                    notified[k].push_back(clock.nsecsElapsed() / 1e6);
                    consoles[k]->run(
                        &loop,
                        [id](QSqlDatabase& c) {
                            return sql::scalar(c, QStringLiteral("SELECT last_message_text FROM mhero.conversation WHERE id = ?"),
                                               {id.toLongLong()});
                        },
                        [&, k](const Result<QVariant>&) {
                            gotRow[k] = true;
                            shown[k].push_back(clock.nsecsElapsed() / 1e6);
                            if (gotRow[0] && gotRow[1])
                                loop.quit();
                        });
                }));
        }
        clock.start();
        auto added = sql::scalar(db, QStringLiteral("SELECT mhero.ingest_inbound(?, ?::jsonb)"), {sourceId, payload});
        engineCall.push_back(clock.nsecsElapsed() / 1e6);
        if (!added) {
            out << added.error().toString() << "\n";
            return 1;
        }
        timeout.start(5000);
        loop.exec();
        for (auto& c : connections)
            QObject::disconnect(c);
        if (!(gotRow[0] && gotRow[1])) {
            out << "message " << i << " did not reach both consoles within 5 s\n";
            return 1;
        }
    }
    const auto line = [&](const char* what, const std::vector<double>& v) {
        out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << "p50 " << QString::number(bench::percentile(v, 0.5), 'f', 2)
            << " ms   p95 " << QString::number(bench::percentile(v, 0.95), 'f', 2) << " ms   max "
            << QString::number(bench::percentile(v, 1.0), 'f', 2) << " ms\n";
    };
    out << "\n" << n << " inbound messages, one at a time, into " << conversations << " conversations\n";
    line("engine: ingest_inbound() committed", engineCall);
    line("console 1: notification received", notified[0]);
    line("console 2: notification received", notified[1]);
    line("console 1: queue line re-read", shown[0]);
    line("console 2: queue line re-read", shown[1]);
    return 0;
}
