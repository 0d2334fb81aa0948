// SMS part counting: GSM-7 vs UCS-2, the 160/153 and 70/67 limits, and characters that may not be
// split across parts. Every expected figure below is worked out by hand in the row's comment.
#include "templates/SmsSegments.h"

#include <QTest>

using mhero::templates::SmsSegments;

namespace {

QString repeat(const char* utf8, int times)
{
    return QString::fromUtf8(utf8).repeated(times);
}

QString as(int count)
{
    return repeat("a", count);
}

const char* const kEuro = "\u20AC";
const char* const kGrin = "\U0001F600"; // 😀, a surrogate pair in UTF-16

} // namespace

class TestSmsSegments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void count_data();
    void count();
    void characterTables_data();
    void characterTables();
};

void TestSmsSegments::count_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ucs2");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("remaining");

    // --- GSM-7, basic characters only
    QTest::newRow("empty") << QString() << false << 0 << 0 << 160;
    QTest::newRow("hello") << QStringLiteral("Hello") << false << 5 << 1 << 155;
    QTest::newRow("160: one part, full") << as(160) << false << 160 << 1 << 0;
    // 161 > 160: parts of 153; 161 - 153 = 8 in the second, 145 left.
    QTest::newRow("161: two parts") << as(161) << false << 161 << 2 << 145;
    QTest::newRow("153*2: two full parts") << as(306) << false << 306 << 2 << 0;
    QTest::newRow("153*2+1: three parts") << as(307) << false << 307 << 3 << 152;
    QTest::newRow("153*3") << as(459) << false << 459 << 3 << 0;
    QTest::newRow("CR LF") << QStringLiteral("\r\n") << false << 2 << 1 << 158;

    // --- GSM-7 accented and Greek letters of the basic table cost one septet
    QTest::newRow("é is GSM") << QStringLiteral("café") << false << 4 << 1 << 156;
    QTest::newRow("capital Ç is GSM") << QStringLiteral("Ça va") << false << 5 << 1 << 155;
    // 5 + 4 + 2 + 3 + 2 + 5 + 1 = 22 letters
    QTest::newRow("latin letters of the table") << QStringLiteral("äöñüàÄÖÑÜÅåÆæßØøèéùìòÉ") << false << 22 << 1 << 138;
    QTest::newRow("greek capitals") << QStringLiteral("ΔΦΓΛΩΠΨΣΘΞ") << false << 10 << 1 << 150;
    QTest::newRow("symbols") << QStringLiteral("@£$¥¤§¿¡_!\"#%&'()*+,-./:;<=>?") << false << 29 << 1 << 131;

    // --- GSM-7 extension characters cost two septets
    QTest::newRow("euro alone") << QString::fromUtf8(kEuro) << false << 2 << 1 << 158;
    // ^ { } \ [ ~ ] | € FF: 10 characters, 20 septets
    QTest::newRow("whole extension table") << QStringLiteral("^{}\\[~]|€\f") << false << 20 << 1 << 140;
    QTest::newRow("158 + euro = 160: one part")
        << QString(as(158) + QString::fromUtf8(kEuro)) << false << 160 << 1 << 0;
    // 161 septets: 153 'a' fill part 1; 6 'a' + € = 8 in part 2.
    QTest::newRow("159 + euro = 161: two parts")
        << QString(as(159) + QString::fromUtf8(kEuro)) << false << 161 << 2 << 145;
    // 151 + 2 = 153 exactly: the escape pair ends part 1; 153 'a' fill part 2.
    QTest::newRow("euro ends part 1 exactly")
        << QString(as(151) + QString::fromUtf8(kEuro) + as(153)) << false << 306 << 2 << 0;
    // 153 'a' fill part 1; € + 151 'a' = 153 fill part 2.
    QTest::newRow("euro starts part 2") << QString(as(153) + QString::fromUtf8(kEuro) + as(151)) << false << 306 << 2
                                        << 0;
    // 152 'a', then € would take septets 153-154: it moves whole to part 2, which holds
    // € + 151 'a' = 153; the last 'a' needs part 3. 306 septets, yet 3 parts, not 2.
    QTest::newRow("euro straddling 153 moves: extra part")
        << QString(as(152) + QString::fromUtf8(kEuro) + as(152)) << false << 306 << 3 << 152;
    // 152 'a' | { + 8 'a' = 10 → 143 left (a naive 306 - 162 would say 144).
    QTest::newRow("brace straddling 153 moves")
        << QString(as(152) + QStringLiteral("{") + as(8)) << false << 162 << 2 << 143;
    // 152 'a' | [ + 151 'a' = 153 | 2 'a'.
    QTest::newRow("bracket straddling 153 moves")
        << QString(as(152) + QStringLiteral("[") + as(153)) << false << 307 << 3 << 151;
    // { + 151 'a' = 153 | 8 'a'.
    QTest::newRow("brace first") << QString(QStringLiteral("{") + as(159)) << false << 161 << 2 << 145;

    // --- UCS-2: one character outside both tables switches the whole text
    QTest::newRow("ç lower case is not GSM") << QStringLiteral("ça") << true << 2 << 1 << 68;
    QTest::newRow("ã is not GSM") << QStringLiteral("São Tomé") << true << 8 << 1 << 62;
    QTest::newRow("ê is not GSM") << QStringLiteral("Você") << true << 4 << 1 << 66;
    QTest::newRow("tab is not GSM") << QStringLiteral("a\tb") << true << 3 << 1 << 67;
    QTest::newRow("typographic apostrophe") << QStringLiteral("don’t") << true << 5 << 1 << 65;
    // In UCS-2 the euro sign is one code unit like any other BMP character.
    QTest::newRow("euro in UCS-2 costs 1")
        << QString(QString::fromUtf8(kEuro) + QStringLiteral("ã")) << true << 2 << 1 << 68;
    QTest::newRow("70 UCS-2: one part") << QString(QStringLiteral("ê") + as(69)) << true << 70 << 1 << 0;
    // 71 > 70: parts of 67; 4 in the second, 63 left.
    QTest::newRow("71 UCS-2: two parts") << QString(QStringLiteral("ê") + as(70)) << true << 71 << 2 << 63;
    QTest::newRow("67*2 UCS-2") << QString(QStringLiteral("ê") + as(133)) << true << 134 << 2 << 0;
    QTest::newRow("67*2+1 UCS-2") << QString(QStringLiteral("ê") + as(134)) << true << 135 << 3 << 66;

    // --- Emoji: a surrogate pair, two units, never split
    QTest::newRow("one emoji") << QString::fromUtf8(kGrin) << true << 2 << 1 << 68;
    QTest::newRow("68 + emoji = 70") << QString(as(68) + QString::fromUtf8(kGrin)) << true << 70 << 1 << 0;
    // 67 'a' | 2 'a' + emoji = 4.
    QTest::newRow("69 + emoji = 71") << QString(as(69) + QString::fromUtf8(kGrin)) << true << 71 << 2 << 63;
    // 66 'a' | emoji (units 67-68 would straddle) + 3 'a' = 5 → 62 left (naive: 63).
    QTest::newRow("emoji straddling 67 moves")
        << QString(as(66) + QString::fromUtf8(kGrin) + as(3)) << true << 71 << 2 << 62;
    // 65 'a' + emoji = 67 | 67 'a'.
    QTest::newRow("emoji ends part 1 exactly")
        << QString(as(65) + QString::fromUtf8(kGrin) + as(67)) << true << 134 << 2 << 0;
    // 66 'a' | emoji + 65 'a' = 67 | 1 'a': 134 units, yet 3 parts.
    QTest::newRow("emoji straddling 67: extra part")
        << QString(as(66) + QString::fromUtf8(kGrin) + as(66)) << true << 134 << 3 << 66;
    QTest::newRow("35 emoji = 70") << repeat(kGrin, 35) << true << 70 << 1 << 0;
    // 33 emoji (66 units) per part, the 34th would straddle | 3 emoji = 6 units.
    QTest::newRow("36 emoji") << repeat(kGrin, 36) << true << 72 << 2 << 61;
    QTest::newRow("lone surrogate is one unit") << QString(QChar(0xD83D)) << true << 1 << 1 << 69;
}

