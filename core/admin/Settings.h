#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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

/// Every known setting, by key.
Result<QList<Setting>> list(QSqlDatabase& db);
/// One setting; an error names the known keys when @p key is unknown.
Result<Setting> get(QSqlDatabase& db, const QString& key);
/// Sets @p key to @p value, written as a person types it (10, free_text, sl). The database
/// checks the key and the value (mhero.setting_guard) and audits the change; administrators only.
Status set(QSqlDatabase& db, const QString& key, const QString& value);

} // namespace mhero::settings
