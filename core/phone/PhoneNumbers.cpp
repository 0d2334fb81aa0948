#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace mhero::phone {

namespace {
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::phone", text);
}

QString digitsOf(const QString& text)
{
    QString digits;
    digits.reserve(text.size());
    for (QChar c : text)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
    return digits;
}

/// Parses @p text in @p region; returns the E.164 form when libphonenumber calls it valid.
QString tryParse(const std::string& text, const std::string& region)
{
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (number.has_extension() || !util.IsValidNumber(number))
        return {};
    std::string formatted;
    util.Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

// Separators clerks type inside numbers. Anything else (letters, "ext", "/") makes it not a phone.
const QRegularExpression& phoneShape()
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\+?[\\d\\s().\\-]{4,30}$"));
    return re;
}
} // namespace

bool looksLikePhone(const QString& text)
{
    return phoneShape().match(text).hasMatch() && digitsOf(text).size() >= 6;
}

int countryCode(const QString& region)
{
    return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region.toUpper().toStdString());
}

bool isKnownRegion(const QString& region)
{
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    return region.size() == 2 && util.GetCountryCodeForRegion(region.toUpper().toStdString()) != 0;
}

Normalized normalize(const QString& raw, const QString& defaultRegion)
{
    Normalized result;
    result.raw = raw.trimmed();
    if (result.raw.isEmpty()) {
        result.problem = tr("The number is empty.");
        return result;
    }
    if (!phoneShape().match(result.raw).hasMatch()) {
        result.problem = tr("The number contains characters that are not digits or separators.");
        return result;
    }
    const std::string region = defaultRegion.toUpper().toStdString();
    const QString digits = digitsOf(result.raw);
    const bool hasPlus = result.raw.contains(QLatin1Char('+'));

    // 1. As typed, in the source's region: national "0770…", "+231…", "00231…" (the region's
    //    international prefix) all parse here.
    result.e164 = tryParse(result.raw.toStdString(), region.empty() ? std::string("ZZ") : region);
    // 2. International without "+" ("231770123456", "231-777-000-111"): read the digits as if a
    //    "+" had been typed, but only when that gives a valid number.
    if (result.e164.isEmpty() && !hasPlus && !digits.startsWith(QLatin1Char('0')))
        result.e164 = tryParse("+" + digits.toStdString(), "ZZ");
    if (result.e164.isEmpty()) {
        if (region.empty() && !hasPlus)
            result.problem = tr("The number has no country code and the source has no default region.");
        else
            result.problem = tr("The number is not a valid phone number for its country.");
    }
    return result;
}

QString telUrn(const QString& e164)
{
    return QLatin1String("tel:") + e164;
}

QString whatsappUrn(const QString& e164)
{
    return QLatin1String("whatsapp:") + QStringView(e164).mid(e164.startsWith(QLatin1Char('+')) ? 1 : 0);
}

SearchForm searchForm(const QString& text, const QString& defaultRegion)
{
    SearchForm form;
    if (!phoneShape().match(text).hasMatch())
        return form;
    const Normalized full = normalize(text, defaultRegion);
    form.e164 = full.e164;
    QString digits = digitsOf(text);
    const QString trimmed = text.trimmed();
    form.international = trimmed.startsWith(QLatin1Char('+')) || trimmed.startsWith(QLatin1String("00"));
    if (trimmed.startsWith(QLatin1String("00")))
        digits = digits.mid(2); // international prefix
    else if (!trimmed.startsWith(QLatin1Char('+')) && digits.startsWith(QLatin1Char('0')))
        digits = digits.mid(1); // national trunk prefix: the rest follows the country code
    form.digits = digits;
    return form;
}

} // namespace mhero::phone
