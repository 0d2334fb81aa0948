#include "suggest/Ranker.h"

#include <libstemmer.h>

#include <QSet>

#include <algorithm>
#include <cmath>

namespace mhero::suggest {

namespace {

// Field weights: what a supervisor wrote to describe the template (name, tags, category) and the
// questions it answers say more about it than its wording, which mentions much in passing (an
// Ebola alert names diarrhoea among the signs).
constexpr double kNameWeight = 1.0;
constexpr double kExampleWeight = 1.0;
constexpr double kBodyWeight = 0.35;
// How much one best-matching example question adds to the meaning coverage.
constexpr double kExampleBonus = 0.5;
// The weight of a question word found nowhere (not in the lexicon, not in any template, not within
// typing distance of a known word), relative to the rarest known term: it dilutes the coverage,
// so "the generator has no fuel" is not answered by the stock-out template, but less than a known
// word would, since long messages carry many words beside the question.
constexpr double kUnknownShare = 0.6;
// The logistic curve from the score of the best template and its lead over the next one to a
// probability, fitted on tests/data/suggest (docs/suggestions.md).
constexpr double kCurveBias = -2.76;
constexpr double kCurveCoverage = 1.7;
constexpr double kCurveExample = 4.15;
constexpr double kCurveMatched = 1.27;
constexpr double kCurveMargin = 1.65;

enum class Language { English, French };

/// Snowball stemmers, one per thread: sb_stemmer keeps state between calls.
class Stemmers final
{
public:
    Stemmers()
        : m_english(sb_stemmer_new("english", "UTF_8"))
        , m_french(sb_stemmer_new("french", "UTF_8"))
    { }
    ~Stemmers()
    {
        sb_stemmer_delete(m_english);
        sb_stemmer_delete(m_french);
    }
    Stemmers(const Stemmers&) = delete;
    Stemmers& operator=(const Stemmers&) = delete;

    QString stem(const QString& word, Language language) const
    {
        sb_stemmer* stemmer = language == Language::French ? m_french : m_english;
        if (!stemmer)
            return word;
        const QByteArray utf8 = word.toUtf8();
        const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(utf8.constData()),
                                               static_cast<int>(utf8.size()));
        if (!out)
            return word;
        return QString::fromUtf8(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer));
    }

private:
    sb_stemmer* m_english;
    sb_stemmer* m_french;
};

const Stemmers& stemmers()
{
    thread_local const Stemmers instance;
    return instance;
}

Language guessLanguage(const QStringList& words)
{
    static const QSet<QString> french{
        QStringLiteral("le"),   QStringLiteral("la"),   QStringLiteral("les"),  QStringLiteral("de"),
        QStringLiteral("des"),  QStringLiteral("du"),   QStringLiteral("je"),   QStringLiteral("est"),
        QStringLiteral("pas"),  QStringLiteral("mon"),  QStringLiteral("ma"),   QStringLiteral("mes"),
        QStringLiteral("nous"), QStringLiteral("vous"), QStringLiteral("une"),  QStringLiteral("un"),
        QStringLiteral("et"),   QStringLiteral("pour"), QStringLiteral("que"),  QStringLiteral("quand"),
        QStringLiteral("au"),   QStringLiteral("aux"),  QStringLiteral("dans"), QStringLiteral("sur"),
        QStringLiteral("avec"), QStringLiteral("il"),   QStringLiteral("on")};
    static const QSet<QString> english{QStringLiteral("the"),  QStringLiteral("is"),   QStringLiteral("my"),
                                       QStringLiteral("we"),   QStringLiteral("to"),   QStringLiteral("of"),
                                       QStringLiteral("and"),  QStringLiteral("for"),  QStringLiteral("i"),
                                       QStringLiteral("not"),  QStringLiteral("what"), QStringLiteral("how"),
                                       QStringLiteral("when"), QStringLiteral("our"),  QStringLiteral("with"),
                                       QStringLiteral("in"),   QStringLiteral("it"),   QStringLiteral("have"),
                                       QStringLiteral("a"),    QStringLiteral("are"),  QStringLiteral("you")};
    int fr = 0;
    int en = 0;
    for (const QString& word : words) {
        fr += french.contains(word) ? 1 : 0;
        en += english.contains(word) ? 1 : 0;
    }
    return fr > en ? Language::French : Language::English;
}

