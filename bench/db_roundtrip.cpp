// How long the GUI thread waits for nothing: the round trip of Database::run() (post to the
// worker thread, query PostgreSQL, answer back on the caller's event loop) against the raw time
// of the same query run synchronously on one connection.
//
//   bench_db_roundtrip [--local-dir DIR] [--queries N]
//
// Uses this computer's private cluster (mhero-admin local init), as its superuser.
#include "db/Connection.h"
#include "db/Database.h"
#include "db/LocalCluster.h"
#include "db/Sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace mhero;

namespace {
double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(p * double(values.size() - 1));
    return values.at(index);
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("local-dir"), QStringLiteral("Private cluster folder."),
                                       QStringLiteral("dir"), LocalCluster::defaultBaseDir());
    const QCommandLineOption countOption(QStringLiteral("queries"), QStringLiteral("Queries per series."),
                                         QStringLiteral("n"), QStringLiteral("2000"));
    parser.addOptions({dirOption, countOption});
    parser.process(app);
    QTextStream out(stdout);

    const LocalCluster cluster(parser.value(dirOption));
    if (Status started = cluster.start(); !started) {
        out << "cannot start the local cluster: " << started.error().toString() << "\n";
        return 1;
    }
    auto settings = cluster.superuserSettings(QStringLiteral("mhero"));
    if (!settings) {
        out << settings.error().toString() << "\n";
        return 1;
    }
    const int n = parser.value(countOption).toInt();
    const QString statement = QStringLiteral("SELECT count(*) FROM mhero.app_user WHERE active");

    // Raw: one connection, this thread.
    auto connection = ScopedConnection::open(*settings);
    if (!connection) {
        out << connection.error().toString() << "\n";
        return 1;
    }
    std::vector<double> raw;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto result = sql::scalar(connection->db(), statement);
        raw.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!result)
            return 1;
    }

    // Through Database::run and back through the event loop, as a page does.
    Database database;
    QEventLoop loop;
    QObject::connect(&database, &Database::opened, &loop, &QEventLoop::quit);
    database.open(*settings);
    loop.exec();
    std::vector<double> async;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer timer;
        timer.start();
        database.run(
            &app, [&statement](QSqlDatabase& db) { return sql::scalar(db, statement); },
            [&](const Result<QVariant>&) {
                async.push_back(double(timer.nsecsElapsed()) / 1e6);
                loop.quit();
            });
        loop.exec();
    }

    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(3);
    out << "queries per series: " << n << "\n";
    out << "raw synchronous query      p50 " << percentile(raw, 0.5) << " ms   p95 " << percentile(raw, 0.95)
        << " ms\n";
    out << "Database::run round trip   p50 " << percentile(async, 0.5) << " ms   p95 " << percentile(async, 0.95)
        << " ms\n";
    out << "overhead of the worker thread (p50 ratio): " << percentile(async, 0.5) / percentile(raw, 0.5) << "x\n";
    return 0;
}
