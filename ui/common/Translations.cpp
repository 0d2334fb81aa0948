#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace mhero::ui {

QList<Language> shippedLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("pt"), QStringLiteral("Português")}};
}

QString installTranslations(QCoreApplication& app, const QString& languageCode)
{
    static QTranslator* ours = nullptr;
    static QTranslator* qt = nullptr;
    for (QTranslator** translator : {&ours, &qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }

    QString code = languageCode;
    if (code.isEmpty()) {
        code = QStringLiteral("en");
        for (const QString& wanted : QLocale::system().uiLanguages()) {
            const QString prefix = wanted.left(2).toLower();
            bool shipped = false;
            for (const Language& language : shippedLanguages())
                shipped = shipped || language.code == prefix;
            if (shipped) {
                code = prefix;
                break;
            }
        }
    }

    ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/mhero_%1.qm").arg(code)))
        QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, About Qt) where Qt ships them.
    qt = new QTranslator(&app);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // Numbers and dates follow the system's region when it speaks the same language (fr_GN, en_LR).
    if (!QLocale::system().name().startsWith(code))
        QLocale::setDefault(QLocale(code));
    return code;
}

QString languageOverride()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void setLanguageOverride(const QString& code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

} // namespace mhero::ui
