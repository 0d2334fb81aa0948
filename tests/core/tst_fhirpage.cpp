// FHIR Bundle parsing and mapping: pure functions, fed good, malformed and hostile bundles.
#include "sources/fhir/FhirPage.h"

#include <QFile>
#include <QTest>

using namespace mhero;
using namespace mhero::fhir;
using namespace mhero::sources;

class TestFhirPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void practitionerIhrisShape();
    void roleLocationAndCodeSystem();
    void openmrsPatientTelecomWithoutSystem();
    void historyDeletions();
    void malformedBundlesAreErrors_data();
    void malformedBundlesAreErrors();
    void operationOutcomeDiagnosticsAreSurfaced();
    void hostileEntriesAreSkippedNotFatal();
    void sizeLimit();
    void instants();
};

namespace {
QByteArray bundle(const QByteArray& entries, const QByteArray& extra = {})
{
    return R"j({"resourceType":"Bundle","type":"searchset")j" + extra + R"j(,"entry":[)j" + entries + "]}";
}

Page parsed(const QByteArray& body, const QString& region = QStringLiteral("LR"))
{
    ParseOptions options;
    options.defaultRegion = region;
    auto page = parsePage(body, options);
    if (!page)
        qWarning() << page.error().toString();
    return page ? *page : Page{};
}
} // namespace

void TestFhirPage::practitionerIhrisShape()
{
    const Page page = parsed(bundle(R"j({"fullUrl":"http://x/fhir/Practitioner/p1","search":{"mode":"match"},
        "resource":{"resourceType":"Practitioner","id":"p1","meta":{"lastUpdated":"2026-11-20T10:15:30.125Z"},
          "name":[{"use":"old","family":"Old","given":["Name"]},
                  {"use":"official","family":"Konneh","given":["Mariama","T."]}],
          "gender":"female","active":true,
          "identifier":[{"system":"http://moh.gov.lr/fhir/id/payroll","value":"PR-0042"}],
          "communication":[{"coding":[{"system":"urn:ietf:bcp:47","code":"fr-LR"}]}],
          "telecom":[{"system":"phone","value":"0770 123 456","use":"mobile"},
                     {"system":"sms","value":"00231 886 555 444"},
                     {"system":"email","value":"mkonneh@moh.gov.lr"},
                     {"system":"phone","value":"12345"},
                     {"system":"fax","value":"0770 999 999"}]}})j",
                                    R"j(,"total":1,"link":[{"relation":"self","url":"http://x/fhir/Practitioner"},
          {"relation":"next","url":"http://x/fhir/Practitioner?_page_token=abc"}])j"));
    QCOMPARE(page.bundleType, QStringLiteral("searchset"));
    QCOMPARE(page.total, std::optional<qint64>(1));
    QCOMPARE(page.next, QUrl(QStringLiteral("http://x/fhir/Practitioner?_page_token=abc")));
    QCOMPARE(page.people.size(), 1);
    const PersonRecord& p = page.people.first();
    QCOMPARE(p.resourceType, QStringLiteral("Practitioner"));
    QCOMPARE(p.id, QStringLiteral("p1"));
    QCOMPARE(p.givenName, QStringLiteral("Mariama T."));
    QCOMPARE(p.familyName, QStringLiteral("Konneh"));
    QCOMPARE(p.displayName, QStringLiteral("Mariama T. Konneh"));
    QCOMPARE(p.gender, QStringLiteral("female"));
    QCOMPARE(p.language, QStringLiteral("fr"));
    QCOMPARE(p.email, QStringLiteral("mkonneh@moh.gov.lr"));
    QVERIFY(p.active);
    QVERIFY(p.identifiersJson.contains(QStringLiteral("PR-0042")));
    QCOMPARE(p.lastUpdated, QDateTime(QDate(2026, 11, 20), QTime(10, 15, 30, 125), Qt::UTC));
    QCOMPARE(p.phones.size(), 3); // fax ignored
    QCOMPARE(p.phones.at(0).e164, QStringLiteral("+231770123456"));
    QCOMPARE(p.phoneUses.at(0), QStringLiteral("mobile"));
    QCOMPARE(p.phones.at(1).e164, QStringLiteral("+231886555444"));
    QVERIFY(!p.phones.at(2).valid());
    QCOMPARE(p.phones.at(2).raw, QStringLiteral("12345"));
    QCOMPARE(page.maxLastUpdated, p.lastUpdated);
    QVERIFY(page.problems.isEmpty());
}

