#include "admin/Settings.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace mhero::settings {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("mhero::settings", text, disambiguation, n);
}

enum class Unit { None, Seconds, Minutes, Attempts, Characters, Bytes };

struct Known
{
    const char* key;
    Unit unit;
};

/// Every setting this program knows, with its unit; the words are in describe().
constexpr Known kKnown[] = {
    {"phone.default_region", Unit::None},
    {"messaging.free_text_policy", Unit::None},
    {"messaging.max_attempts", Unit::Attempts},
    {"messaging.retry_first_seconds", Unit::Seconds},
    {"messaging.uncertain_retry_seconds", Unit::Seconds},
    {"messaging.claim_lease_seconds", Unit::Seconds},
    {"messaging.retry_max_seconds", Unit::Seconds},
    {"directory.sync_interval_minutes", Unit::Minutes},
    {"templates.max_body_chars", Unit::Characters},
    {"media.max_inbound_bytes", Unit::Bytes},
    {"media.max_attempts", Unit::Attempts},
};

Unit unitOf(const QString& key)
{
    for (const Known& known : kKnown)
        if (key == QLatin1String(known.key))
            return known.unit;
    return Unit::None;
}

QString unitName(Unit unit)
{
    switch (unit) {
    case Unit::Seconds:
        return tr("seconds");
    case Unit::Minutes:
        return tr("minutes");
    case Unit::Attempts:
        return tr("attempts");
    case Unit::Characters:
        return tr("characters");
    case Unit::Bytes:
        return tr("bytes");
    case Unit::None:
        break;
    }
    return {};
}

QString withUnit(Unit unit, qlonglong n)
{
    const int count = int(std::min<qlonglong>(n, std::numeric_limits<int>::max()));
    switch (unit) {
    case Unit::Seconds:
        return tr("%Ln second(s)", nullptr, count);
    case Unit::Minutes:
        return tr("%Ln minute(s)", nullptr, count);
    case Unit::Attempts:
        return tr("%Ln attempt(s)", nullptr, count);
    case Unit::Characters:
        return tr("%Ln character(s)", nullptr, count);
    case Unit::Bytes:
        // 26214400 → "25 MB (26,214,400 bytes)": the size as people say it, and the exact figure.
        return tr("%1 (%Ln byte(s))", nullptr, count)
            .arg(QLocale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat));
    case Unit::None:
        break;
    }
    return QLocale().toString(n);
}

constexpr const char* kSelect
    = "SELECT d.key, coalesce(s.value #>> '{}', ''), d.kind, d.description, s.updated_at, "
      "       coalesce(s.updated_by::text, ''), coalesce(d.minimum, 0), coalesce(d.maximum, 0), "
      "       coalesce(array_to_string(d.choices, ','), '') "
      "  FROM mhero.setting_definition d LEFT JOIN mhero.setting s ON s.key = d.key ";

Setting read(const QSqlQuery& q)
{
    Setting s;
    s.key = q.value(0).toString();
    s.value = q.value(1).toString();
    s.kind = q.value(2).toString();
    s.description = q.value(3).toString();
    s.updatedAt = q.value(4).toDateTime();
    s.updatedBy = q.value(5).toString();
    s.minimum = q.value(6).toInt();
    s.maximum = q.value(7).toInt();
    s.choices = q.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    // What may be written, in words, for the command line and the Settings page alike.
    if (s.kind == QLatin1String("integer"))
        s.allowed = QStringLiteral("%1–%2").arg(s.minimum).arg(s.maximum);
    else if (s.kind == QLatin1String("choice"))
        s.allowed = s.choices.join(QStringLiteral(" | "));
    else
        s.allowed = tr("a country code (ISO 3166), e.g. LR");
    return s;
}
} // namespace

