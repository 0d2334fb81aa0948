#include "suggest/Evaluation.h"

#include "suggest/Bm25.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mhero::suggest {

namespace {
QString tr(const char* text)
{
    // lupdate files a free function's strings under its namespace: look them up there.
    return QCoreApplication::translate("mhero::suggest", text);
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        if (item.isString())
            list.append(item.toString());
    return list;
}

template<typename Method>
Scores score(const Method& method, const QList<Candidate>& library, const QList<LabelledQuestion>& questions,
             QList<Outcome>* outcomes)
{
    Scores scores;
    QList<Ranking> rankings;
    rankings.reserve(questions.size());
    QElapsedTimer timer;
    timer.start();
    for (const LabelledQuestion& labelled : questions)
        rankings.append(method.rank(labelled.question, 3));
    scores.msPerQuery = questions.isEmpty() ? 0 : double(timer.nsecsElapsed()) / 1e6 / double(questions.size());
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const LabelledQuestion& labelled = questions.at(i);
        const Ranking& ranking = rankings.at(i);
        QStringList top;
        for (const Suggestion& suggestion : ranking.suggestions)
            top.append(library.at(suggestion.index).name);
        ++scores.questions;
        if (labelled.expected.isEmpty()) {
            ++scores.outOfScope;
            scores.abstainCorrect += ranking.abstained ? 1 : 0;
        } else {
            ++scores.inScope;
            const qsizetype at = top.indexOf(labelled.expected);
            scores.top3 += at >= 0 ? 1 : 0;
            if (ranking.abstained) {
                ++scores.abstainWrong;
            } else {
                scores.top1 += at == 0 ? 1 : 0;
                scores.answeredTop3 += at >= 0 ? 1 : 0;
            }
        }
        if (outcomes)
            outcomes->append({labelled, top, ranking.suggestions.isEmpty() ? 0 : ranking.suggestions.first().confidence,
                              ranking.abstained});
    }
    return scores;
}
} // namespace

Result<QList<Candidate>> readLibrary(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("bad-json"), tr("The library is not valid JSON: %1").arg(parseError.errorString()), {}};
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("mhero-templates")
        || !root.value(QStringLiteral("templates")).isArray())
        return Error{QStringLiteral("bad-format"),
                     tr("The library is not an mhero-templates export (\"format\": \"mhero-templates\" and a "
                        "\"templates\" list)."),
                     {}};
    QList<Candidate> candidates;
    const QJsonArray list = root.value(QStringLiteral("templates")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject item = list.at(i).toObject();
        Candidate candidate;
        candidate.name = item.value(QStringLiteral("name")).toString().trimmed();
        candidate.category = item.value(QStringLiteral("category")).toString();
        candidate.tags = strings(item.value(QStringLiteral("tags")));
        candidate.examples = strings(item.value(QStringLiteral("example_questions")));
        const QJsonObject bodies = item.value(QStringLiteral("bodies")).toObject();
        for (auto it = bodies.begin(); it != bodies.end(); ++it)
            if (it->isString() && !it->toString().trimmed().isEmpty())
                candidate.bodies.insert(it.key(), it->toString());
        if (candidate.name.isEmpty() || candidate.bodies.isEmpty())
            return Error{
                QStringLiteral("bad-format"), tr("Template %1 of the library has no name or no body.").arg(i + 1), {}};
        candidates.append(candidate);
    }
    return candidates;
}

Result<QList<LabelledQuestion>> readQuestions(const QByteArray& tsv, const QStringList& names)
{
    QList<LabelledQuestion> questions;
    const QList<QByteArray> lines = tsv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 1 is the header
        const QString line = QString::fromUtf8(lines.at(i)).remove(QLatin1Char('\r'));
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype tab = line.lastIndexOf(QLatin1Char('\t'));
        if (tab <= 0)
            return Error{
                QStringLiteral("bad-format"),
                tr("Line %1 of the questions has no tab between the question and the expected template.").arg(i + 1),
                line.left(80)};
        LabelledQuestion labelled{line.left(tab).trimmed(), line.mid(tab + 1).trimmed()};
        if (labelled.expected == QLatin1String("-"))
            labelled.expected.clear();
        else if (!names.contains(labelled.expected))
            return Error{QStringLiteral("bad-format"),
                         tr("Line %1 of the questions expects \"%2\", which the library does not have.")
                             .arg(i + 1)
                             .arg(labelled.expected),
                         {}};
        questions.append(labelled);
    }
    return questions;
}

Evaluation evaluate(const QList<Candidate>& library, const QList<LabelledQuestion>& questions, double threshold)
{
    Evaluation evaluation;
    Ranker ranker;
    ranker.setCandidates(library);
    ranker.setThreshold(threshold);
    evaluation.ranker = score(ranker, library, questions, &evaluation.outcomes);
    Bm25 bm25;
    bm25.setCandidates(library);
    evaluation.bm25 = score(bm25, library, questions, nullptr);
    return evaluation;
}

} // namespace mhero::suggest
