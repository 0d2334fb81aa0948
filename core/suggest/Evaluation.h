#pragma once

#include "Result.h"
#include "suggest/Ranker.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mhero::suggest {

/// A template library in the `mhero-templates` export format (docs/templates.md), as candidates:
/// only the fields the ranker reads. Refuses a file that is not that format with a sentence
/// saying why, and entries without a name or without a body.
[[nodiscard]] Result<QList<Candidate>> readLibrary(const QByteArray& json);

/// A labelled question: what a health worker wrote and the name of the template that answers it,
/// or empty when no approved answer should be given (`-` in the file).
struct LabelledQuestion
{
    QString question;
    QString expected;
};

/// `question<TAB>expected` lines after a header line. Refuses a line without a tab, or one
/// expecting a template that @p names (the library) does not have, naming its line number.
[[nodiscard]] Result<QList<LabelledQuestion>> readQuestions(const QByteArray& tsv, const QStringList& names);

/// The figures `mhero-admin suggest-eval` prints for one method.
struct Scores
{
    int questions = 0;
    int inScope = 0;
    int top1 = 0; ///< in scope, answered (not abstained) and the first suggestion is right
    /// In scope and the right one among the first three the console offers: the strip's three
    /// when it answers; when it abstains, the picker's first three (ranked, nothing preselected).
    int top3 = 0;
    int answeredTop3 = 0; ///< in scope, answered, and the right one in the strip's three
    int outOfScope = 0;
    int abstainCorrect = 0; ///< out of scope and abstained
    int abstainWrong = 0; ///< in scope and abstained
    double msPerQuery = 0;

    [[nodiscard]] double top1Rate() const { return inScope ? double(top1) / inScope : 0; }
    [[nodiscard]] double top3Rate() const { return inScope ? double(top3) / inScope : 0; }
    [[nodiscard]] double answeredTop3Rate() const { return inScope ? double(answeredTop3) / inScope : 0; }
    [[nodiscard]] double abstainRate() const { return outOfScope ? double(abstainCorrect) / outOfScope : 0; }
};

/// One question's outcome, for --details.
struct Outcome
{
    LabelledQuestion labelled;
    QStringList top; ///< names of the first three
    double confidence = 0;
    bool abstained = true;
};

struct Evaluation
{
    Scores ranker;
    Scores bm25;
    QList<Outcome> outcomes; ///< the ranker's, in file order
};

/// Ranks every question with the ranker (at @p threshold) and with BM25 over the same library.
[[nodiscard]] Evaluation evaluate(const QList<Candidate>& library, const QList<LabelledQuestion>& questions,
                                  double threshold = Ranker::kDefaultThreshold);

} // namespace mhero::suggest
