// Where the engine keeps media: bytea columns (TOAST, stored out of line) or PostgreSQL large
// objects (pg_largeobject, read and written through lo_from_bytea / lo_get). Both are measured as
// mHero would use them — through Qt's QPSQL driver with a bound QByteArray, one statement per
// file, on one connection — for thumbnails (30 KB) and phone originals (3 MB), with bytes that do
// not compress (as JPEG, MP4 and OGG do not). It prints the write and read times per file
// (median, p95), the throughput and the space each takes on disk (docs/messaging.md, "Media").
//
//   bench_media_store [--dir DIR] [--small N] [--large N]
#include "BenchCluster.h"

#include "db/Connection.h"
#include "db/Sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <vector>

using namespace mhero;

namespace {

QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

struct Figures
{
    std::vector<double> writeMs;
    std::vector<double> readMs;
};

void print(QTextStream& out, const QString& what, qsizetype size, const Figures& f, qint64 diskBytes)
{
    const auto total = [](const std::vector<double>& v) {
        double sum = 0;
        for (double x : v)
            sum += x;
        return sum;
    };
    const double mb = double(size) * double(f.writeMs.size()) / (1024.0 * 1024.0);
    out << QStringLiteral("%1  %2 KB × %3\n").arg(what, -12).arg(size / 1024).arg(f.writeMs.size())
        << QStringLiteral("    write  median %1 ms  p95 %2 ms  %3 MB/s\n")
               .arg(bench::percentile(f.writeMs, 0.5), 0, 'f', 2)
               .arg(bench::percentile(f.writeMs, 0.95), 0, 'f', 2)
               .arg(mb / (total(f.writeMs) / 1000.0), 0, 'f', 1)
        << QStringLiteral("    read   median %1 ms  p95 %2 ms  %3 MB/s\n")
               .arg(bench::percentile(f.readMs, 0.5), 0, 'f', 2)
               .arg(bench::percentile(f.readMs, 0.95), 0, 'f', 2)
               .arg(mb / (total(f.readMs) / 1000.0), 0, 'f', 1)
        << QStringLiteral("    on disk %1 MB for %2 MB stored\n")
               .arg(double(diskBytes) / (1024 * 1024), 0, 'f', 1)
               .arg(mb, 0, 'f', 1);
    out.flush();
}

Result<qint64> scalarInt(QSqlDatabase& db, const QString& statement)
{
    auto v = sql::scalar(db, statement);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Benchmark cluster folder."),
                                       QStringLiteral("dir"), QStringLiteral("/tmp/mhero-bench"));
    const QCommandLineOption smallOption(QStringLiteral("small"), QStringLiteral("Thumbnails (30 KB) to store."),
                                         QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption largeOption(QStringLiteral("large"), QStringLiteral("Originals (3 MB) to store."),
                                         QStringLiteral("n"), QStringLiteral("40"));
    parser.addOptions({dirOption, smallOption, largeOption});
    parser.process(app);
    QTextStream out(stdout);

    auto settings = bench::benchDatabase(parser.value(dirOption), QStringLiteral("mhero_media"), out);
    if (!settings) {
        out << settings.error().toString() << "\n";
        return 1;
    }
    auto connection = ScopedConnection::open(*settings, QStringLiteral("bench"));
    if (!connection) {
        out << connection.error().toString() << "\n";
        return 1;
    }
    QSqlDatabase& db = connection->db();
    const Status prepared = sql::execScript(db, R"sql(
        DROP SCHEMA IF EXISTS bench_media CASCADE;
        SELECT lo_unlink(oid) FROM pg_largeobject_metadata;
        CREATE SCHEMA bench_media;
        CREATE TABLE bench_media.as_bytea (id integer PRIMARY KEY, bytes bytea NOT NULL);
        ALTER TABLE bench_media.as_bytea ALTER COLUMN bytes SET STORAGE EXTERNAL;
        CREATE TABLE bench_media.as_lo (id integer PRIMARY KEY, object oid NOT NULL);
    )sql");
    if (!prepared) {
        out << prepared.error().toString() << "\n";
        return 1;
    }

    const struct
    {
        qsizetype size;
        int count;
        int firstId;
    } runs[] = {{30 * 1024, parser.value(smallOption).toInt(), 1},
                {3 * 1024 * 1024, parser.value(largeOption).toInt(), 100'000}};
    for (const auto& run : runs) {
        Figures bytea;
        Figures lo;
        for (int i = 0; i < run.count; ++i) {
            const QByteArray bytes = noise(run.size, quint32(run.firstId + i));
            const int id = run.firstId + i;
            QElapsedTimer t;
            t.start();
            if (!sql::exec(db, QStringLiteral("INSERT INTO bench_media.as_bytea VALUES (?, ?)"), {id, bytes})) {
                out << "bytea insert failed\n";
                return 1;
            }
            bytea.writeMs.push_back(double(t.nsecsElapsed()) / 1e6);
            t.start();
            if (!sql::exec(db, QStringLiteral("INSERT INTO bench_media.as_lo VALUES (?, lo_from_bytea(0, ?))"),
                           {id, bytes})) {
                out << "large object insert failed\n";
                return 1;
            }
            lo.writeMs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        for (int i = 0; i < run.count; ++i) {
            const int id = run.firstId + i;
            QElapsedTimer t;
            t.start();
            auto a = sql::scalar(db, QStringLiteral("SELECT bytes FROM bench_media.as_bytea WHERE id = ?"), {id});
            bytea.readMs.push_back(double(t.nsecsElapsed()) / 1e6);
            t.start();
            auto b = sql::scalar(db, QStringLiteral("SELECT lo_get(object) FROM bench_media.as_lo WHERE id = ?"), {id});
            lo.readMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!a || !b || a->toByteArray().size() != run.size || a->toByteArray() != b->toByteArray()) {
                out << "read back something else\n";
                return 1;
            }
        }
        auto byteaDisk = scalarInt(db, QStringLiteral("SELECT pg_total_relation_size('bench_media.as_bytea')"));
        auto loDisk = scalarInt(db,
                                QStringLiteral("SELECT pg_total_relation_size('pg_largeobject') + "
                                               "pg_total_relation_size('bench_media.as_lo')"));
        print(out, QStringLiteral("bytea"), run.size, bytea, byteaDisk.valueOr(0));
        print(out, QStringLiteral("large object"), run.size, lo, loDisk.valueOr(0));
        // Each size on its own: what is on disk after the thumbnails is not counted again.
        (void)sql::execScript(db,
                              "TRUNCATE bench_media.as_bytea; SELECT lo_unlink(object) FROM bench_media.as_lo; "
                              "TRUNCATE bench_media.as_lo;");
        (void)sql::exec(db, QStringLiteral("VACUUM FULL pg_largeobject")); // not in a transaction
    }
    (void)sql::execScript(db, "DROP SCHEMA bench_media CASCADE;");
    return 0;
}
