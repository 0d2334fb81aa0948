// Directory sync from a real FHIR server (Medplum's router, tests/support/fhir-server): a full
// sync of N Practitioners (with their roles) against the time merely to download the same pages,
// then the floor of any full sync on this machine (parse only; the same rows written by one
// statement per table), then an incremental sync after 100 changes.
//
//   bench_fhir_sync [--workers 100000] [--page-size 1000] [--dir /tmp/mhero-bench]
#include "BenchCluster.h"
#include "FhirTestServer.h"
#include "WorkforceGenerator.h"

#include "db/Connection.h"
#include "db/Sql.h"
#include "sources/fhir/FhirClient.h"
#include "sources/fhir/FhirPage.h"
#include "sources/fhir/FhirSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>

using namespace mhero;

namespace {
/// Follows the next links of a search, reading only what paging needs; returns pages, bytes.
/// The bodies are kept in @p bodies for the parse-only measurement.
std::pair<int, qint64> download(fhir::FhirClient& client, const QUrl& first, QList<QByteArray>& bodies)
{
    int pages = 0;
    qint64 bytes = 0;
    QUrl url = first;
    QEventLoop loop;
    while (!url.isEmpty()) {
        QUrl next;
        client.get(url, [&](Result<QByteArray> body) {
            if (body) {
                ++pages;
                bytes += body->size();
                bodies.append(*body);
                const QJsonArray links
                    = QJsonDocument::fromJson(*body).object().value(QStringLiteral("link")).toArray();
                for (const QJsonValue& l : links)
                    if (l.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                        next = QUrl(l.toObject().value(QStringLiteral("url")).toString());
            }
            loop.quit();
        });
        loop.exec();
        url = next;
    }
    return {pages, bytes};
}

/// The sync's own breakdown, longest first.
void printPhases(QTextStream& out, const sources::SyncReport& report)
{
    QList<std::pair<qint64, QString>> phases;
    for (auto it = report.phaseMicroseconds.cbegin(); it != report.phaseMicroseconds.cend(); ++it)
        phases.append({it.value(), it.key()});
    std::sort(phases.begin(), phases.end(), std::greater<>());
    for (const auto& [us, name] : std::as_const(phases))
        if (us >= 1000)
            out << "    " << qSetFieldWidth(9) << us / 1000.0 << qSetFieldWidth(0) << " ms  " << name << "\n";
    out.flush();
}

/// The database floor: the time to write what a full sync wrote, with none of the sync's own work
/// (no staging, no merge, no resolution, no per-page transactions) — each directory table copied
/// into an empty twin by one INSERT … SELECT (generated columns computed again, CHECKs checked),
/// then the twin's indexes built, then ANALYZE. No sync can write its rows faster than this.
/// Returns seconds, or a negative number on error.
double databaseFloor(QSqlDatabase& db, QTextStream& out)
{
    double total = 0;
    QElapsedTimer timer;
    for (const QString& table : {QStringLiteral("health_worker"), QStringLiteral("health_worker_phone"),
                                QStringLiteral("health_worker_role"), QStringLiteral("contact_urn")}) {
        const QString twin = QStringLiteral("bench_floor_") + table;
        const QString columns
            = sql::scalar(db,
                          QStringLiteral("SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) "
                                         "FROM information_schema.columns WHERE table_schema = 'mhero' "
                                         "AND table_name = $1 AND is_generated = 'NEVER'"),
                          {table})
                  .valueOr(QVariant())
                  .toString();
        auto indexes = sql::exec(db, QStringLiteral("SELECT indexname, indexdef FROM pg_indexes "
                                                    "WHERE schemaname = 'mhero' AND tablename = $1"),
                                 {table});
        if (columns.isEmpty() || !indexes) {
            out << "error: cannot read the columns or indexes of " << table << "\n";
            return -1;
        }
        QStringList createIndexes;
        while (indexes->next()) {
            QString def = indexes->value(1).toString();
            def.replace(QStringLiteral(" ON mhero.") + table + QLatin1Char(' '),
                        QStringLiteral(" ON mhero.") + twin + QLatin1Char(' '));
            def.replace(indexes->value(0).toString(), QStringLiteral("bf_") + indexes->value(0).toString().left(50));
            createIndexes.append(def);
        }
        const QStringList steps{
            QStringLiteral("DROP TABLE IF EXISTS mhero.%1").arg(twin),
            QStringLiteral("CREATE TABLE mhero.%1 (LIKE mhero.%2 INCLUDING DEFAULTS INCLUDING GENERATED "
                           "INCLUDING IDENTITY INCLUDING CONSTRAINTS)")
                .arg(twin, table),
        };
        for (const QString& step : steps)
            if (auto done = sql::exec(db, step); !done) {
                out << "error: " << done.error().toString() << "\n";
                return -1;
            }
        timer.restart();
        QStringList timed{QStringLiteral("INSERT INTO mhero.%1 (%2) OVERRIDING SYSTEM VALUE SELECT %2 FROM mhero.%3")
                              .arg(twin, columns, table)};
        timed += createIndexes;
        timed += QStringLiteral("ANALYZE mhero.%1").arg(twin);
        for (const QString& step : std::as_const(timed))
            if (auto done = sql::exec(db, step); !done) {
                out << "error: " << done.error().toString() << "\n";
                return -1;
            }
        const double seconds = timer.elapsed() / 1000.0;
        total += seconds;
        const int rows = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.%1").arg(twin))
                             .valueOr(QVariant(-1))
                             .toInt();
        out << "    " << qSetFieldWidth(9) << seconds * 1000 << qSetFieldWidth(0) << " ms  " << table << " ("
            << rows << " rows, " << createIndexes.size() << " indexes)\n";
        out.flush();
        (void)sql::exec(db, QStringLiteral("DROP TABLE mhero.%1").arg(twin)); // the next run drops it anyway
    }
    return total;
}

sources::SyncReport runSync(QSqlDatabase& db, const fhir::FhirSource& source)
{
    const auto job = fhir::createSync(db, source);
    sources::SyncReport report;
    QEventLoop loop;
    QObject::connect(job.get(), &sources::SourceAdapter::finished, &loop, [&](const sources::SyncReport& r) {
        report = r;
        loop.quit();
    });
    job->start();
    loop.exec();
    return report;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Practitioners."),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"), QStringLiteral("_count."), QStringLiteral("n"),
                                        QStringLiteral("1000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Benchmark cluster folder."),
                                       QStringLiteral("dir"), QDir::tempPath() + QStringLiteral("/mhero-bench"));
    parser.addOptions({workersOption, pageOption, dirOption});
    parser.process(app);
    QTextStream out(stdout);
    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(2);
    const int workers = parser.value(workersOption).toInt();
    const int pageSize = parser.value(pageOption).toInt();

