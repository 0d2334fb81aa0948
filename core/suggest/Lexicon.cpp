#include "suggest/Lexicon.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace mhero::suggest {

QString fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = true; // no leading space
    for (const QChar ch : decomposed) {
        if (ch.category() == QChar::Mark_NonSpacing || ch.category() == QChar::Mark_Enclosing)
            continue;
        if (ch.isLetterOrNumber()) {
            out.append(ch.toCaseFolded());
            space = false;
        } else if (!space) {
            out.append(QLatin1Char(' '));
            space = true;
        }
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

const Lexicon& Lexicon::builtin()
{
    static const Lexicon lexicon = [] {
        QFile file(QStringLiteral(":/suggest/lexicon.tsv"));
        // The file is compiled in: failing to read or parse it is a build defect, caught by tst_suggest.
        if (!file.open(QIODevice::ReadOnly))
            return Lexicon{};
        auto parsed = parse(QString::fromUtf8(file.readAll()), QStringLiteral("lexicon.tsv"));
        return parsed ? *parsed : Lexicon{};
    }();
    return lexicon;
}

Result<Lexicon> Lexicon::parse(const QString& text, const QString& origin)
{
    Lexicon lexicon;
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression conceptName(QStringLiteral("^(_stop|[a-z][a-z0-9_]{0,63})$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        const QString meaning = tab < 0 ? QString() : line.left(tab).trimmed();
        if (tab < 0 || !conceptName.match(meaning).hasMatch())
            return Error{QStringLiteral("lexicon"),
                         QCoreApplication::translate("mhero::suggest::Lexicon",
                                                     "%1, line %2: expected a meaning name (lower-case letters, "
                                                     "digits, _), a tab, then variants separated by |")
                             .arg(origin)
                             .arg(i + 1),
                         line.left(80)};
        lexicon.add(meaning, line.mid(tab + 1).split(QLatin1Char('|')));
    }
    return lexicon;
}

void Lexicon::add(const QString& meaning, const QStringList& variants)
{
    for (const QString& variant : variants) {
        const QString folded = fold(variant);
        if (folded.isEmpty() || folded.count(QLatin1Char(' ')) >= kMaxPhraseWords)
            continue;
        QStringList& concepts = m_variants[folded];
        if (meaning == kStop) {
            // A word that is also a meaning keeps its meaning: "no" is a stop word, "no more" is not.
            if (concepts.isEmpty())
                concepts.append(meaning);
        } else if (!concepts.contains(meaning)) {
            concepts.removeAll(QString(kStop));
            concepts.append(meaning);
        }
    }
}

void Lexicon::merge(const Lexicon& other)
{
    for (auto it = other.m_variants.cbegin(); it != other.m_variants.cend(); ++it)
        for (const QString& meaning : it.value())
            add(meaning, {it.key()});
}

bool Lexicon::isStop(const QString& foldedVariant) const
{
    const auto it = m_variants.constFind(foldedVariant);
    return it != m_variants.cend() && it->size() == 1 && it->first() == kStop;
}

} // namespace mhero::suggest