void TestFhirPage::roleLocationAndCodeSystem()
{
    const Page page = parsed(bundle(R"j(
        {"resource":{"resourceType":"PractitionerRole","id":"r1","active":true,
          "practitioner":{"reference":"Practitioner/p1"},
          "code":[{"coding":[{"system":"http://other/jobs","code":"x"},
                             {"system":"http://ihris.org/fhir/CodeSystem/ihris-job","code":"rn","display":"Registered Nurse"}]}],
          "location":[{"reference":"https://registry.moh.gov.lr/fhir/Location/fac-1/_history/3"}],
          "organization":{"reference":"Organization/moh"},
          "period":{"start":"2019-03-01","end":"2030-12-31"}},"search":{"mode":"include"}},
        {"resource":{"resourceType":"Location","id":"fac-1","name":"Redemption Hospital","status":"active",
          "partOf":{"reference":"Location/dist-1"},
          "type":[{"coding":[{"code":"healthFacility"}]}],"physicalType":{"coding":[{"code":"bu"}]}}},
        {"resource":{"resourceType":"Location","id":"old","name":"Closed Clinic","status":"inactive"}},
        {"resource":{"resourceType":"CodeSystem","id":"ihris-job","url":"http://ihris.org/fhir/CodeSystem/ihris-job",
          "concept":[{"code":"rn","display":"Registered Nurse",
                      "property":[{"code":"cadre","valueCoding":{"code":"nurse","display":"Nurse"}}]},
                     {"code":"cm","display":"Certified Midwife","property":[{"code":"cadre","valueCode":"midwife"}]}]}}
    )j"));
    QCOMPARE(page.roles.size(), 1);
    const RoleRecord& r = page.roles.first();
    QCOMPARE(r.practitionerId, QStringLiteral("p1"));
    QCOMPARE(r.jobSystem, QString(kIhrisJobSystem));
    QCOMPARE(r.jobCode, QStringLiteral("rn"));
    QCOMPARE(r.jobDisplay, QStringLiteral("Registered Nurse"));
    QCOMPARE(r.locationId, QStringLiteral("fac-1"));
    QCOMPARE(r.organizationId, QStringLiteral("moh"));
    QCOMPARE(r.periodStart, QDate(2019, 3, 1));
    QCOMPARE(r.periodEnd, QDate(2030, 12, 31));
    QCOMPARE(page.places.size(), 2);
    QCOMPARE(page.places.at(0).partOfId, QStringLiteral("dist-1"));
    QCOMPARE(page.places.at(0).typeCodes, (QStringList{QStringLiteral("healthfacility"), QStringLiteral("bu")}));
    QVERIFY(page.places.at(0).active);
    QVERIFY(!page.places.at(1).active);
    QCOMPARE(page.jobs.size(), 2);
    QCOMPARE(page.jobs.at(0).cadreCode, QStringLiteral("nurse"));
    QCOMPARE(page.jobs.at(0).cadre, QStringLiteral("Nurse"));
    QCOMPARE(page.jobs.at(1).cadreCode, QStringLiteral("midwife"));
}

void TestFhirPage::openmrsPatientTelecomWithoutSystem()
{
    const Page page
        = parsed(bundle(R"j({"resource":{"resourceType":"Patient","id":"a1b2c3d4-0000-4000-8000-000000000001",
        "name":[{"text":"Esther Flomo","family":"Flomo","given":["Esther"]}],
        "telecom":[{"value":"0886123456"},{"value":"Sinkor, Monrovia"}],
        "deceasedBoolean":false,
        "communication":[{"language":{"coding":[{"code":"en"}]}}]}})j"));
    QCOMPARE(page.people.size(), 1);
    const PersonRecord& p = page.people.first();
    QCOMPARE(p.resourceType, QStringLiteral("Patient"));
    QCOMPARE(p.displayName, QStringLiteral("Esther Flomo"));
    QCOMPARE(p.language, QStringLiteral("en"));
    QCOMPARE(p.phones.size(), 1);
    QCOMPARE(p.phones.first().e164, QStringLiteral("+231886123456"));
    QVERIFY(p.active);
    const Page deceased
        = parsed(bundle(R"j({"resource":{"resourceType":"Patient","id":"x","deceasedDateTime":"2025-01-01"}})j"));
    QVERIFY(!deceased.people.first().active);
    QVERIFY(deceased.people.first().displayName.contains(QStringLiteral("x"))); // unnamed, still listed
}

void TestFhirPage::historyDeletions()
{
    const Page page = parsed(R"j({"resourceType":"Bundle","type":"history","entry":[
        {"request":{"method":"DELETE","url":"Practitioner/p9"},"response":{"status":"204"}},
        {"request":{"method":"DELETE","url":"Practitioner/p8/_history/4"}},
        {"request":{"method":"DELETE","url":"not-a-reference"}},
        {"resource":{"resourceType":"Practitioner","id":"p7"},"request":{"method":"PUT","url":"Practitioner/p7"}}]})j");
    QCOMPARE(page.deleted.size(), 2);
    QCOMPARE(page.deleted.at(0).id, QStringLiteral("p9"));
    QCOMPARE(page.deleted.at(1).id, QStringLiteral("p8"));
    QCOMPARE(page.people.size(), 1);
    QCOMPARE(page.problems.size(), 1);
}

