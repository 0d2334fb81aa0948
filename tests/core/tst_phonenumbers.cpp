// Phone normalisation: the ways registry clerks type numbers all land on the same E.164.
#include "phone/PhoneNumbers.h"

#include <QTest>

using namespace mhero;

class TestPhoneNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameNumberEveryWay_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        // Liberia: Lonestar 077x / Orange 088x, national trunk prefix 0, IDD 00.
        QTest::newRow("national spaced") << "0770 123 456"
                                         << "LR"
                                         << "+231770123456";
        QTest::newRow("national parenthesised") << "(077) 0123456"
                                                << "LR"
                                                << "+231770123456";
        QTest::newRow("IDD 00") << "00231 770 123 456"
                                << "LR"
                                << "+231770123456";
        QTest::newRow("no plus") << "231770123456"
                                 << "LR"
                                 << "+231770123456";
        QTest::newRow("no plus, dashes") << "231-770-123-456"
                                         << "LR"
                                         << "+231770123456";
        QTest::newRow("plus") << "+231 770 123 456"
                              << "LR"
                              << "+231770123456";
        QTest::newRow("dots") << "0770.123.456"
                              << "LR"
                              << "+231770123456";
        QTest::newRow("orange") << "0886 555 444"
                                << "LR"
                                << "+231886555444";
        // A foreign number written internationally is read as such whatever the default region.
        QTest::newRow("Kenya from LR source") << "+254 712 345 678"
                                              << "LR"
                                              << "+254712345678";
        QTest::newRow("Kenya national") << "0712 345678"
                                        << "KE"
                                        << "+254712345678";
        QTest::newRow("Sierra Leone") << "076 123456"
                                      << "SL"
                                      << "+23276123456";
    }
    void sameNumberEveryWay()
    {
        QFETCH(QString, raw);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        const phone::Normalized n = phone::normalize(raw, region);
        QCOMPARE(n.e164, e164);
        QVERIFY(n.valid());
        QVERIFY(n.problem.isEmpty());
        QCOMPARE(n.raw, raw.trimmed());
    }

    void invalidNumbersAreKeptAndExplained_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("region");
        QTest::newRow("too short") << "12345"
                                   << "LR";
        QTest::newRow("letters") << "call 0770 123 456"
                                 << "LR";
        QTest::newRow("extension") << "0770123456 ext 12"
                                   << "LR";
        QTest::newRow("empty") << "   "
                               << "LR";
        QTest::newRow("national without region") << "0770 123 456"
                                                 << "";
        QTest::newRow("wrong length") << "0770 123 45"
                                      << "LR";
    }
    void invalidNumbersAreKeptAndExplained()
    {
        QFETCH(QString, raw);
        QFETCH(QString, region);
        const phone::Normalized n = phone::normalize(raw, region);
        QVERIFY(!n.valid());
        QVERIFY(n.e164.isEmpty());
        QVERIFY2(!n.problem.isEmpty(), "an invalid number says why");
        QCOMPARE(n.raw, raw.trimmed());
    }

    void urnsInRapidProForm()
    {
        QCOMPARE(phone::telUrn(QStringLiteral("+231770123456")), QStringLiteral("tel:+231770123456"));
        QCOMPARE(phone::whatsappUrn(QStringLiteral("+231770123456")), QStringLiteral("whatsapp:231770123456"));
    }

    void looksLikePhone()
    {
        QVERIFY(phone::looksLikePhone(QStringLiteral("0886123456")));
        QVERIFY(phone::looksLikePhone(QStringLiteral("+231 (77) 012-3456")));
        QVERIFY(!phone::looksLikePhone(QStringLiteral("Monrovia, Sinkor")));
        QVERIFY(!phone::looksLikePhone(QStringLiteral("1234")));
        QVERIFY(!phone::looksLikePhone(QStringLiteral("nurse@moh.gov.lr")));
    }

    void regions()
    {
        for (const char* r : {"LR", "SL", "GN", "ML", "KE", "lr"})
            QVERIFY2(phone::isKnownRegion(QString::fromLatin1(r)), r);
        QVERIFY(!phone::isKnownRegion(QStringLiteral("XX")));
        QVERIFY(!phone::isKnownRegion(QStringLiteral("LBR")));
    }

    void searchForms()
    {
        const auto full = phone::searchForm(QStringLiteral("0770 123 456"), QStringLiteral("LR"));
        QCOMPARE(full.e164, QStringLiteral("+231770123456"));
        QCOMPARE(full.digits, QStringLiteral("770123456"));
        const auto partial = phone::searchForm(QStringLiteral("0770 12"), QStringLiteral("LR"));
        QVERIFY(partial.e164.isEmpty());
        QCOMPARE(partial.digits, QStringLiteral("77012"));
        const auto idd = phone::searchForm(QStringLiteral("00231 77"), QStringLiteral("LR"));
        QCOMPARE(idd.digits, QStringLiteral("23177"));
        QVERIFY(phone::searchForm(QStringLiteral("Konneh"), QStringLiteral("LR")).digits.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumbers)
#include "tst_phonenumbers.moc"
