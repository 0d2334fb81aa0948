#pragma once

#include "Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

/// Answer suggestion (docs/suggestions.md): ranking the approved templates for an inbound question.
namespace mhero::suggest {

/// Lower case, accents and other marks removed, every run of characters that is not a letter or a
/// digit made one space, trimmed: "Salaire payé ?" → "salaire paye". The one spelling that the
/// lexicon, the templates and the questions are all compared in.
[[nodiscard]] QString fold(const QString& text);

/// The domain lexicon: words and phrases (synonyms, SMS spellings, English and French) mapped to
/// concepts, and the words that carry no meaning for choosing an answer. It ships in the program
/// (resources/suggest/lexicon.tsv) and supervisors extend it in the database; both are read the
/// same way, so a line they add behaves exactly like a shipped one.
class Lexicon final
{
public:
    /// The meaning name that marks a word as carrying no meaning.
    static constexpr QLatin1StringView kStop{"_stop"};
    /// The longest phrase, in words.
    static constexpr int kMaxPhraseWords = 4;

    /// The lexicon shipped in the program.
    [[nodiscard]] static const Lexicon& builtin();

    /// Reads lines `CONCEPT<TAB>variant | variant …` ('#' starts a comment); @p origin names the
    /// text in errors. A malformed line is an error naming its number: nothing is half-read.
    [[nodiscard]] static Result<Lexicon> parse(const QString& text, const QString& origin);

    /// Adds @p variants of @p meaning (folded here).
    void add(const QString& meaning, const QStringList& variants);
    /// Adds every entry of @p other.
    void merge(const Lexicon& other);

    /// The concepts a folded word or phrase stands for; empty when unknown. A stop word gives
    /// exactly {kStop}.
    [[nodiscard]] QStringList conceptsOf(const QString& foldedVariant) const { return m_variants.value(foldedVariant); }
    [[nodiscard]] bool isStop(const QString& foldedVariant) const;
    /// Every variant, folded, with its concepts.
    [[nodiscard]] const QHash<QString, QStringList>& variants() const { return m_variants; }

private:
    QHash<QString, QStringList> m_variants;
};

} // namespace mhero::suggest
