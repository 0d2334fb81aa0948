#include "templates/SmsSegments.h"

#include <string_view>

namespace mhero::templates {

namespace {

// GSM 03.38 basic table, in code order 0x00–0x7F, without 0x1B (the escape to the extension
// table). 0x09 is the capital Ç, as the standard has it (some phones show ç; ç is not in the table).
constexpr std::u16string_view kBasic = u"@£$¥èéùìòÇ\nØø\rÅå"
                                       u"Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
                                       u" !\"#¤%&'()*+,-./"
                                       u"0123456789:;<=>?"
                                       u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
                                       u"¿abcdefghijklmnopqrstuvwxyzäöñüà";
static_assert(kBasic.size() == 127);

// The extension table's characters (sent as 0x1B + code): form feed ^ { } \ [ ~ ] | €.
constexpr std::u16string_view kExtension = u"\f^{}\\[~]|€";
static_assert(kExtension.size() == 10);

struct Layout
{
    int single;
    int part;
};

} // namespace

bool SmsSegments::isGsm7Basic(QChar c)
{
    return kBasic.find(c.unicode()) != std::u16string_view::npos;
}

bool SmsSegments::isGsm7Extension(QChar c)
{
    return kExtension.find(c.unicode()) != std::u16string_view::npos;
}

SmsSegments SmsSegments::count(const QString& text)
{
    SmsSegments result;
    for (QChar c : text) {
        if (!isGsm7Basic(c) && !isGsm7Extension(c)) {
            result.encoding = Encoding::Ucs2;
            break;
        }
    }
    const bool gsm = result.encoding == Encoding::Gsm7;
    const Layout layout = gsm ? Layout{kGsm7Single, kGsm7Part} : Layout{kUcs2Single, kUcs2Part};

    // The cost of the character starting at @p i, and how many code units it spans: a GSM-7
    // escape pair and a UTF-16 surrogate pair are each one indivisible character of 2 units.
    auto costAt = [&](qsizetype i, qsizetype* width) {
        *width = 1;
        if (gsm)
            return isGsm7Extension(text.at(i)) ? 2 : 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            *width = 2;
            return 2;
        }
        return 1; // a lone surrogate is still one code unit on the wire
    };

    int units = 0;
    for (qsizetype i = 0, width = 1; i < text.size(); i += width)
        units += costAt(i, &width);
    result.units = units;

    if (units == 0) {
        result.segments = 0;
        result.remainingInSegment = layout.single;
        return result;
    }
    if (units <= layout.single) {
        result.segments = 1;
        result.remainingInSegment = layout.single - units;
        return result;
    }
    // Concatenated: fill parts in order, moving a character that would straddle a boundary whole.
    int segments = 1;
    int used = 0;
    for (qsizetype i = 0, width = 1; i < text.size(); i += width) {
        const int cost = costAt(i, &width);
        if (used + cost > layout.part) {
            ++segments;
            used = 0;
        }
        used += cost;
    }
    result.segments = segments;
    result.remainingInSegment = layout.part - used;
    return result;
}

} // namespace mhero::templates