void TestSmsSegments::count()
{
    QFETCH(QString, text);
    QFETCH(bool, ucs2);
    QFETCH(int, units);
    QFETCH(int, segments);
    QFETCH(int, remaining);
    const SmsSegments counted = SmsSegments::count(text);
    QCOMPARE(counted.encoding, ucs2 ? SmsSegments::Encoding::Ucs2 : SmsSegments::Encoding::Gsm7);
    QCOMPARE(counted.units, units);
    QCOMPARE(counted.segments, segments);
    QCOMPARE(counted.remainingInSegment, remaining);
}

void TestSmsSegments::characterTables_data()
{
    QTest::addColumn<QString>("character");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<bool>("extension");
    // Traps: look-alikes where one case or accent is in the table and the other is not.
    QTest::newRow("@ 0x00") << "@" << true << false;
    QTest::newRow("$ 0x02") << "$" << true << false;
    QTest::newRow("¤ 0x24") << "¤" << true << false;
    QTest::newRow("Ç") << "Ç" << true << false;
    QTest::newRow("ç") << "ç" << false << false;
    QTest::newRow("à") << "à" << true << false;
    QTest::newRow("À") << "À" << false << false;
    QTest::newRow("ò") << "ò" << true << false;
    QTest::newRow("ó") << "ó" << false << false;
    QTest::newRow("É") << "É" << true << false;
    QTest::newRow("È") << "È" << false << false;
    QTest::newRow("Δ") << "Δ" << true << false;
    QTest::newRow("δ") << "δ" << false << false;
    QTest::newRow("ß") << "ß" << true << false;
    QTest::newRow("backtick") << "`" << false << false;
    QTest::newRow("tab") << "\t" << false << false;
    QTest::newRow("escape itself") << "\x1b" << false << false;
    QTest::newRow("LF") << "\n" << true << false;
    QTest::newRow("CR") << "\r" << true << false;
    QTest::newRow("form feed") << "\f" << false << true;
    QTest::newRow("€") << "€" << false << true;
    QTest::newRow("^") << "^" << false << true;
    QTest::newRow("\\") << "\\" << false << true;
    QTest::newRow("|") << "|" << false << true;
    QTest::newRow("~") << "~" << false << true;
    QTest::newRow("[") << "[" << false << true;
    QTest::newRow("]") << "]" << false << true;
    QTest::newRow("{") << "{" << false << true;
    QTest::newRow("}") << "}" << false << true;
}

void TestSmsSegments::characterTables()
{
    QFETCH(QString, character);
    QFETCH(bool, basic);
    QFETCH(bool, extension);
    QCOMPARE(character.size(), 1);
    QCOMPARE(SmsSegments::isGsm7Basic(character.front()), basic);
    QCOMPARE(SmsSegments::isGsm7Extension(character.front()), extension);
}

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_smssegments.moc"
