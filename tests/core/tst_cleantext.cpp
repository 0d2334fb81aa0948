// Names and message text as mHero stores them: invisible and control characters out of names,
// NUL and broken characters out of message text, everything a person wrote kept.
#include "text/CleanText.h"

#include <QTest>

using namespace mhero;

class TestCleanText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void messageText_data();
    void messageText();
};

void TestCleanText::names_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("Mariama Konneh") << QStringLiteral("Mariama Konneh");
    QTest::newRow("right-to-left override")
        << QStringLiteral("Mariama \u202EhennoK") << QStringLiteral("Mariama hennoK");
    QTest::newRow("isolates and marks") << QStringLiteral("\u2067Zo\u00E9\u2069 \u200FN'Guessan\u200E")
                                        << QStringLiteral("Zo\u00E9 N'Guessan");
    QTest::newRow("bell and tab") << QStringLiteral("Joseph\a\tFlomo") << QStringLiteral("Joseph Flomo");
    QTest::newRow("zero-width space, joiner, BOM")
        << QStringLiteral("Es\u200Bther \uFEFFWleh\u200D") << QStringLiteral("Esther Wleh");
    QTest::newRow("newline between words") << QStringLiteral("Moses\nDolo") << QStringLiteral("Moses Dolo");
    QTest::newRow("decomposed accent becomes NFC") << QStringLiteral("Zoe\u0301") << QStringLiteral("Zo\u00E9");
    QTest::newRow("lone surrogate") << (QStringLiteral("Prince") + QChar(char16_t(0xDC00))) << QStringLiteral("Prince");
    QTest::newRow("emoji kept") << QStringLiteral("Comfort \U0001F600") << QStringLiteral("Comfort \U0001F600");
    QTest::newRow("only invisible") << QStringLiteral("\u200B\u202E") << QString();
}

void TestCleanText::names()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(text::cleanName(input), expected);
}

void TestCleanText::messageText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain, lines kept") << QStringLiteral("Line one\nline\ttwo\r\n")
                                       << QStringLiteral("Line one\nline\ttwo\r\n");
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")) << QStringLiteral("ab");
    QTest::newRow("escape and C1") << QStringLiteral("x\x1B[31my\u0085z") << QStringLiteral("x[31myz");
    QTest::newRow("lone high surrogate") << (QStringLiteral("half ") + QChar(char16_t(0xD83D)))
                                         << (QStringLiteral("half ") + QChar(QChar::ReplacementCharacter));
    QTest::newRow("lone low surrogate") << (QChar(char16_t(0xDE00)) + QStringLiteral("!"))
                                        << (QString(QChar(QChar::ReplacementCharacter)) + QStringLiteral("!"));
    QTest::newRow("emoji with joiner kept")
        << QStringLiteral("\U0001F469\u200D\u2695\uFE0F ok") << QStringLiteral("\U0001F469\u200D\u2695\uFE0F ok");
    QTest::newRow("bidi kept in messages") << QStringLiteral("\u202Eabc") << QStringLiteral("\u202Eabc");
}

void TestCleanText::messageText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(text::cleanMessageText(input), expected);
    QCOMPARE(text::needsCleaning(input), input != expected);
}

QTEST_GUILESS_MAIN(TestCleanText)
#include "tst_cleantext.moc"
