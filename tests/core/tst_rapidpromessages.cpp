// RapidPro's JSON as the client reads it: current and older message shapes, contacts with and
// without a status, error bodies, timestamps with microseconds, URN normalisation — and pages
// that are malformed or hostile, which must give a clear error or skip the bad entry, never crash.
#include "channels/rapidpro/RapidProMessages.h"

#include <QTest>
#include <QTimeZone>

using namespace mhero;
using namespace mhero::rapidpro;

class TestRapidProMessages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currentMessagePage();
    void legacyMessageWithoutUuid();
    void badEntriesAreSkippedWithAReason();
    void malformedPages_data();
    void malformedPages();
    void contactsOldAndNew();
    void errorBodies_data();
    void errorBodies();
    void statuses_data();
    void statuses();
    void timestamps();
    void createdOnIsPassedOnInOneSafeForm_data();
    void createdOnIsPassedOnInOneSafeForm();
    void urns_data();
    void urns();
};

void TestRapidProMessages::currentMessagePage()
{
    const QByteArray body = R"({"next": "https://rapidpro.example/api/v2/messages.json?cursor=abc", "previous": null,
      "results": [{"uuid": "0199bb98-3637-778d-9dfc-0ab85c950d7c",
                   "contact": {"uuid": "d33e9ad5-5c35-414c-abd4-e7451c69ff1d", "name": "Bob McFlow"},
                   "urn": "tel:+231770123456", "channel": {"uuid": "9a8b", "name": "Vonage"},
                   "direction": "in", "type": "text", "status": "handled", "visibility": "visible",
                   "text": "How are you?", "labels": [], "flow": null,
                   "attachments": [{"content_type": "image/jpeg", "url": "https://x.example/a.jpg"}],
                   "created_on": "2016-01-06T15:33:00.813162Z", "sent_on": null,
                   "modified_on": "2016-01-06T15:35:03.675716Z", "id": 4105426, "broadcast": null}]})";
    auto page = parseMessages(body);
    QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error().toString()));
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->next, QUrl(QStringLiteral("https://rapidpro.example/api/v2/messages.json?cursor=abc")));
    const Message& m = page->results.first();
    QCOMPARE(m.externalId(), QStringLiteral("0199bb98-3637-778d-9dfc-0ab85c950d7c"));
    QCOMPARE(m.id.value_or(0), 4105426);
    QCOMPARE(m.contactUuid, QStringLiteral("d33e9ad5-5c35-414c-abd4-e7451c69ff1d"));
    QCOMPARE(m.contactName, QStringLiteral("Bob McFlow"));
    QCOMPARE(m.channelName, QStringLiteral("Vonage"));
    QCOMPARE(m.direction, QStringLiteral("in"));
    QCOMPARE(m.attachments.size(), 1);
    QCOMPARE(m.attachments.first().contentType, QStringLiteral("image/jpeg"));
    QCOMPARE(m.createdOn, QDateTime(QDate(2016, 1, 6), QTime(15, 33, 0, 813), QTimeZone::utc()));
    QVERIFY(!m.sentOn.isValid());
    QVERIFY(page->problems.isEmpty());
}

void TestRapidProMessages::legacyMessageWithoutUuid()
{
    auto page = parseMessages(R"({"next": null, "results": [{"id": 77, "direction": "out", "status": "wired",
        "text": "Hi", "urn": "tel:+231770123456", "created_on": "2016-01-06T15:33:00Z"}]})");
    QVERIFY(page.ok());
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().externalId(), QStringLiteral("77"));
    QVERIFY(page->next.isEmpty());
}

