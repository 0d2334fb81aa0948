#include "text/CleanText.h"

namespace mhero::text {

namespace {
bool isLoneSurrogate(const QString& s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate())
        return i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate();
    if (c.isLowSurrogate())
        return i == 0 || !s.at(i - 1).isHighSurrogate();
    return false;
}

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}
} // namespace

QString cleanName(const QString& name)
{
    QString out;
    out.reserve(name.size());
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (isLoneSurrogate(name, i))
            continue;
        if (isControl(c.unicode()) || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph) {
            out += QLatin1Char(' '); // "Mariama\nKonneh" stays two words
            continue;
        }
        // Cf: bidi marks, embeddings, overrides and isolates, zero-width space/joiners, word
        // joiner, BOM, soft hyphen… invisible in a name, and misleading in one.
        if (c.category() == QChar::Other_Format)
            continue;
        out += c;
    }
    return out.normalized(QString::NormalizationForm_C).simplified();
}

QString cleanMessageText(const QString& text)
{
    if (!needsCleaning(text))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (isLoneSurrogate(text, i)) {
            out += QChar(QChar::ReplacementCharacter);
            continue;
        }
        if (isControl(c) && c != u'\t' && c != u'\n' && c != u'\r')
            continue;
        out += text.at(i);
    }
    return out;
}

bool needsCleaning(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((isControl(c) && c != u'\t' && c != u'\n' && c != u'\r') || isLoneSurrogate(text, i))
            return true;
    }
    return false;
}

} // namespace mhero::text
