// mhero-admin suggest-eval: how well the answer ranker does on a labelled question set, beside BM25.
#include "admin/commands/Command.h"

#include "suggest/Evaluation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace mhero::cli {

namespace {
Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), QStringLiteral("Cannot read %1").arg(path), file.errorString()};
    return file.readAll();
}

QJsonObject scoresJson(const suggest::Scores& scores)
{
    return {{QStringLiteral("top1"), scores.top1Rate()},
            {QStringLiteral("top3"), scores.top3Rate()},
            {QStringLiteral("abstain_correct"), scores.abstainCorrect}};
}

QString percent(double rate)
{
    return QString::number(rate * 100, 'f', 1) + QLatin1Char('%');
}

int suggestEval(CommandContext& c)
{
    const QString libraryPath = c.value(QStringLiteral("library"));
    const QString questionsPath = c.value(QStringLiteral("questions"));
    if (libraryPath.isEmpty() || questionsPath.isEmpty() || !c.word(1).isEmpty())
        return c.usage("Usage: mhero-admin suggest-eval --library LIBRARY.json --questions QUESTIONS.tsv [--json]\n"
                       "       [--threshold 0..1] [--details]\n");
    double threshold = suggest::Ranker::kDefaultThreshold;
    if (c.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        threshold = c.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || threshold < 0 || threshold > 1)
            return c.usage("--threshold takes a number from 0 to 1.\n");
    }
    auto libraryJson = readFile(libraryPath);
    if (!libraryJson)
        return c.fail(libraryJson.error());
    auto library = suggest::readLibrary(*libraryJson);
    if (!library)
        return c.fail(library.error());
    auto questionsTsv = readFile(questionsPath);
    if (!questionsTsv)
        return c.fail(questionsTsv.error());
    QStringList names;
    for (const suggest::Candidate& candidate : std::as_const(*library))
        names.append(candidate.name);
    auto questions = suggest::readQuestions(*questionsTsv, names);
    if (!questions)
        return c.fail(questions.error());

    const suggest::Evaluation result = suggest::evaluate(*library, *questions, threshold);
    const suggest::Scores& r = result.ranker;
    if (c.isSet(QStringLiteral("details"))) {
        for (const suggest::Outcome& outcome : result.outcomes) {
            const QString first = outcome.top.value(0);
            const bool right = outcome.labelled.expected.isEmpty()
                ? outcome.abstained
                : !outcome.abstained && first == outcome.labelled.expected;
            c.out << (right ? "ok   " : "MISS ") << QString::number(outcome.confidence, 'f', 2)
                  << (outcome.abstained ? " abstain " : " answer  ") << outcome.labelled.question << "\t"
                  << (outcome.labelled.expected.isEmpty() ? QStringLiteral("-") : outcome.labelled.expected) << "\t"
                  << outcome.top.join(QLatin1String(" | ")) << "\n";
        }
    }
    if (c.isSet(QStringLiteral("json"))) {
        QJsonObject root{
            {QStringLiteral("questions"), r.questions},       {QStringLiteral("top1"), r.top1Rate()},
            {QStringLiteral("top3"), r.top3Rate()},           {QStringLiteral("abstain_correct"), r.abstainCorrect},
            {QStringLiteral("out_of_scope"), r.outOfScope},   {QStringLiteral("ms_per_query"), r.msPerQuery},
            {QStringLiteral("bm25"), scoresJson(result.bm25)}};
        c.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << "\n";
        return kOk;
    }
    const suggest::Scores& b = result.bm25;
    c.out << "Library: " << library->size() << " templates. Questions: " << r.questions << " (" << r.inScope
          << " with an approved answer, " << r.outOfScope << " without). Threshold " << threshold << ".\n\n";
    c.out << QStringLiteral("%1 %2 %3\n")
                 .arg(QString(), -26)
                 .arg(QStringLiteral("ranker"), 10)
                 .arg(QStringLiteral("BM25"), 10);
    auto line = [&](const char* label, const QString& left, const QString& right) {
        c.out << QStringLiteral("%1 %2 %3\n").arg(QLatin1String(label), -26).arg(left, 10).arg(right, 10);
    };
    line("top-1", percent(r.top1Rate()), percent(b.top1Rate()));
    line("top-3 (strip or picker)", percent(r.top3Rate()), percent(b.top3Rate()));
    line("correct abstention", QStringLiteral("%1/%2").arg(r.abstainCorrect).arg(r.outOfScope),
         QStringLiteral("%1/%2").arg(b.abstainCorrect).arg(b.outOfScope));
    line("correct abstention rate", percent(r.abstainRate()), percent(b.abstainRate()));
    line("top-3 when answering", percent(r.answeredTop3Rate()), percent(b.answeredTop3Rate()));
    line("answerable, abstained", QString::number(r.abstainWrong), QString::number(b.abstainWrong));
    line("ms per query", QString::number(r.msPerQuery, 'f', 3), QString::number(b.msPerQuery, 'f', 3));
    return kOk;
}
} // namespace

CommandGroup suggestCommand()
{
    return {
        QLatin1StringView{
            "  suggest-eval --library LIBRARY.json --questions QUESTIONS.tsv [--json]\n"
            "                               Rank every labelled question against a template library\n"
            "                               (mhero-templates export) and print top-1, top-3, correct\n"
            "                               abstention and ms per query, beside plain BM25. No database.\n"},
        {QCommandLineOption(QStringLiteral("library"), QStringLiteral("suggest-eval: the template library."),
                            QStringLiteral("file")),
         QCommandLineOption(QStringLiteral("questions"),
                            QStringLiteral("suggest-eval: question<TAB>expected lines, after a header."),
                            QStringLiteral("file")),
         QCommandLineOption(QStringLiteral("json"), QStringLiteral("suggest-eval: print one JSON object.")),
         QCommandLineOption(QStringLiteral("details"), QStringLiteral("suggest-eval: print every question's outcome.")),
         QCommandLineOption(QStringLiteral("threshold"),
                            QStringLiteral("suggest-eval: the abstention threshold (confidence, 0..1)."),
                            QStringLiteral("value"))},
        {{QLatin1StringView("suggest-eval"), false, suggestEval}}};
}

} // namespace mhero::cli