void TestFhirPage::malformedBundlesAreErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("truncated") << QByteArray(R"j({"resourceType":"Bundle","entry":[{"resou)j") << "fhir-malformed";
    QTest::newRow("empty") << QByteArray() << "fhir-malformed";
    QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>") << "fhir-malformed";
    QTest::newRow("not a bundle") << QByteArray(R"j({"resourceType":"Practitioner","id":"p1"})j") << "fhir-not-bundle";
    QTest::newRow("outcome") << QByteArray(R"j({"resourceType":"OperationOutcome","issue":[{"severity":"error",
        "code":"too-costly","diagnostics":"Search too expensive"}]})j")
                             << "fhir-not-bundle";
    QTest::newRow("array") << QByteArray("[1,2,3]") << "fhir-not-bundle";
    QTest::newRow("entry not a list") << QByteArray(R"j({"resourceType":"Bundle","entry":{"a":1}})j")
                                      << "fhir-malformed";
    QTest::newRow("relative next") << QByteArray(
        R"j({"resourceType":"Bundle","link":[{"relation":"next","url":"?page=2"}]})j")
                                   << "fhir-malformed";
    QByteArray deep = R"j({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Practitioner","id":"p","x":)j";
    deep += QByteArray(100000, '[') + QByteArray(100000, ']') + "}}]}";
    QTest::newRow("deeply nested") << deep << "fhir-malformed";
}
void TestFhirPage::malformedBundlesAreErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    auto page = parsePage(body, ParseOptions{});
    QVERIFY(!page);
    QCOMPARE(page.error().code, code);
    QVERIFY(!page.error().message.isEmpty());
}

void TestFhirPage::operationOutcomeDiagnosticsAreSurfaced()
{
    auto page = parsePage(R"j({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly",
        "diagnostics":"Search too expensive"}]})j",
                          ParseOptions{});
    QVERIFY(!page);
    QCOMPARE(page.error().detail, QStringLiteral("Search too expensive"));
    QCOMPARE(operationOutcomeText(
                 R"j({"resourceType":"OperationOutcome","issue":[{"details":{"text":"a"}},{"code":"b"}]})j"),
             QStringLiteral("a; b"));
    QVERIFY(operationOutcomeText("not json").isEmpty());
}

void TestFhirPage::hostileEntriesAreSkippedNotFatal()
{
    const QByteArray huge(2 * 1024 * 1024, 'A');
    const Page page
        = parsed(bundle(R"j({"resource":{"resourceType":"Practitioner","id":"ok1","name":[{"family":"Good"}]}},
        {"fullUrl":"no resource"},
        {"resource":"a string"},
        {"resource":{"resourceType":"Practitioner","id":"bad id with spaces"}},
        {"resource":{"resourceType":"Practitioner","id":"p2","name":[{"family":")j"
                        + huge + R"j("}]}},
        {"resource":{"resourceType":"Practitioner","id":"p3","name":42,"telecom":"0770123456","gender":7,
          "active":"yes","identifier":[{"value":{"nested":true}}],"meta":{"lastUpdated":"yesterday"}}},
        {"resource":{"resourceType":"Practitioner","id":"p4","name":[{"given":[1,null,"Ok"]}]}},
        {"resource":{"resourceType":"Observation","id":"o1"}},
        {"resource":{"resourceType":"PractitionerRole","id":"r1","practitioner":{"reference":"Location/l1"},"code":"x"}},
        42, null)j"));
    QCOMPARE(page.entryCount, 11);
    QStringList ids;
    for (const PersonRecord& p : page.people)
        ids.append(p.id);
    QCOMPARE(ids, (QStringList{QStringLiteral("ok1"), QStringLiteral("p3"), QStringLiteral("p4")}));
    // Wrong types read as missing values, with defaults.
    const PersonRecord& p3 = page.people.at(1);
    QVERIFY(p3.active);
    QVERIFY(p3.gender.isEmpty());
    QVERIFY(p3.phones.isEmpty());
    QVERIFY(!p3.lastUpdated.isValid());
    QCOMPARE(page.people.at(2).givenName, QStringLiteral("Ok"));
    // The role's practitioner reference points at the wrong type: no practitioner.
    QCOMPARE(page.roles.size(), 1);
    QVERIFY(page.roles.first().practitionerId.isEmpty());
    // Every skipped entry is explained.
    QCOMPARE(page.problems.size(), 6);
}

void TestFhirPage::sizeLimit()
{
    ParseOptions options;
    options.maxBodyBytes = 10;
    auto page = parsePage(bundle(""), options);
    QVERIFY(!page);
    QCOMPARE(page.error().code, QStringLiteral("fhir-too-large"));
}

void TestFhirPage::instants()
{
    QCOMPARE(parseInstant(QStringLiteral("2026-11-25T06:47:00.123+01:00")),
             QDateTime(QDate(2026, 11, 25), QTime(5, 47, 0, 123), Qt::UTC));
    QCOMPARE(parseInstant(QStringLiteral("2026-11-25")), QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
    QCOMPARE(parseInstant(QStringLiteral("2026")), QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(!parseInstant(QStringLiteral("soon")).isValid());
    QCOMPARE(formatInstant(QDateTime(QDate(2026, 11, 25), QTime(5, 47, 0, 5), Qt::UTC)),
             QStringLiteral("2026-11-25T05:47:00.005Z"));
}

QTEST_GUILESS_MAIN(TestFhirPage)
#include "tst_fhirpage.moc"