    test::FhirTestServer server({QStringLiteral("--max-count"), QString::number(std::max(pageSize, 1000))});
    if (!server.ok()) {
        out << "error: " << server.startError() << "\n";
        return 1;
    }
    out << "seeding the FHIR server with " << workers << " Practitioners and their PractitionerRoles …\n";
    out.flush();
    QElapsedTimer timer;
    timer.start();
    bench::WorkforceGenerator generator;
    if (!server.post(bench::WorkforceGenerator::bundle(generator.referenceData()))) {
        out << "error: seeding failed\n";
        return 1;
    }
    for (int first = 0; first < workers; first += 2000) {
        QJsonArray resources;
        for (int i = first; i < std::min(workers, first + 2000); ++i) {
            resources.append(generator.practitioner(i));
            resources.append(generator.role(i));
        }
        if (!server.post(bench::WorkforceGenerator::bundle(resources))) {
            out << "error: seeding failed\n";
            return 1;
        }
    }
    out << "  seeded in " << timer.elapsed() / 1000.0 << " s\n";
    // The sync starts its role and deletion cursors 2 s before its first answer (clock margin):
    // let that margin pass, as it would on a registry not written to this very second.
    QThread::sleep(3);

    // 1. Download only: the pages a first sync reads, following next links.
    fhir::FhirClient client(server.baseUrl(), {});
    const QString count = QString::number(pageSize);
    timer.restart();
    int pages = 0;
    qint64 bytes = 0;
    QList<QByteArray> bodies;
    for (const auto& [type, extra] : std::initializer_list<std::pair<QString, QString>>{
             {QStringLiteral("Location"), QString()},
             {QStringLiteral("Organization"), QString()},
             {QStringLiteral("Practitioner"), QStringLiteral("PractitionerRole:practitioner")}}) {
        QUrlQuery query{{QStringLiteral("_sort"), QStringLiteral("_lastUpdated")}, {QStringLiteral("_count"), count}};
        if (!extra.isEmpty())
            query.addQueryItem(QStringLiteral("_revinclude"), extra);
        const auto [p, b] = download(client, client.searchUrl(type, query), bodies);
        pages += p;
        bytes += b;
    }
    const double downloadS = timer.elapsed() / 1000.0;
    out << "download only:   " << downloadS << " s (" << pages << " pages, " << bytes / (1024 * 1024) << " MB)\n";
    out.flush();

