// Every shipped language loads, and its translation file is complete.
#include "common/Translations.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace mhero::ui;

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedLanguageLoads_data();
    void everyShippedLanguageLoads();
    void translationsAreComplete_data();
    void translationsAreComplete();
};

void TestTranslations::everyShippedLanguageLoads_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("signIn");
    QTest::newRow("en") << "en"
                        << "Sign in";
    QTest::newRow("fr") << "fr"
                        << "Se connecter";
    QTest::newRow("pt") << "pt"
                        << "Entrar";
}

void TestTranslations::everyShippedLanguageLoads()
{
    QFETCH(QString, code);
    QFETCH(QString, signIn);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/mhero_%1.qm").arg(code)), qPrintable(code));
    QCOMPARE(translator.language(), code);
    const QString translated = translator.translate("mhero::ui::SignInDialog", "Sign in");
    QCOMPARE(translated.isEmpty() ? QStringLiteral("Sign in") : translated, signIn);
    bool listed = false;
    for (const Language& language : shippedLanguages())
        listed = listed || language.code == code;
    QVERIFY(listed);
}

void TestTranslations::translationsAreComplete_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("en") << "en";
    QTest::newRow("fr") << "fr";
    QTest::newRow("pt") << "pt";
}

void TestTranslations::translationsAreComplete()
{
    QFETCH(QString, code);
    QFile file(QStringLiteral(MHERO_SOURCE_DIR "/translations/mhero_%1.ts").arg(code));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(file.readAll());
    const int messages = int(ts.count(QLatin1String("<message")));
    QVERIFY2(messages > 50, "lupdate has not been run");
    // English is the source language: only its plural forms need translating.
    const QString messageStart
        = code == QLatin1String("en") ? QStringLiteral("<message numerus=\"yes\">\\s*") : QString();
    const QRegularExpression unfinished(messageStart
                                        + QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</comment>\\s*)?"
                                                         "<translation type=\"unfinished\""));
    auto it = unfinished.globalMatch(ts);
    QStringList missing;
    while (it.hasNext())
        missing << it.next().captured(1);
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 untranslated: %2")
                            .arg(missing.size())
                            .arg(missing.mid(0, 10).join(QLatin1String(" | ")))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
