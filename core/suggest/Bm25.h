#pragma once

#include "suggest/Ranker.h"

namespace mhero::suggest {

/// Plain Okapi BM25 (k1 1.2, b 0.75) over each template as one document (name, tags, category,
/// bodies, example questions), words folded but neither stemmed, mapped nor corrected. It is the
/// baseline `mhero-admin suggest-eval` prints beside the ranker, so a change to the ranker is
/// judged against the obvious method rather than in a vacuum.
class Bm25 final
{
public:
    /// Abstains when the best score is below this share of the best score the question could
    /// get (every word of it in a document of average length, each once); chosen on the labelled
    /// set as BM25's best compromise (docs/performance.md).
    static constexpr double kDefaultThreshold = 0.45;

    void setCandidates(const QList<Candidate>& candidates);
    void setThreshold(double threshold) { m_threshold = threshold; }
    [[nodiscard]] Ranking rank(const QString& question, int limit = 0) const;

private:
    QList<QHash<QString, int>> m_documents;
    QList<int> m_lengths;
    QHash<QString, int> m_documentFrequency;
    double m_averageLength = 1;
    double m_threshold = kDefaultThreshold;
};

} // namespace mhero::suggest