    // 1b. Parse only: the same bodies through fhir::parsePage on one thread, as the sync's reader does.
    fhir::ParseOptions parseOptions;
    parseOptions.defaultRegion = QStringLiteral("LR");
    parseOptions.kind = fhir::SourceKind::Ihris;
    timer.restart();
    qsizetype parsedPeople = 0;
    for (const QByteArray& body : std::as_const(bodies))
        if (auto page = fhir::parsePage(body, parseOptions))
            parsedPeople += page->people.size();
    const double parseS = timer.elapsed() / 1000.0;
    out << "parse only:      " << parseS << " s (" << parsedPeople << " people, one thread)\n";
    bodies.clear();
    out.flush();

    // 2. The full sync into an empty directory.
    auto settings = bench::benchDatabase(parser.value(dirOption),
                                         QStringLiteral("sync_%1").arg(QDateTime::currentSecsSinceEpoch()), out);
    if (!settings) {
        out << "error: " << settings.error().toString() << "\n";
        return 1;
    }
    auto connection = ScopedConnection::open(*settings);
    if (!connection) {
        out << "error: " << connection.error().toString() << "\n";
        return 1;
    }
    QSqlDatabase& db = connection->db();
    fhir::FhirSource source;
    source.name = QStringLiteral("ihris");
    source.baseUrl = server.baseUrl();
    source.kind = fhir::SourceKind::Ihris;
    source.region = QStringLiteral("LR");
    source.pageSize = pageSize;
    if (Status added = fhir::addFhirSource(db, source); !added) {
        out << "error: " << added.error().toString() << "\n";
        return 1;
    }
    source = fhir::loadFhirSources(db, source.name)->first();
    timer.restart();
    sources::SyncReport full = runSync(db, source);
    const double fullS = timer.elapsed() / 1000.0;
    if (full.error) {
        out << "error: " << full.error->toString() << "\n";
        return 1;
    }
    out << "full sync:       " << fullS << " s (" << full.pages << " pages, " << full.people << " people, "
        << full.roles << " roles, " << full.invalidPhones << " invalid numbers kept)\n";
    out << "full sync / download = " << fullS / downloadS << "x\n";
    printPhases(out, full);

    // 2b. The floor: how fast could any sync be, here? Download (the server's core), parse and the
    // bare database writes each need their time; on two cores they overlap at best two by two.
    out << "database floor (the rows of the full sync, written by one statement per table):\n";
    const double floorS = databaseFloor(db, out);
    if (floorS < 0)
        return 1;
    const double bound = std::max({downloadS, parseS, floorS, (downloadS + parseS + floorS) / 2});
    out << "database floor:  " << floorS << " s\n";
    out << "lower bound for any full sync here: max(download, parse, floor, (download + parse + floor) / 2) = "
        << bound << " s = " << bound / downloadS << "x download (target 1.30x)\n";
    out.flush();

    // 3. 100 practitioners change; an incremental sync.
    for (int i = 0; i < 100; ++i) {
        QJsonObject p = generator.practitioner(i * (workers / 100));
        p[QStringLiteral("active")] = false;
        server.put(p);
    }
    timer.restart();
    sources::SyncReport incremental = runSync(db, source);
    const double incS = timer.elapsed() / 1000.0;
    if (incremental.error) {
        out << "error: " << incremental.error->toString() << "\n";
        return 1;
    }
    out << "incremental sync of 100 changed Practitioners: " << incS * 1000 << " ms (" << incremental.pages
        << " pages, " << incremental.people << " people)\n";
    printPhases(out, incremental);
    const int inactive = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker WHERE NOT active"))
                             .valueOr(QVariant(-1))
                             .toInt();
    out << "inactive after the change: " << inactive << "\n";
    return 0;
}
