#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace mhero::settings {

/// One deployment setting, as declared in mhero.setting_definition (migration 5) with its
/// current value.
struct Setting
{
    QString key;
    QString value; ///< as written: 10, templates_only, LR (empty: not set, the default applies)
    QString kind; ///< integer, choice, region
    QString allowed; ///< "1–100", "templates_only | free_text", "ISO country code"
    QString description;
    QDateTime updatedAt;
    QString updatedBy;
    int minimum = 0; ///< integer settings: the bounds
    int maximum = 0;
    QStringList choices; ///< choice settings
};

/// What a person reads about a setting instead of its key (issue 17: the Settings page showed
/// `messaging.claim_lease_seconds`): a short label, a sentence on what it changes, and the unit of
/// its number, translated.
struct SettingText
{
    QString label; ///< "Sender's hold on a message"
    QString description; ///< what changes when it changes
    QString unit; ///< "seconds", "minutes", "attempts", "characters", "bytes"; empty for none
};

/// The words for @p key, or nothing for a key this program does not know (a newer schema): show
/// the key and the database's own description then.
[[nodiscard]] std::optional<SettingText> describe(const QString& key);
/// The words for @p choice of choice setting @p key ("templates_only" → "Approved templates
/// only"); the choice itself when there are none.
[[nodiscard]] QString choiceLabel(const QString& key, const QString& choice);
/// @p value of setting @p s as a person reads it: with its unit ("90 seconds", "25 MB"), a choice
/// in words; "" when @p value is empty.
[[nodiscard]] QString displayValue(const Setting& s, const QString& value);
/// What may be written, in words with the unit ("1–86,400 seconds").
[[nodiscard]] QString displayAllowed(const Setting& s);

/// Every known setting, by key.
Result<QList<Setting>> list(QSqlDatabase& db);
/// One setting; an error names the known keys when @p key is unknown.
Result<Setting> get(QSqlDatabase& db, const QString& key);
/// Sets @p key to @p value, written as a person types it (10, free_text, sl). The database
/// checks the key and the value (mhero.setting_guard) and audits the change; administrators only.
Status set(QSqlDatabase& db, const QString& key, const QString& value);

} // namespace mhero::settings