Language otherLanguage(Language language)
{
    return language == Language::French ? Language::English : Language::French;
}

bool allDigits(const QString& word)
{
    return std::all_of(word.cbegin(), word.cend(), [](QChar ch) { return ch.isDigit(); });
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early
/// once it exceeds @p limit.
int editDistance(const QString& a, const QString& b, int limit)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    std::vector<int> previous2(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int rowMin = current[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, previous2[j - 2] + 1);
            current[j] = value;
            rowMin = std::min(rowMin, value);
        }
        if (rowMin > limit)
            return limit + 1;
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

QStringList trigrams(const QString& word)
{
    const QString padded = QLatin1Char('^') + word + QLatin1Char('$');
    QStringList grams;
    for (qsizetype i = 0; i + 3 <= padded.size(); ++i)
        grams.append(padded.mid(i, 3));
    return grams;
}

int allowedTypos(const QString& word)
{
    if (word.size() < 5)
        return 0; // "tb", "ors", "rent": too short to guess a typo of ("rent" is one letter from "sent")
    return word.size() < 9 ? 1 : 2;
}

} // namespace

struct Ranker::Analysis
{
    QList<int> known; ///< term ids, each once
    int unknown = 0; ///< words found nowhere
};

struct Ranker::Impl
{
    Lexicon lexicon;
    /// Lexicon single-word variants by their English and French stems, so "renewing" finds "renew".
    QHash<QString, QStringList> stemmedVariants;

    QHash<QString, int> termIds;
    QList<double> idf;
    double maxIdf = 1;

    struct Indexed
    {
        QHash<int, double> weights; ///< term → the weight of the strongest field holding it
        QList<QList<int>> examples; ///< each example question's terms
    };
    QList<Indexed> indexed;
    QHash<int, QList<int>> postings; ///< term → candidates

    /// Every known word (lexicon variants, template words) → what it stands for, for typos.
    QList<QString> surfaces;
    QList<QStringList> surfaceTerms; ///< empty: a stop word
    QHash<QString, int> surfaceIndex;
    QHash<QString, QList<int>> trigramIndex;

    void addSurface(const QString& word, const QStringList& terms)
    {
        if (surfaceIndex.contains(word) || word.size() < 4 || allDigits(word))
            return;
        const int id = static_cast<int>(surfaces.size());
        surfaces.append(word);
        surfaceTerms.append(terms);
        surfaceIndex.insert(word, id);
        for (const QString& gram : trigrams(word))
            trigramIndex[gram].append(id);
    }

    /// The known word nearest to @p word within its typo allowance, or -1.
    int nearestSurface(const QString& word) const
    {
        const int limit = allowedTypos(word);
        if (limit == 0)
            return -1;
        QHash<int, int> shared;
        for (const QString& gram : trigrams(word))
            for (int id : trigramIndex.value(gram))
                ++shared[id];
        int best = -1;
        int bestDistance = limit + 1;
        int bestShared = 0;
        for (auto it = shared.cbegin(); it != shared.cend(); ++it) {
            // One typo spoils at most three trigrams; fewer shared than that cannot be within reach.
            if (it.value() < static_cast<int>(word.size()) - 1 - 3 * limit)
                continue;
            // People mistype inside a word far more than its first letter; SMS spellings that
            // change it ("kwik") belong in the lexicon.
            if (surfaces.at(it.key()).front() != word.front())
                continue;
            const int distance = editDistance(word, surfaces.at(it.key()), limit);
            if (distance > limit)
                continue;
            if (distance < bestDistance || (distance == bestDistance && it.value() > bestShared)) {
                best = it.key();
                bestDistance = distance;
                bestShared = it.value();
            }
        }
        return best;
    }
};