void TestRapidProMessages::badEntriesAreSkippedWithAReason()
{
    auto page = parseMessages(R"({"next": null, "results": [
        "not an object",
        {"direction": "in", "text": "no id", "created_on": "2016-01-06T15:33:00Z"},
        {"uuid": "a b c", "direction": "in", "created_on": "2016-01-06T15:33:00Z"},
        {"uuid": "u1", "direction": "sideways", "created_on": "2016-01-06T15:33:00Z"},
        {"uuid": "u2", "direction": "in", "created_on": "yesterday"},
        {"uuid": "u3", "direction": "in", "text": 12, "attachments": "none", "contact": [],
         "created_on": "2016-01-06T15:33:00Z"}]})");
    QVERIFY(page.ok());
    // Only the last survives: wrong types inside an otherwise valid message read as missing.
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().uuid, QStringLiteral("u3"));
    QCOMPARE(page->results.first().text, QString());
    QCOMPARE(page->problems.size(), 5);
    QVERIFY(page->problems.at(4).contains(QStringLiteral("created_on")));
}

void TestRapidProMessages::malformedPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("html error page") << QByteArray("<html>Server Error</html>") << QStringLiteral("rapidpro-bad-json");
    QTest::newRow("truncated") << QByteArray(R"({"next": null, "results": [{"uuid": )") << QStringLiteral("rapidpro-bad-json");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("rapidpro-bad-json");
    QTest::newRow("no results") << QByteArray(R"({"next": null})") << QStringLiteral("rapidpro-bad-page");
    QTest::newRow("results not a list") << QByteArray(R"({"results": {}})") << QStringLiteral("rapidpro-bad-page");
    QTest::newRow("relative next") << QByteArray(R"({"next": "/api/v2/messages.json?cursor=x", "results": []})")
                                   << QStringLiteral("rapidpro-bad-page");
    QByteArray deep(5000, '[');
    QTest::newRow("deeply nested") << QByteArray(R"({"results": )" + deep) << QStringLiteral("rapidpro-bad-json");
}

void TestRapidProMessages::malformedPages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    auto page = parseMessages(body);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, code);
    QVERIFY(!page.error().message.isEmpty());
}

void TestRapidProMessages::contactsOldAndNew()
{
    auto page = parseContacts(R"({"next": null, "results": [
        {"uuid": "c1", "name": "Esther", "status": "stopped", "language": "eng", "urns": ["tel:+231770000001", 5],
         "modified_on": "2024-03-01T10:00:00.123456Z"},
        {"uuid": "c2", "name": null, "blocked": true, "stopped": false, "urns": []},
        {"uuid": "c3", "stopped": true, "urns": ["whatsapp:231770000003"]},
        {"name": "no uuid"}]})");
    QVERIFY(page.ok());
    QCOMPARE(page->results.size(), 3);
    QCOMPARE(page->results.at(0).status, QStringLiteral("stopped"));
    QCOMPARE(page->results.at(0).urns, QStringList{QStringLiteral("tel:+231770000001")});
    QCOMPARE(page->results.at(1).status, QStringLiteral("blocked"));
    QCOMPARE(page->results.at(2).status, QStringLiteral("stopped"));
    QCOMPARE(page->problems.size(), 1);
}

void TestRapidProMessages::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("detail") << QByteArray(R"({"detail": "Invalid token"})") << QStringLiteral("Invalid token");
    QTest::newRow("field") << QByteArray(R"({"contact": ["This field is required."]})")
                           << QStringLiteral("contact: This field is required.");
    QTest::newRow("non field") << QByteArray(R"({"non_field_errors": ["Must provide either text or attachments."]})")
                               << QStringLiteral("Must provide either text or attachments.");
    QTest::newRow("plain text") << QByteArray("Server Error. Site administrators have been notified.\n")
                                << QStringLiteral("Server Error. Site administrators have been notified.");
}

void TestRapidProMessages::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(errorText(body), text);
}

void TestRapidProMessages::statuses_data()
{
    QTest::addColumn<QString>("rapidpro");
    QTest::addColumn<QString>("mhero");
    QTest::newRow("queued") << "queued" << "queued";
    QTest::newRow("errored: RapidPro retries") << "errored" << "queued";
    QTest::newRow("wired") << "wired" << "sent";
    QTest::newRow("sent") << "sent" << "sent";
    QTest::newRow("delivered") << "delivered" << "delivered";
    QTest::newRow("read") << "read" << "read";
    QTest::newRow("failed") << "failed" << "failed";
    QTest::newRow("handled: inbound") << "handled" << "";
}