std::optional<SettingText> describe(const QString& key)
{
    const Unit unit = unitOf(key);
    SettingText t;
    t.unit = unitName(unit);
    if (key == QLatin1String("phone.default_region")) {
        t.label = tr("Default phone region");
        t.description = tr("The country whose local phone numbers (such as 0770 123 456) are read when a source "
                           "gives no country code.");
    } else if (key == QLatin1String("messaging.free_text_policy")) {
        t.label = tr("Replies agents may send");
        t.description = tr("Whether agents may type replies of their own, or send approved templates only.");
    } else if (key == QLatin1String("messaging.max_attempts")) {
        t.label = tr("Sending attempts");
        t.description = tr("How many times a message is handed to its channel before it is marked as failed.");
    } else if (key == QLatin1String("messaging.retry_first_seconds")) {
        t.label = tr("First retry after");
        t.description = tr("How long to wait before the second attempt; the wait doubles after each failure.");
    } else if (key == QLatin1String("messaging.uncertain_retry_seconds")) {
        t.label = tr("Check an unanswered send after");
        t.description = tr("How long to wait before asking the channel whether a message it gave no answer for "
                           "was received, rather than sending it twice.");
    } else if (key == QLatin1String("messaging.claim_lease_seconds")) {
        t.label = tr("Sender's hold on a message");
        t.description = tr("How long a sender keeps a message it took from the outbox before another sender may "
                           "take it over (when the first stopped half-way).");
    } else if (key == QLatin1String("messaging.retry_max_seconds")) {
        t.label = tr("Longest wait between attempts");
        t.description = tr("The doubling wait between two attempts never grows beyond this.");
    } else if (key == QLatin1String("directory.sync_interval_minutes")) {
        t.label = tr("Directory sync interval");
        t.description = tr("How often the sync engine reads each directory source for changes.");
    } else if (key == QLatin1String("templates.max_body_chars")) {
        t.label = tr("Longest template text");
        t.description = tr("The most characters a template may have in any one language.");
    } else if (key == QLatin1String("media.max_inbound_bytes")) {
        t.label = tr("Largest attachment kept");
        t.description = tr("Inbound attachments larger than this are not downloaded; agents see them listed as "
                           "too large.");
    } else if (key == QLatin1String("media.max_attempts")) {
        t.label = tr("Attachment download attempts");
        t.description = tr("How many times the sync engine tries to fetch an inbound attachment before it is "
                           "marked as failed.");
    } else {
        return std::nullopt;
    }
    return t;
}

QString choiceLabel(const QString& key, const QString& choice)
{
    if (key == QLatin1String("messaging.free_text_policy")) {
        if (choice == QLatin1String("templates_only"))
            return tr("Approved templates only");
        if (choice == QLatin1String("free_text"))
            return tr("Approved templates and free text");
    }
    return choice;
}

QString displayValue(const Setting& s, const QString& value)
{
    if (value.isEmpty())
        return {};
    if (s.kind == QLatin1String("choice"))
        return choiceLabel(s.key, value);
    bool isNumber = false;
    const qlonglong n = value.toLongLong(&isNumber);
    return isNumber ? withUnit(unitOf(s.key), n) : value;
}

QString displayAllowed(const Setting& s)
{
    if (s.kind == QLatin1String("integer")) {
        const QString unit = unitName(unitOf(s.key));
        const QString range = QStringLiteral("%1–%2").arg(QLocale().toString(s.minimum), QLocale().toString(s.maximum));
        return unit.isEmpty() ? range : tr("%1 %2", "a range and its unit: 1–100 attempts").arg(range, unit);
    }
    if (s.kind == QLatin1String("choice")) {
        QStringList labels;
        for (const QString& choice : s.choices)
            labels << choiceLabel(s.key, choice);
        return labels.join(QStringLiteral(" | "));
    }
    return s.allowed;
}

Result<QList<Setting>> list(QSqlDatabase& db)
{
    auto query = sql::exec(db, QString::fromUtf8(kSelect) + QStringLiteral("ORDER BY d.key"));
    if (!query)
        return query.error();
    QList<Setting> settings;
    while (query->next())
        settings << read(*query);
    return settings;
}

Result<Setting> get(QSqlDatabase& db, const QString& key)
{
    auto query = sql::exec(db, QString::fromUtf8(kSelect) + QStringLiteral("WHERE d.key = ?"), {key});
    if (!query)
        return query.error();
    if (query->next())
        return read(*query);
    auto known = sql::scalar(db, QStringLiteral("SELECT string_agg(key, ', ' ORDER BY key) FROM mhero.setting_definition"));
    return Error{QStringLiteral("unknown-setting"), tr("Unknown setting \"%1\".").arg(key),
                 known ? tr("Known settings: %1.").arg(known->toString()) : QString()};
}

Status set(QSqlDatabase& db, const QString& key, const QString& value)
{
    auto current = get(db, key);
    if (!current)
        return current.error();
    // What a person types becomes the JSON the setting holds: a number for numeric settings
    // (anything else is passed on as text so that the database's refusal names it), upper-case
    // country codes, the choice as typed.
    const QString text = value.trimmed();
    QJsonValue json(text);
    bool isInteger = false;
    const qlonglong number = text.toLongLong(&isInteger);
    if (current->kind == QLatin1String("integer") && isInteger)
        json = QJsonValue(number);
    else if (current->kind == QLatin1String("region")) {
        // The database checks the shape (two letters); whether the country exists only
        // libphonenumber knows.
        static const QRegularExpression twoLetters(QStringLiteral("^[A-Za-z]{2}$"));
        if (twoLetters.match(text).hasMatch() && !phone::isKnownRegion(text.toUpper()))
            return Error{QStringLiteral("invalid-region"),
                         tr("\"%1\" is not a country code libphonenumber knows (use e.g. LR, SL, GN, ML, KE).")
                             .arg(text),
                         {}};
        json = QJsonValue(text.toUpper());
    }
    const QByteArray encoded = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    auto written = sql::exec(db,
                             QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES (?, ?::jsonb) "
                                            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                             {key, QString::fromUtf8(encoded)});
    if (!written)
        return written.error();
    return {};
}

} // namespace mhero::settings