Ranker::Ranker(const Lexicon& lexicon)
    : d(std::make_unique<Impl>())
{
    d->lexicon = lexicon;
    for (auto it = lexicon.variants().cbegin(); it != lexicon.variants().cend(); ++it) {
        const QString& variant = it.key();
        if (variant.contains(QLatin1Char(' ')))
            continue;
        const bool stop = it->size() == 1 && it->first() == Lexicon::kStop;
        QStringList terms;
        if (!stop)
            for (const QString& meaning : *it)
                terms.append(QLatin1String("c:") + meaning);
        d->addSurface(variant, terms);
        if (stop || variant.size() < 5)
            continue; // "post" must not stand for "poster"
        for (Language language : {Language::English, Language::French}) {
            const QString stem = stemmers().stem(variant, language);
            if (stem != variant) {
                QStringList& concepts = d->stemmedVariants[stem];
                for (const QString& meaning : *it)
                    if (!concepts.contains(meaning))
                        concepts.append(meaning);
            }
        }
    }
}

Ranker::~Ranker() = default;

Ranker::Analysis Ranker::analyseText(const QString& text, bool correct) const
{
    Analysis analysis;
    const QStringList words = fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const Language language = guessLanguage(words);
    QSet<int> seen;
    QSet<QString> unknownSeen;
    auto emitTerm = [&](const QString& term) {
        auto it = d->termIds.constFind(term);
        int id = 0;
        if (it != d->termIds.cend()) {
            id = *it;
        } else if (correct) {
            return false; // a question's term no template has: nothing to match
        } else {
            id = static_cast<int>(d->termIds.size());
            d->termIds.insert(term, id);
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            analysis.known.append(id);
        }
        return true;
    };
    auto emitConcepts = [&](const QStringList& concepts) {
        bool any = false;
        for (const QString& meaning : concepts)
            any = emitTerm(QLatin1String("c:") + meaning) || any;
        return any;
    };

    for (qsizetype i = 0; i < words.size();) {
        bool matched = false;
        for (qsizetype length = std::min<qsizetype>(Lexicon::kMaxPhraseWords, words.size() - i); length >= 2;
             --length) {
            const QString phrase = words.mid(i, length).join(QLatin1Char(' '));
            const QStringList concepts = d->lexicon.conceptsOf(phrase);
            if (concepts.isEmpty())
                continue;
            if (!d->lexicon.isStop(phrase))
                emitConcepts(concepts);
            i += length;
            matched = true;
            break;
        }
        if (matched)
            continue;
        const QString& word = words.at(i++);
        if (const QStringList concepts = d->lexicon.conceptsOf(word); !concepts.isEmpty()) {
            if (!d->lexicon.isStop(word) && !emitConcepts(concepts) && correct)
                ++analysis.unknown; // a meaning no template uses: the question is about something else
            continue;
        }
        const QString stem = stemmers().stem(word, language);
        const QString otherStem = stemmers().stem(word, otherLanguage(language));
        if (word.size() >= 5) {
            const QStringList concepts = d->stemmedVariants.value(stem) + d->stemmedVariants.value(otherStem);
            if (!concepts.isEmpty()) {
                emitConcepts(concepts);
                continue;
            }
        }
        if (!correct) {
            const QString term = QLatin1String("w:") + stem;
            emitTerm(term);
            d->addSurface(word, {term});
            continue;
        }
        if (emitTerm(QLatin1String("w:") + stem) || emitTerm(QLatin1String("w:") + otherStem))
            continue;
        bool corrected = false;
        if (!allDigits(word)) {
            if (const int nearest = d->nearestSurface(word); nearest >= 0) {
                corrected = true;
                for (const QString& term : d->surfaceTerms.at(nearest))
                    emitTerm(term);
            }
        }
        if (!corrected && !unknownSeen.contains(word)) {
            unknownSeen.insert(word);
            ++analysis.unknown;
        }
    }
    return analysis;
}

