// Directory search at national scale: end-to-end time from a query to rows in the model (the
// DirectoryModel the page uses: worker thread, SQL, answer back on the event loop) against the
// raw time of the same SQL run synchronously, for the kinds of queries agents type.
//
//   bench_directory_search [--workers 1000000] [--rounds 20] [--dir /tmp/mhero-bench]
//
// The first run loads the synthetic workforce through the real ingest path (FHIR JSON → parse →
// COPY → merge → resolve); later runs reuse it.
#include "BenchCluster.h"
#include "WorkforceGenerator.h"

#include "db/Connection.h"
#include "db/Database.h"
#include "db/Sql.h"
#include "directory/DirectoryModel.h"
#include "directory/DirectorySearch.h"
#include "sources/DirectoryStore.h"
#include "sources/fhir/FhirPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <vector>

using namespace mhero;

namespace {
Status load(QSqlDatabase& db, int workers, QTextStream& out)
{
    auto source = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, config) VALUES "
                                             "('bench', 'file', '{\"region\":\"LR\"}') ON CONFLICT (name) DO "
                                             "UPDATE SET enabled = true RETURNING id"));
    if (!source)
        return source.error();
    const int sourceId = source->toInt();
    bench::WorkforceGenerator generator;
    sources::DirectoryStore store(db);
    fhir::ParseOptions options;
    options.defaultRegion = QStringLiteral("LR");
    options.kind = fhir::SourceKind::Ihris;
    QElapsedTimer timer;
    timer.start();
    constexpr int kChunk = 10'000;
    qint64 generateMs = 0, parseMs = 0, applyMs = 0;
    for (int first = 0; first < workers; first += kChunk) {
        QElapsedTimer step;
        step.start();
        QJsonArray resources = first == 0 ? generator.referenceData() : QJsonArray();
        for (int i = first; i < std::min(workers, first + kChunk); ++i) {
            resources.append(generator.practitioner(i));
            resources.append(generator.role(i));
        }
        const QByteArray json
            = QJsonDocument(bench::WorkforceGenerator::bundle(resources, QStringLiteral("collection")))
                  .toJson(QJsonDocument::Compact);
        generateMs += step.restart();
        auto page = fhir::parsePage(json, options);
        if (!page)
            return page.error();
        parseMs += step.restart();
        auto applied = store.apply(sourceId, *page, {}, std::nullopt);
        applyMs += step.restart();
        if (!applied)
            return applied.error();
        if ((first / kChunk) % 10 == 9) {
            out << "  " << first + kChunk << " loaded, " << int((first + kChunk) / (timer.elapsed() / 1000.0 + 1e-9))
                << " per second\n";
            out.flush();
        }
    }
    out << "  generating JSON " << generateMs / 1000.0 << " s, parsing " << parseMs / 1000.0 << " s, writing "
        << applyMs / 1000.0 << " s\n";
    if (Status s = store.refreshFacets(); !s)
        return s;
    return sql::execScript(db, "ANALYZE mhero.health_worker; ANALYZE mhero.health_worker_phone;");
}

