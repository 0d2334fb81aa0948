#pragma once

#include <QString>

namespace mhero::templates {

/// How many SMS parts a text costs, as a carrier splits it: the composer and the template editor
/// show it while typing, and broadcasts multiply it by their recipients.
///
/// - GSM-7 (GSM 03.38) when every character is in the basic table or its extension table; the
///   extension characters (`^ { } \ [ ~ ] | €` and form feed) are sent as an escape plus a septet,
///   so each costs 2 units. Otherwise UCS-2, where a unit is a UTF-16 code unit (an emoji, a
///   surrogate pair, costs 2). No national language shift tables, no character substitution: what
///   is counted is what is typed.
/// - One part holds 160 septets or 70 UCS-2 units. A longer text is sent as concatenated parts
///   whose user-data header leaves 153 septets or 67 units each.
/// - An escape pair is never split between parts, nor is a surrogate pair: when the second half
///   would fall into the next part, the whole character moves there and the current part ends one
///   unit short (as carriers and phones do). So a text can need one part more than
///   ceil(units / 153) or ceil(units / 67).
struct SmsSegments
{
    enum class Encoding { Gsm7, Ucs2 };

    static constexpr int kGsm7Single = 160;
    static constexpr int kGsm7Part = 153;
    static constexpr int kUcs2Single = 70;
    static constexpr int kUcs2Part = 67;

    Encoding encoding = Encoding::Gsm7;
    int units = 0; ///< septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2)
    int segments = 0; ///< 0 for an empty text
    /// Units that still fit in the last part without another part: for an empty or single-part text
    /// the room up to 160/70, for a concatenated text the room left in its last 153/67-unit part.
    int remainingInSegment = kGsm7Single;

    bool operator==(const SmsSegments&) const = default;

    /// Counts @p text. Linear in its length; cheap enough to call on every keystroke.
    [[nodiscard]] static SmsSegments count(const QString& text);

    /// Whether @p c is in the GSM 03.38 basic table (1 septet).
    [[nodiscard]] static bool isGsm7Basic(QChar c);
    /// Whether @p c is in the GSM 03.38 extension table (escape + 1 septet).
    [[nodiscard]] static bool isGsm7Extension(QChar c);
};

} // namespace mhero::templates