void TestRapidProMessages::statuses()
{
    QFETCH(QString, rapidpro);
    QFETCH(QString, mhero);
    QCOMPARE(mheroStatus(rapidpro), mhero);
}

void TestRapidProMessages::timestamps()
{
    const QDateTime t(QDate(2026, 11, 25), QTime(8, 5, 53, 123), QTimeZone::utc());
    QCOMPARE(parseTimestamp(QStringLiteral("2026-11-25T08:05:53.123456Z")), t);
    QCOMPARE(parseTimestamp(QStringLiteral("2026-11-25T10:05:53.123456+02:00")), t);
    QCOMPARE(parseTimestamp(QStringLiteral("2026-11-25T08:05:53.123Z")), t);
    QVERIFY(!parseTimestamp(QStringLiteral("25/11/2026")).isValid());
    QVERIFY(!parseTimestamp(QString()).isValid());
    QCOMPARE(formatTimestamp(t), QStringLiteral("2026-11-25T08:05:53.123000Z"));
    QCOMPARE(parseTimestamp(formatTimestamp(t)), t);
}

void TestRapidProMessages::urns_data()
{
    QTest::addColumn<QString>("urn");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("normal");
    QTest::newRow("e164") << "tel:+231770123456" << "LR" << "tel:+231770123456";
    QTest::newRow("local number") << "tel:0770123456" << "LR" << "tel:+231770123456";
    QTest::newRow("whatsapp digits") << "whatsapp:231770123456" << "LR" << "whatsapp:231770123456";
    QTest::newRow("display part") << "tel:+231770123456#Esther" << "LR" << "tel:+231770123456";
    QTest::newRow("unparsable tel kept") << "tel:12" << "LR" << "tel:12";
    QTest::newRow("telegram") << "telegram:1234567" << "LR" << "telegram:1234567";
    QTest::newRow("no scheme") << "0770123456" << "LR" << "";
    QTest::newRow("empty path") << "tel:" << "LR" << "";
    QTest::newRow("spaces") << "facebook:12 34" << "LR" << "";
}

void TestRapidProMessages::urns()
{
    QFETCH(QString, urn);
    QFETCH(QString, region);
    QFETCH(QString, normal);
    QCOMPARE(normaliseUrn(urn, region), normal);
}

void TestRapidProMessages::createdOnIsPassedOnInOneSafeForm_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("passedOn");
    QTest::newRow("RapidPro's own") << "2016-01-06T15:33:00.813162Z" << "2016-01-06T15:33:00.813162Z";
    QTest::newRow("milliseconds") << "2016-01-06T15:33:00.813Z" << "2016-01-06T15:33:00.813000Z";
    QTest::newRow("no fraction") << "2016-01-06T15:33:00Z" << "2016-01-06T15:33:00.000000Z";
    // Forms Qt reads and PostgreSQL refuses: passed on raw, they failed the page on every poll.
    QTest::newRow("decimal comma") << "2016-01-06T15:33:00,813162Z" << "2016-01-06T15:33:00.813162Z";
    QTest::newRow("offset past 15:59") << "2016-01-06T15:33:00.5+23:59" << "2016-01-05T15:34:00.500000Z";
    QTest::newRow("many digits") << "2016-01-06T15:33:00.81316299999999Z" << "2016-01-06T15:33:00.813162Z";
}

void TestRapidProMessages::createdOnIsPassedOnInOneSafeForm()
{
    QFETCH(QString, sent);
    QFETCH(QString, passedOn);
    const QByteArray body = R"({"next": null, "results": [{"id": 5, "direction": "in", "text": "Hi",
        "urn": "tel:+231770123456", "created_on": ")" + sent.toUtf8() + R"("}]})";
    auto page = parseMessages(body);
    QVERIFY(page.ok());
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().createdOnText, passedOn);
}

QTEST_GUILESS_MAIN(TestRapidProMessages)
#include "tst_rapidpromessages.moc"