struct Case
{
    QString label;
    directory::SearchFilter filter;
};
} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Health workers."),
                                           QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Runs of each query."),
                                          QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Benchmark cluster folder."),
                                       QStringLiteral("dir"), QDir::tempPath() + QStringLiteral("/mhero-bench"));
    const QCommandLineOption slowestOption(QStringLiteral("slowest"),
                                           QStringLiteral("Also list the n slowest searches end to end."),
                                           QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption rawFirstOption(
        QStringLiteral("raw-first"),
        QStringLiteral("Time the raw SQL before the end-to-end search of each query (default: after)."));
    const QCommandLineOption separatePassesOption(
        QStringLiteral("separate-passes"),
        QStringLiteral("Time every query end to end, then every query raw, in each round (default: each query "
                       "end to end then raw)."));
    parser.addOptions({workersOption, roundsOption, dirOption, slowestOption, rawFirstOption, separatePassesOption});
    parser.process(app);
    const bool rawFirst = parser.isSet(rawFirstOption);
    const bool separatePasses = parser.isSet(separatePassesOption);
    QTextStream out(stdout);
    const int workers = parser.value(workersOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();

    auto settings = bench::benchDatabase(parser.value(dirOption), QStringLiteral("directory_%1").arg(workers), out);
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
    const int present
        = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")).valueOr(QVariant(0)).toInt();
    if (present < workers) {
        out << "loading " << workers << " synthetic health workers (once) …\n";
        out.flush();
        QElapsedTimer timer;
        timer.start();
        if (Status s = load(db, workers, out); !s) {
            out << "error: " << s.error().toString() << "\n";
            return 1;
        }
        out << "loaded in " << timer.elapsed() / 1000 << " s (" << int(workers / (timer.elapsed() / 1000.0))
            << " workers per second through parse + COPY + merge + resolve)\n";
    }

    const bench::WorkforceGenerator sample;
    std::vector<Case> cases;
    const auto add = [&](const QString& label, const QString& text, auto&& tweak) {
        for (int v = 0; v < 4; ++v) {
            Case c{label, {}};
            c.filter.text = text.isEmpty() ? QString() : text;
            c.filter.status = directory::SearchFilter::Status::Any;
            tweak(c.filter, v);
            cases.push_back(c);
        }
    };
    const auto none = [](directory::SearchFilter&, int) {};
    add(QStringLiteral("family name"), {}, [&](auto& f, int v) { f.text = sample.sampleFamilyName(v * 3 + 1); });
    add(QStringLiteral("given + family"), {}, [&](auto& f, int v) {
        f.text = sample.sampleGivenName(v * 3 + 1) + QLatin1Char(' ') + sample.sampleFamilyName(v * 3 + 1);
    });
    add(QStringLiteral("partial name (4 letters)"), {},
        [&](auto& f, int v) { f.text = sample.sampleFamilyName(v * 5 + 2).left(4); });
    add(QStringLiteral("typo (letter dropped)"), {}, [&](auto& f, int v) {
        QString name = sample.sampleGivenName(v + 2) + QLatin1Char(' ') + sample.sampleFamilyName(v + 3);
        f.text = name.remove(name.size() - 3, 1);
    });
    add(QStringLiteral("no accents typed"), QStringLiteral("zoe nguessan"), none);
    add(QStringLiteral("phone, local format"), {},
        [&](auto& f, int v) { f.text = sample.localPhone(v * 123'457 % workers); });
    add(QStringLiteral("phone, partial"), {},
        [&](auto& f, int v) { f.text = sample.localPhone(v * 98'765 % workers).left(7); });
    add(QStringLiteral("identifier"), {}, [&](auto& f, int v) {
        f.text = QStringLiteral("LR-HW-%1").arg(v * 77'777 % workers, 7, 10, QLatin1Char('0'));
    });
    add(QStringLiteral("facility name"), {}, [&](auto& f, int v) { f.text = sample.sampleFacility(v); });
    add(QStringLiteral("name + district filter"), {}, [&](auto& f, int v) {
        f.text = sample.sampleFamilyName(v * 2);
        f.district = sample.sampleDistrict(v);
    });
    add(QStringLiteral("cadre filter only"), {}, [](auto& f, int v) {
        static const char* const cadres[] = {"Nurse", "Midwife", "Pharmacy", "Community Health"};
        f.cadre = QString::fromLatin1(cadres[v]);
    });
    add(QStringLiteral("two letters"), {}, [&](auto& f, int v) { f.text = sample.sampleFamilyName(v).left(2); });

    // End to end: the page's model on the database thread.
    Database database;
    QEventLoop loop;
    QObject::connect(&database, &Database::opened, &loop, &QEventLoop::quit);
    database.open(*settings);
    loop.exec();
    ui::DirectoryModel model(database);
    QObject::connect(&model, &ui::DirectoryModel::pageLoaded, &loop, &QEventLoop::quit);
    QObject::connect(&model, &ui::DirectoryModel::errorOccurred, &loop, [&](const QString& m) {
        out << "error: " << m << "\n";
        loop.quit();
    });

    std::map<QString, std::vector<double>> e2e;
    std::map<QString, std::vector<double>> raw;
    std::vector<double> allE2e, allRaw;
    std::map<QString, int> rows;
    struct Timed
    {
        double e2e = 0, raw = 0;
        QString label, text;
    };
    std::vector<Timed> timed;
    QElapsedTimer timer;
    const auto endToEndMs = [&](const Case& c) {
        timer.start();
        model.setFilter(c.filter);
        loop.exec();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    // Raw: the same statements (directory::search, as the model's job runs them), synchronously
    // on this thread's own connection.
    const auto rawSqlMs = [&](const Case& c) {
        timer.start();
        auto first = directory::search(db, c.filter, std::nullopt, 100);
        if (first && first->next && first->next->phase == 1)
            (void)directory::search(db, c.filter, first->next, 100);
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const auto record = [&](int round, const Case& c, double endToEnd, double rawMs) {
        if (round < 0)
            return;
        e2e[c.label].push_back(endToEnd);
        raw[c.label].push_back(rawMs);
        allE2e.push_back(endToEnd);
        allRaw.push_back(rawMs);
        timed.push_back({endToEnd, rawMs, c.label, c.filter.text});
        rows[c.label] = model.rowCount();
    };
    for (int round = -1; round < rounds; ++round) { // round -1 warms the caches
        if (separatePasses) {
            // Every query end to end, then every query raw: each finds the buffers as the 47
            // other queries left them, as a new search does.
            std::vector<double> endToEnd;
            for (const Case& c : cases)
                endToEnd.push_back(endToEndMs(c));
            for (size_t i = 0; i < cases.size(); ++i)
                record(round, cases[i], endToEnd[i], rawSqlMs(cases[i]));
            continue;
        }
        for (const Case& c : cases) {
            // Whichever runs second finds the pages the first one read still in the buffers.
            const double rawFirstMs = rawFirst ? rawSqlMs(c) : 0;
            const double endToEnd = endToEndMs(c);
            const double rawMs = rawFirst ? rawFirstMs : rawSqlMs(c);
            record(round, c, endToEnd, rawMs);
        }
    }

    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(1);
    out << "\n" << workers << " health workers, " << rounds << " rounds × " << cases.size() << " queries\n\n";
    out << qSetFieldWidth(28) << Qt::left << "query" << qSetFieldWidth(0)
        << "   end-to-end p50/p95 ms   raw SQL p50/p95 ms   ratio p50/p95\n";
    for (const auto& [label, values] : e2e) {
        const double e50 = bench::percentile(values, 0.5), e95 = bench::percentile(values, 0.95);
        const double r50 = bench::percentile(raw[label], 0.5), r95 = bench::percentile(raw[label], 0.95);
        out << qSetFieldWidth(28) << Qt::left << label << qSetFieldWidth(0) << "   " << qSetFieldWidth(8) << Qt::right
            << e50 << qSetFieldWidth(0) << " / " << qSetFieldWidth(6) << e95 << qSetFieldWidth(0) << "         "
            << qSetFieldWidth(6) << r50 << qSetFieldWidth(0) << " / " << qSetFieldWidth(6) << r95 << qSetFieldWidth(0)
            << "       " << QString::number(e50 / r50, 'f', 2) << " / " << QString::number(e95 / r95, 'f', 2) << "\n";
    }
    const double e50 = bench::percentile(allE2e, 0.5), e95 = bench::percentile(allE2e, 0.95);
    const double r50 = bench::percentile(allRaw, 0.5), r95 = bench::percentile(allRaw, 0.95);
    out << "\nALL queries: end-to-end p50 " << e50 << " ms, p95 " << e95 << " ms; raw SQL p50 " << r50 << " ms, p95 "
        << r95 << " ms; ratio p50 " << QString::number(e50 / r50, 'f', 2) << ", p95 "
        << QString::number(e95 / r95, 'f', 2) << "\n";
    const auto slowest = std::min<size_t>(parser.value(slowestOption).toUInt(), timed.size());
    if (slowest > 0) {
        std::partial_sort(timed.begin(), timed.begin() + std::ptrdiff_t(slowest), timed.end(),
                          [](const Timed& a, const Timed& b) { return a.e2e > b.e2e; });
        out << "\nslowest end to end (ms, end to end / raw):\n";
        for (size_t i = 0; i < slowest; ++i)
            out << "  " << timed[i].e2e << " / " << timed[i].raw << "  " << timed[i].label << ": \"" << timed[i].text
                << "\"\n";
    }
    return 0;
}