void Ranker::setCandidates(QList<Candidate> candidates)
{
    // Terms and typo surfaces from an earlier library stay: harmless, and rebuilding the lexicon
    // part would cost more than it saves.
    m_candidates = std::move(candidates);
    d->indexed.clear();
    d->postings.clear();
    d->indexed.reserve(m_candidates.size());
    for (const Candidate& candidate : std::as_const(m_candidates)) {
        Impl::Indexed entry;
        auto addField = [&](const QString& text, double weight) {
            const Analysis analysis = analyseText(text, false);
            for (int term : analysis.known)
                entry.weights[term] = std::max(entry.weights.value(term), weight);
            return analysis.known;
        };
        QString category = candidate.category;
        addField(candidate.name + QLatin1Char(' ') + candidate.tags.join(QLatin1Char(' ')) + QLatin1Char(' ')
                     + category.replace(QLatin1Char('_'), QLatin1Char(' ')),
                 kNameWeight);
        for (const QString& example : candidate.examples)
            entry.examples.append(addField(example, kExampleWeight));
        for (const QString& body : candidate.bodies)
            addField(body, kBodyWeight);
        d->indexed.append(std::move(entry));
    }
    QList<int> documentFrequency(d->termIds.size(), 0);
    for (qsizetype i = 0; i < d->indexed.size(); ++i)
        for (auto it = d->indexed.at(i).weights.cbegin(); it != d->indexed.at(i).weights.cend(); ++it) {
            ++documentFrequency[it.key()];
            d->postings[it.key()].append(static_cast<int>(i));
        }
    const double n = static_cast<double>(std::max<qsizetype>(1, m_candidates.size()));
    d->idf.resize(d->termIds.size());
    d->maxIdf = std::log(1 + n);
    for (qsizetype t = 0; t < documentFrequency.size(); ++t)
        d->idf[t] = std::log(1 + n / std::max(1, documentFrequency.at(t)));
}

Ranking Ranker::rank(const QString& question, int limit) const
{
    Ranking ranking;
    const Analysis analysis = analyseText(question, true);
    const double unknownWeight = kUnknownShare * d->maxIdf;
    double questionWeight = analysis.unknown * unknownWeight;
    for (int term : analysis.known)
        questionWeight += d->idf.value(term);
    if (analysis.known.isEmpty() || questionWeight <= 0)
        return ranking;

    QHash<int, double> scores;
    for (int term : analysis.known) {
        const double idf = d->idf.value(term);
        for (int candidate : d->postings.value(term))
            scores[candidate] += idf * d->indexed.at(candidate).weights.value(term);
    }
    const QSet<int> asked(analysis.known.cbegin(), analysis.known.cend());
    QList<Suggestion> all;
    all.reserve(scores.size());
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        double bestExample = 0;
        for (const QList<int>& example : d->indexed.at(it.key()).examples) {
            double shared = 0;
            double exampleOnly = 0;
            for (int term : example) {
                if (asked.contains(term))
                    shared += d->idf.value(term);
                else
                    exampleOnly += d->idf.value(term);
            }
            if (shared > 0)
                bestExample = std::max(bestExample, shared / (questionWeight + exampleOnly));
        }
        Suggestion suggestion;
        suggestion.index = it.key();
        suggestion.coverage = it.value() / questionWeight;
        suggestion.exampleMatch = bestExample;
        suggestion.matched = it.value() / d->maxIdf;
        suggestion.score = suggestion.coverage + kExampleBonus * bestExample;
        all.append(suggestion);
    }
    std::sort(all.begin(), all.end(), [this](const Suggestion& a, const Suggestion& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return m_candidates.at(a.index).name < m_candidates.at(b.index).name; // stable across runs
    });
    for (qsizetype i = 0; i < all.size(); ++i) {
        const double rival = i == 0 ? (all.size() > 1 ? all.at(1).score : 0) : all.first().score;
        const Suggestion& s = all.at(i);
        const double x = kCurveBias + kCurveCoverage * s.coverage + kCurveExample * s.exampleMatch
            + kCurveMatched * std::min(s.matched, 3.0) + kCurveMargin * (s.score - rival);
        all[i].confidence = 1 / (1 + std::exp(-x));
    }
    if (limit > 0 && all.size() > limit)
        all.resize(limit);
    ranking.suggestions = std::move(all);
    ranking.abstained = ranking.suggestions.first().confidence < m_threshold;
    return ranking;
}

QStringList Ranker::analyse(const QString& text) const
{
    const Analysis analysis = analyseText(text, true);
    QStringList terms;
    for (auto it = d->termIds.cbegin(); it != d->termIds.cend(); ++it)
        if (analysis.known.contains(it.value()))
            terms.append(it.key());
    terms.sort();
    for (int i = 0; i < analysis.unknown; ++i)
        terms.append(QStringLiteral("?"));
    return terms;
}

} // namespace mhero::suggest
