#include "suggest/Bm25.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace mhero::suggest {

namespace {
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

QStringList words(const QString& text)
{
    return fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

void Bm25::setCandidates(const QList<Candidate>& candidates)
{
    m_documents.clear();
    m_lengths.clear();
    m_documentFrequency.clear();
    qint64 total = 0;
    for (const Candidate& candidate : candidates) {
        QStringList text{candidate.name, candidate.category, candidate.tags.join(QLatin1Char(' '))};
        text += candidate.bodies.values();
        text += candidate.examples;
        QHash<QString, int> counts;
        const QStringList all = words(text.join(QLatin1Char(' ')));
        for (const QString& word : all)
            ++counts[word];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            ++m_documentFrequency[it.key()];
        m_documents.append(counts);
        m_lengths.append(static_cast<int>(all.size()));
        total += all.size();
    }
    m_averageLength = m_documents.isEmpty() ? 1 : static_cast<double>(total) / static_cast<double>(m_documents.size());
}

Ranking Bm25::rank(const QString& question, int limit) const
{
    Ranking ranking;
    const double n = static_cast<double>(m_documents.size());
    const QStringList asked = words(question);
    const QSet<QString> terms(asked.cbegin(), asked.cend());
    double ceiling = 0;
    QList<Suggestion> all;
    QHash<QString, double> idf;
    for (const QString& term : terms) {
        const double df = m_documentFrequency.value(term);
        idf.insert(term, std::log((n - df + 0.5) / (df + 0.5) + 1));
        ceiling += idf.value(term); // one occurrence in a document of average length scores idf exactly
    }
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        double score = 0;
        const double norm = kK1 * (1 - kB + kB * m_lengths.at(i) / m_averageLength);
        for (const QString& term : terms) {
            const int tf = m_documents.at(i).value(term);
            if (tf > 0)
                score += idf.value(term) * tf * (kK1 + 1) / (tf + norm);
        }
        if (score > 0)
            all.append({static_cast<int>(i), score, ceiling > 0 ? std::min(1.0, score / ceiling) : 0});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    if (limit > 0 && all.size() > limit)
        all.resize(limit);
    ranking.suggestions = std::move(all);
    ranking.abstained = ranking.suggestions.isEmpty() || ranking.suggestions.first().confidence < m_threshold;
    return ranking;
}

} // namespace mhero::suggest
