#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace mhero::ui {

/// A language the console ships in.
struct Language
{
    QString code; ///< "en", "fr", "pt"
    QString nativeName; ///< "English", "Français", "Português"
};

/// The languages shipped with this build (translations/mhero_*.ts, compiled into the program).
QList<Language> shippedLanguages();

/// Installs the translators for @p languageCode, or for the system locale when it is empty
/// (falling back to English). Returns the code actually used.
QString installTranslations(QCoreApplication& app, const QString& languageCode);

/// Reads / writes the language override of the Preferences ("" = follow the system).
QString languageOverride();
void setLanguageOverride(const QString& code);

} // namespace mhero::ui
