#pragma once

#include "suggest/Lexicon.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace mhero::suggest {

/// What the ranker knows of one approved template version: everything it may match a question
/// against. Ids are those of the database (0 for a library read from a file).
struct Candidate
{
    qint64 templateId = 0;
    qint64 versionId = 0;
    QString name;
    QString category;
    QStringList tags;
    QMap<QString, QString> bodies; ///< language → body
    QStringList examples; ///< the version's example questions and the approved learnt ones
};

/// One ranked template.
struct Suggestion
{
    int index = -1; ///< into the candidates given to Ranker::setCandidates()
    double score = 0; ///< the raw ranking score (comparable within one question only)
    double confidence = 0; ///< estimated probability that this is the right answer, 0…1
    // What the confidence is computed from, for explaining a ranking (and fitting the curve):
    double coverage = 0; ///< share of the question's weight this template holds
    double exampleMatch = 0; ///< overlap with its best matching example question
    double matched = 0; ///< the weight held, in units of the rarest term's weight
};

struct Ranking
{
    QList<Suggestion> suggestions; ///< best first; never empty answers filtered out
    bool abstained = true; ///< the best one is below the threshold: suggest nothing, preselect nothing
};

/// Ranks approved templates for an inbound question (docs/suggestions.md). Words are folded,
/// mapped through the domain lexicon to concepts (so "pay", "salaire" and "allowance" meet),
/// stemmed with Snowball (English or French, whichever the text's stop words say), and words it
/// does not know are corrected to the nearest known word by edit distance, candidates found
/// through character trigrams. A template scores by the inverse-document-frequency weight of the
/// question's concepts it holds (name and tags, example questions, bodies, in decreasing weight)
/// and by its single best matching example question; the score becomes a confidence through a
/// logistic curve fitted on the labelled set, and the ranker abstains below a threshold.
///
/// Pure computation: no database, no network. Building is linear in the library; rank() takes
/// well under 5 ms over 1,000 templates (bench/suggest). Not safe to call from two threads on
/// one instance at once; build one per thread or guard it.
class Ranker final
{
public:
    /// The default abstention threshold on confidence, chosen on the labelled set (docs/performance.md).
    static constexpr double kDefaultThreshold = 0.7;

    explicit Ranker(const Lexicon& lexicon = Lexicon::builtin());
    ~Ranker();
    Ranker(const Ranker&) = delete;
    Ranker& operator=(const Ranker&) = delete;

    void setCandidates(QList<Candidate> candidates);
    [[nodiscard]] const QList<Candidate>& candidates() const { return m_candidates; }

    void setThreshold(double threshold) { m_threshold = threshold; }
    [[nodiscard]] double threshold() const { return m_threshold; }

    /// Every candidate that shares at least one concept with @p question, best first (at most
    /// @p limit; 0 for all).
    [[nodiscard]] Ranking rank(const QString& question, int limit = 0) const;

    /// The concepts and terms the ranker reads in @p text, for tests and for explaining a ranking.
    [[nodiscard]] QStringList analyse(const QString& text) const;

private:
    struct Impl;
    struct Analysis;
    [[nodiscard]] Analysis analyseText(const QString& text, bool correct) const;

    QList<Candidate> m_candidates;
    double m_threshold = kDefaultThreshold;
    std::unique_ptr<Impl> d;
};

} // namespace mhero::suggest
