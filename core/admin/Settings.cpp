#include "admin/Settings.h"

#include "db/Sql.h"
#include "phone/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mhero::settings {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("mhero::settings", text);
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
