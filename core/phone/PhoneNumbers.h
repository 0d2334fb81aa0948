#pragma once

#include <QString>
#include <QStringList>

namespace mhero::phone {

/// A number as a registry holds it, with its E.164 form when libphonenumber accepts it. Invalid
/// numbers are kept (and shown, flagged) rather than dropped: a clerk can correct them at source.
struct Normalized
{
    QString raw;
    QString e164; ///< "+231770123456", empty when the number is not valid
    QString problem; ///< why it is not valid, for the UI and the log (empty when valid)

    [[nodiscard]] bool valid() const { return !e164.isEmpty(); }
};

/// Normalises @p raw as typed by a registry clerk or an agent: national format ("0770 123 456",
/// "(077) 0123456"), international with "+" or the "00" prefix ("00231 770 123 456"), or
/// international without any prefix ("231-770-123-456"). @p defaultRegion is an ISO 3166 code
/// (e.g. "LR") used for national numbers. Extensions and letters make a number invalid.
Normalized normalize(const QString& raw, const QString& defaultRegion);

/// True when @p text could be a phone number (digits with the usual separators), e.g. an OpenMRS
/// telecom that has no `system`.
bool looksLikePhone(const QString& text);

/// RapidPro's URN forms for a valid E.164 number: "tel:+231770123456".
QString telUrn(const QString& e164);
/// "whatsapp:231770123456" (digits without "+", as RapidPro and the WhatsApp Cloud API write it).
QString whatsappUrn(const QString& e164);

/// The calling code of @p region ("LR" → 231), 0 when unknown.
int countryCode(const QString& region);

/// Whether @p region is a region libphonenumber knows ("LR", "SL", "GN", "ML", "KE"…).
bool isKnownRegion(const QString& region);

/// What to look for when an agent types a number into a search box: the full E.164 form when the
/// text is a complete valid number, and the significant digits otherwise (national trunk "0" and
/// international prefixes removed), so a partial "0770 12" still finds "+23177012…".
struct SearchForm
{
    QString e164;
    QString digits;
    bool international = false; ///< typed with "+" or "00": digits start with the country code
};
SearchForm searchForm(const QString& text, const QString& defaultRegion);

} // namespace mhero::phone
