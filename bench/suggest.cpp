// bench_suggest: ranking speed over 1,000 approved templates (docs/performance.md).
//
// The 33 templates of tests/data/suggest/library.json are copied into 1,000: each copy keeps the
// wording and gets its own name, tags and a distinguishing word in every example question, so the
// index holds 1,000 distinct documents and a common question touches dozens of them, as a real
// library with many near-duplicates would. Then every question of tests/data/suggest/questions.tsv
// is ranked, ten rounds; the program prints build time and ms per query (mean and 99th percentile).
//
//   bench_suggest [LIBRARY.json QUESTIONS.tsv [TEMPLATES]]
#include "suggest/Evaluation.h"
#include "suggest/Ranker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace mhero::suggest;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString libraryPath = args.value(1, QStringLiteral(MHERO_SOURCE_DIR "/tests/data/suggest/library.json"));
    const QString questionsPath = args.value(2, QStringLiteral(MHERO_SOURCE_DIR "/tests/data/suggest/questions.tsv"));
    const int size = args.value(3, QStringLiteral("1000")).toInt();
    QTextStream out(stdout);

    QFile libraryFile(libraryPath);
    QFile questionsFile(questionsPath);
    if (!libraryFile.open(QIODevice::ReadOnly) || !questionsFile.open(QIODevice::ReadOnly)) {
        out << "cannot read " << libraryPath << " or " << questionsPath << "\n";
        return 1;
    }
    const auto library = readLibrary(libraryFile.readAll());
    if (!library) {
        out << library.error().toString() << "\n";
        return 1;
    }
    QStringList names;
    for (const Candidate& candidate : *library)
        names.append(candidate.name);
    const auto questions = readQuestions(questionsFile.readAll(), names);
    if (!questions) {
        out << questions.error().toString() << "\n";
        return 1;
    }

    QList<Candidate> large;
    for (int i = 0; i < size; ++i) {
        Candidate copy = library->at(i % library->size());
        const QString mark = QStringLiteral("district%1").arg(i);
        copy.name += QStringLiteral(" (%1)").arg(i);
        copy.tags.append(mark);
        for (QString& example : copy.examples)
            example += QLatin1Char(' ') + mark;
        copy.templateId = i + 1;
        large.append(copy);
    }

    Ranker ranker;
    QElapsedTimer timer;
    timer.start();
    ranker.setCandidates(large);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;

    QList<double> times;
    int answered = 0;
    for (int round = 0; round < 10; ++round)
        for (const LabelledQuestion& labelled : *questions) {
            timer.restart();
            const Ranking ranking = ranker.rank(labelled.question, 3);
            times.append(double(timer.nsecsElapsed()) / 1e6);
            answered += ranking.abstained ? 0 : 1;
        }
    std::sort(times.begin(), times.end());
    double total = 0;
    for (double t : times)
        total += t;
    out << "templates: " << large.size() << ", index built in " << QString::number(buildMs, 'f', 1) << " ms\n"
        << "queries: " << times.size() << " (" << answered << " answered)\n"
        << "ms per query: mean " << QString::number(total / times.size(), 'f', 3) << ", p99 "
        << QString::number(times.at(qsizetype(times.size() * 0.99)), 'f', 3) << ", max "
        << QString::number(times.last(), 'f', 3) << "\n";
    return 0;
}
