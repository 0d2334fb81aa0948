// The directory sync against a real FHIR server (Medplum's router in Node, over loopback HTTP)
// and a real PostgreSQL: full sync, changes, incremental sync, faults, authentication, the CLI.
#include "FhirTestServer.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "admin/AdminCli.h"
#include "db/Sql.h"
#include "directory/DirectorySearch.h"
#include "sources/DirectoryStore.h"
#include "sources/SyncProgress.h"
#include "sources/fhir/FhirFileSource.h"
#include "sources/fhir/FhirClient.h"
#include "sources/fhir/FhirSource.h"
#include "sources/fhir/FhirSync.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <map>

using namespace mhero;
using namespace mhero::test;

namespace {
constexpr int kWorkers = 30;
const QByteArray kToken = "s3cret-token";
const QByteArray kAuth = "Bearer " + kToken;

const char* const kGiven[] = {"Mariama", "Joseph", "Comfort", "Emmanuel", "Esther", "Moses", "Zoé", "Prince"};
const char* const kFamily[] = {"Konneh", "Flomo", "Kamara", "Sirleaf", "Wleh", "Dolo", "Gbowee", "Kollie", "Tarr"};

QJsonObject coding(const QString& system, const QString& code, const QString& display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

QJsonObject ref(const QString& reference)
{
    return QJsonObject{{QStringLiteral("reference"), reference}};
}

/// The phone of worker @p i, written one of the ways registry clerks write it; always the same
/// E.164 number +23177010xxxx.
QString phoneOf(int i, int style)
{
    const QString digits = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
    switch (style % 4) {
    case 0:
        return QStringLiteral("0770 10%1").arg(digits.left(1)) + QStringLiteral(" ") + digits.mid(1)
            + QStringLiteral("0");
    case 1:
        return QStringLiteral("(077) 010%1").arg(digits) + QStringLiteral("0");
    case 2:
        return QStringLiteral("00231 770 10%1 %2").arg(digits.left(1), digits.mid(1)) + QLatin1Char('0');
    default:
        return QStringLiteral("231-770-10%1-%2").arg(digits.left(1), digits.mid(1)) + QLatin1Char('0');
    }
}
QString e164Of(int i)
{
    return QStringLiteral("+23177010%1").arg(i, 3, 10, QLatin1Char('0')) + QStringLiteral("0");
}

QJsonObject practitioner(int i)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
        {QStringLiteral("id"), QStringLiteral("hw-%1").arg(i, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("active"), true},
        {QStringLiteral("gender"), i % 2 ? QStringLiteral("male") : QStringLiteral("female")},
        {QStringLiteral("name"),
         QJsonArray{QJsonObject{{QStringLiteral("use"), QStringLiteral("official")},
                                {QStringLiteral("family"), QString::fromUtf8(kFamily[i % 9])},
                                {QStringLiteral("given"), QJsonArray{QString::fromUtf8(kGiven[i % 8])}}}}},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://ihris.org/fhir/ids/employee")},
                                {QStringLiteral("value"), QStringLiteral("LR-%1").arg(1000 + i)}}}},
        {QStringLiteral("telecom"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                {QStringLiteral("value"), phoneOf(i, i)},
                                {QStringLiteral("use"), QStringLiteral("mobile")}}}}};
}

QJsonObject role(int i, const QString& facility)
{
    static const char* const jobs[] = {"rn", "cm", "pa"};
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("PractitionerRole")},
        {QStringLiteral("id"), QStringLiteral("role-%1").arg(i, 3, 10, QLatin1Char('0'))},
        {QStringLiteral("active"), true},
        {QStringLiteral("practitioner"), ref(QStringLiteral("Practitioner/hw-%1").arg(i, 3, 10, QLatin1Char('0')))},
        {QStringLiteral("code"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{coding(QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-job"),
                                                   QString::fromLatin1(jobs[i % 3]))}}}}},
        {QStringLiteral("location"), QJsonArray{ref(QStringLiteral("Location/") + facility)}},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), QStringLiteral("2020-01-01")}}}};
}

QJsonObject location(const QString& id, const QString& name, const QString& type, const QString& parent)
{
    QJsonObject l{
        {QStringLiteral("resourceType"), QStringLiteral("Location")},
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("type"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{coding(QStringLiteral("urn:ihe:iti:mcsd:2019:locationType"), type)}}}}}};
    if (!parent.isEmpty())
        l.insert(QStringLiteral("partOf"), ref(QStringLiteral("Location/") + parent));
    return l;
}

QJsonArray seed()
{
    QJsonArray resources;
    const auto conceptOf = [](const QString& code, const QString& display, const QString& cadre) {
        QJsonObject c{{QStringLiteral("code"), code}, {QStringLiteral("display"), display}};
        if (!cadre.isEmpty())
            c.insert(QStringLiteral("property"),
                     QJsonArray{
                         QJsonObject{{QStringLiteral("code"), QStringLiteral("cadre")},
                                     {QStringLiteral("valueCoding"),
                                      coding(QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-cadre"), cadre)}}});
        return c;
    };
    resources.append(
        QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("CodeSystem")},
                    {QStringLiteral("id"), QStringLiteral("ihris-cadre")},
                    {QStringLiteral("url"), QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-cadre")},
                    {QStringLiteral("status"), QStringLiteral("active")},
                    {QStringLiteral("content"), QStringLiteral("complete")},
                    {QStringLiteral("concept"),
                     QJsonArray{conceptOf(QStringLiteral("nurse"), QStringLiteral("Nurse"), {}),
                                conceptOf(QStringLiteral("midwife"), QStringLiteral("Midwife"), {}),
                                conceptOf(QStringLiteral("pa"), QStringLiteral("Physician Assistant"), {})}}});
    resources.append(QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("CodeSystem")},
        {QStringLiteral("id"), QStringLiteral("ihris-job")},
        {QStringLiteral("url"), QStringLiteral("http://ihris.org/fhir/CodeSystem/ihris-job")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("content"), QStringLiteral("complete")},
        {QStringLiteral("concept"),
         QJsonArray{conceptOf(QStringLiteral("rn"), QStringLiteral("Registered Nurse"), QStringLiteral("nurse")),
                    conceptOf(QStringLiteral("cm"), QStringLiteral("Certified Midwife"), QStringLiteral("midwife")),
                    conceptOf(QStringLiteral("pa"), QStringLiteral("Physician Assistant"), QStringLiteral("pa"))}}});
    resources.append(location(QStringLiteral("lr"), QStringLiteral("Liberia"), QStringLiteral("country"), {}));
    resources.append(location(QStringLiteral("mont"), QStringLiteral("Montserrado"), QStringLiteral("county"),
                              QStringLiteral("lr")));
    resources.append(
        location(QStringLiteral("bong"), QStringLiteral("Bong"), QStringLiteral("county"), QStringLiteral("lr")));
    resources.append(location(QStringLiteral("gm"), QStringLiteral("Greater Monrovia"), QStringLiteral("district"),
                              QStringLiteral("mont")));
    resources.append(location(QStringLiteral("jorq"), QStringLiteral("Jorquelleh"), QStringLiteral("district"),
                              QStringLiteral("bong")));
    resources.append(location(QStringLiteral("fac-redemption"), QStringLiteral("Redemption Hospital"),
                              QStringLiteral("facility"), QStringLiteral("gm")));
    resources.append(location(QStringLiteral("fac-phebe"), QStringLiteral("Phebe Hospital"), QStringLiteral("facility"),
                              QStringLiteral("jorq")));
    for (int i = 1; i <= kWorkers; ++i) {
        resources.append(practitioner(i));
        resources.append(role(i, i % 2 ? QStringLiteral("fac-redemption") : QStringLiteral("fac-phebe")));
    }
    return resources;
}

int count(QSqlDatabase& db, const QString& sql)
{
    auto v = sql::scalar(db, sql);
    if (!v)
        qWarning() << v.error().toString();
    return v ? v->toInt() : -1;
}
QString text(QSqlDatabase& db, const QString& sql)
{
    auto v = sql::scalar(db, sql);
    return v ? v->toString() : QStringLiteral("<error: %1>").arg(v.error().toString());
}
} // namespace

class TestFhirSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullThenIncrementalSync();
    void malformedPageOrServerErrorLosesNothing();
    void retriesTransientErrors();
    void wrongCredentialsAreReported();
    void adminCommandLine();
    void progressIsSharedThenCleared();
    void importsIhrisShapedBundle();
    void firstSyncDefersTheSearchIndexes();
    void nextLinkLoopStopsTheSyncAtOnce();
    void pagesPerRunAreCapped();
    void numbersMovingBetweenPeopleStayLinked_data();
    void numbersMovingBetweenPeopleStayLinked();
    void importReportsSkippedEntries();
    void searchEscapesWildcardsAfterFolding();

private:
    struct Fixture
    {
        QString database;
        std::optional<ScopedConnection> connection;
        fhir::FhirSource source;
    };
    /// A fresh migrated database with a FHIR source pointing at @p server.
    Fixture makeFixture(const FhirTestServer& server, const QString& token = QString::fromLatin1(kToken));
    sources::SyncReport runSync(Fixture& f, int timeoutMs = 5000);

    std::unique_ptr<FhirTestServer> m_server;
    QTemporaryDir m_keyDir; ///< the engine key of each test database
    std::map<QString, secrets::EngineKey> m_keys;
};

void TestFhirSync::initTestCase()
{
    m_server = std::make_unique<FhirTestServer>(QStringList{QStringLiteral("--auth"), QStringLiteral("bearer"),
                                                            QStringLiteral("--token"), QString::fromLatin1(kToken)});
    QVERIFY2(m_server->ok(), qPrintable(m_server->startError()));
}

TestFhirSync::Fixture TestFhirSync::makeFixture(const FhirTestServer& server, const QString& token)
{
    Fixture f;
    f.database = TestCluster::instance().createDatabase();
    auto connection = TestCluster::instance().connectSuperuser(f.database);
    if (!connection)
        qFatal("%s", qPrintable(connection.error().toString()));
    f.connection.emplace(std::move(connection.value()));
    f.source.name = QStringLiteral("ihris");
    f.source.baseUrl = server.baseUrl();
    f.source.kind = fhir::SourceKind::Ihris;
    f.source.credentials = {fhir::Credentials::Method::Bearer, token, {}};
    f.source.region = QStringLiteral("LR");
    f.source.pageSize = 10;
    auto key = TestCluster::instance().installEngineKey(f.database, m_keyDir.filePath(f.database));
    if (!key)
        qFatal("%s", qPrintable(key.error().toString()));
    m_keys.insert_or_assign(f.database, *key);
    if (Status added = fhir::addFhirSource(f.connection->db(), f.source); !added)
        qFatal("%s", qPrintable(added.error().toString()));
    auto loaded = fhir::loadFhirSources(f.connection->db(), f.source.name, &m_keys.at(f.database));
    if (!loaded || loaded->size() != 1)
        qFatal("cannot load the source back");
    f.source = loaded->first();
    return f;
}

sources::SyncReport TestFhirSync::runSync(Fixture& f, int timeoutMs)
{
    fhir::FhirSync job(f.connection->db(), f.source);
    job.client().setBackoff(20, 200);
    job.client().setTimeout(timeoutMs);
    sources::SyncReport report;
    QEventLoop loop;
    connect(&job, &fhir::FhirSync::finished, &loop, [&](const sources::SyncReport& r) {
        report = r;
        loop.quit();
    });
    job.start();
    loop.exec();
    return report;
}

void TestFhirSync::fullThenIncrementalSync()
{
    QVERIFY(m_server->post(FhirTestServer::transaction(seed()), kAuth));
    Fixture f = makeFixture(*m_server);
    QSqlDatabase& db = f.connection->db();

    // --- full sync ---------------------------------------------------------------------------
    sources::SyncReport report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    QCOMPARE(report.people, kWorkers);
    QVERIFY(report.pages >= 3); // 30 practitioners at 10 per page: the next links were followed
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), kWorkers);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker WHERE active")), kWorkers);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker_role")), kWorkers);
    // Every phone, however it was typed, is the same E.164 number, with both URN forms.
    QCOMPARE(text(db,
                  QStringLiteral("SELECT coalesce(string_agg(raw || ' ' || problem, '; '), '') FROM "
                                 "mhero.health_worker_phone WHERE NOT valid")),
             QString());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker_phone WHERE valid")), kWorkers);
    for (int i : {1, 2, 3, 4, 17}) {
        const QString id = QStringLiteral("hw-%1").arg(i, 3, 10, QLatin1Char('0'));
        QCOMPARE(text(db,
                      QStringLiteral("SELECT p.e164 FROM mhero.health_worker_phone p JOIN mhero.health_worker h "
                                     "ON h.id = p.health_worker_id WHERE h.resource_id = '%1'")
                          .arg(id)),
                 e164Of(i));
        QCOMPARE(count(db,
                       QStringLiteral("SELECT count(*) FROM mhero.contact_urn u JOIN mhero.health_worker h ON "
                                      "h.id = u.health_worker_id WHERE h.resource_id = '%1' AND u.urn IN ('tel:%2', "
                                      "'whatsapp:%3')")
                           .arg(id, e164Of(i), e164Of(i).mid(1))),
                 2);
    }
    // Job → cadre through the iHRIS CodeSystems; facility → district → county through partOf.
    QCOMPARE(text(db,
                  QStringLiteral("SELECT concat_ws('|', display_name, job, cadre, facility, district, region) "
                                 "FROM mhero.health_worker WHERE resource_id = 'hw-001'")),
             QStringLiteral("Joseph Flomo|Certified Midwife|Midwife|Redemption Hospital|Greater Monrovia|Montserrado"));
    QCOMPARE(text(db,
                  QStringLiteral("SELECT concat_ws('|', job, cadre, facility, district, region) "
                                 "FROM mhero.health_worker WHERE resource_id = 'hw-002'")),
             QStringLiteral("Physician Assistant|Physician Assistant|Phebe Hospital|Jorquelleh|Bong"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.directory_facet WHERE kind = 'district'")), 2);
    // The first sync built the search indexes at its end (migration 8).
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.directory_deferred_index")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = 'mhero' AND indexname IN "
                                      "('health_worker_search', 'health_worker_name_search', 'health_worker_phone_prefix')")),
             3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker WHERE search_text LIKE '%flomo%'")),
             count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker WHERE display_name ILIKE '%flomo%'")));

    // A second sync right away changes nothing.
    const QString before
        = text(db, QStringLiteral("SELECT md5(string_agg(h::text, ',' ORDER BY id)) FROM mhero.health_worker h"));
    report = runSync(f);
    QVERIFY(!report.error);
    QCOMPARE(text(db, QStringLiteral("SELECT md5(string_agg(h::text, ',' ORDER BY id)) FROM mhero.health_worker h")),
             before);

    // --- changes on the server ----------------------------------------------------------------
    QTest::qWait(20); // lastUpdated has millisecond precision
    QJsonObject added = practitioner(31);
    QVERIFY(m_server->put(added, kAuth));
    QVERIFY(m_server->put(role(31, QStringLiteral("fac-phebe")), kAuth));
    QJsonObject renamed = practitioner(1);
    renamed[QStringLiteral("name")]
        = QJsonArray{QJsonObject{{QStringLiteral("family"), QStringLiteral("Flomo-Kamara")},
                                 {QStringLiteral("given"), QJsonArray{QStringLiteral("Joseph")}}}};
    QVERIFY(m_server->put(renamed, kAuth));
    QJsonObject deactivated = practitioner(2);
    deactivated[QStringLiteral("active")] = false;
    QVERIFY(m_server->put(deactivated, kAuth));
    QVERIFY(m_server->remove(QStringLiteral("Practitioner"), QStringLiteral("hw-003"), kAuth));
    QJsonObject newPhone = practitioner(4);
    newPhone[QStringLiteral("telecom")]
        = QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                 {QStringLiteral("value"), QStringLiteral("0886 555 444")}}};
    QVERIFY(m_server->put(newPhone, kAuth));
    QVERIFY(m_server->put(role(5, QStringLiteral("fac-phebe")), kAuth)); // moved, practitioner unchanged

    // --- incremental sync ---------------------------------------------------------------------
    m_server->takeRequests();
    report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    const QStringList requests = m_server->takeRequests();
    for (const QString& r : requests)
        if (r.contains(QLatin1String("/Practitioner?")))
            QVERIFY2(r.contains(QLatin1String("_lastUpdated=ge")), qPrintable(r)); // incremental, not a full read
    QCOMPARE(report.deleted, 1);

    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), kWorkers + 1); // nothing vanished
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker WHERE active")), kWorkers - 1);
    QCOMPARE(
        text(
            db,
            QStringLiteral(
                "SELECT concat_ws('|', display_name, facility) FROM mhero.health_worker WHERE resource_id = 'hw-031'")),
        QStringLiteral("Prince Wleh|Phebe Hospital"));
    QCOMPARE(text(db, QStringLiteral("SELECT display_name FROM mhero.health_worker WHERE resource_id = 'hw-001'")),
             QStringLiteral("Joseph Flomo-Kamara"));
    QCOMPARE(text(db, QStringLiteral("SELECT active FROM mhero.health_worker WHERE resource_id = 'hw-002'")),
             QStringLiteral("false"));
    QCOMPARE(text(db,
                  QStringLiteral("SELECT concat_ws('|', active, deleted_at IS NOT NULL) FROM mhero.health_worker "
                                 "WHERE resource_id = 'hw-003'")),
             QStringLiteral("f|t"));
    // The new number leads to hw-004; the old one leads to nobody now.
    QCOMPARE(
        text(db,
             QStringLiteral("SELECT string_agg(e164, ',') FROM mhero.health_worker_phone p JOIN mhero.health_worker h "
                            "ON h.id = p.health_worker_id WHERE h.resource_id = 'hw-004'")),
        QStringLiteral("+231886555444"));
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM mhero.contact_urn u JOIN mhero.health_worker h ON h.id = "
                                  "u.health_worker_id WHERE h.resource_id = 'hw-004' AND u.urn LIKE '%231886555444'")),
             2);
    QCOMPARE(
        count(db,
              QStringLiteral("SELECT count(*) FROM mhero.contact_urn WHERE urn = 'tel:%1' AND health_worker_id IS NULL")
                  .arg(e164Of(4))),
        1);
    QCOMPARE(text(db,
                  QStringLiteral("SELECT concat_ws('|', facility, district, region) FROM mhero.health_worker "
                                 "WHERE resource_id = 'hw-005'")),
             QStringLiteral("Phebe Hospital|Jorquelleh|Bong"));
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::malformedPageOrServerErrorLosesNothing()
{
    Fixture f = makeFixture(*m_server);
    QSqlDatabase& db = f.connection->db();
    // What the server holds after the test above: hw-001…hw-031 but hw-003, deleted.
    const int total = kWorkers;
    // The third page of practitioners comes back broken: the first two pages stay, nothing else.
    QVERIFY(m_server->setFaults(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("Practitioner?")},
                                                       {QStringLiteral("skip"), 2},
                                                       {QStringLiteral("times"), 1},
                                                       {QStringLiteral("kind"), QStringLiteral("malformed")}}}));
    sources::SyncReport report = runSync(f);
    QVERIFY(report.error);
    QCOMPARE(report.error->code, QStringLiteral("fhir-malformed"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), 20);
    // The failed first sync still rebuilt the search indexes it had deferred.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.directory_deferred_index")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'health_worker_search'")), 1);
    QVERIFY(!text(db, QStringLiteral("SELECT cursor FROM mhero.sync_state WHERE job = 'practitioners'")).isEmpty());
    QVERIFY(text(db, QStringLiteral("SELECT last_error FROM mhero.sync_state WHERE job = 'directory'"))
                .contains(QLatin1String("JSON")));

    // A persistent 500 in the middle: the same.
    QVERIFY(m_server->setFaults(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("Practitioner?")},
                                                       {QStringLiteral("skip"), 1},
                                                       {QStringLiteral("times"), 100},
                                                       {QStringLiteral("kind"), QStringLiteral("500")}}}));
    report = runSync(f);
    QVERIFY(report.error);
    QCOMPARE(report.error->code, QStringLiteral("http-500"));
    const int afterSecond = count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker"));
    QVERIFY2(afterSecond >= 20 && afterSecond < total, qPrintable(QString::number(afterSecond)));

    // The server recovers: the next run resumes and ends with every row exactly once.
    QVERIFY(m_server->setFaults({}));
    report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), total);
    QCOMPARE(count(db, QStringLiteral("SELECT count(DISTINCT resource_id) FROM mhero.health_worker")), total);
    QVERIFY(text(db, QStringLiteral("SELECT coalesce(last_error, '') FROM mhero.sync_state WHERE job = 'directory'"))
                .isEmpty());
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::retriesTransientErrors()
{
    Fixture f = makeFixture(*m_server);
    QVERIFY(m_server->setFaults(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("Practitioner?")},
                                                       {QStringLiteral("skip"), 1},
                                                       {QStringLiteral("times"), 1},
                                                       {QStringLiteral("kind"), QStringLiteral("503")}},
                                           QJsonObject{{QStringLiteral("match"), QStringLiteral("Location?")},
                                                       {QStringLiteral("skip"), 0},
                                                       {QStringLiteral("times"), 1},
                                                       {QStringLiteral("kind"), QStringLiteral("429")}},
                                           QJsonObject{{QStringLiteral("match"), QStringLiteral("Organization?")},
                                                       {QStringLiteral("skip"), 0},
                                                       {QStringLiteral("times"), 1},
                                                       {QStringLiteral("kind"), QStringLiteral("timeout")}}}));
    const sources::SyncReport report = runSync(f, 1500);
    QVERIFY(m_server->setFaults({}));
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    // 503, 429 and a request that never gets an answer (the client gives up after its timeout).
    QCOMPARE(report.retries, 3);
    QCOMPARE(count(f.connection->db(), QStringLiteral("SELECT count(*) FROM mhero.health_worker")), kWorkers);
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::wrongCredentialsAreReported()
{
    Fixture f = makeFixture(*m_server, QStringLiteral("wrong"));
    const sources::SyncReport report = runSync(f);
    QVERIFY(report.error);
    QCOMPARE(report.error->code, QStringLiteral("http-401"));
    QVERIFY(report.error->message.contains(QLatin1String("credentials")));
    QCOMPARE(count(f.connection->db(), QStringLiteral("SELECT count(*) FROM mhero.health_worker")), 0);
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::adminCommandLine()
{
    const QString database = TestCluster::instance().createDatabase();
    const QString connInfo = TestCluster::instance().superuser(database).toConnInfo(true);
    const QString keyPath = m_keyDir.filePath(database);
    MHERO_VERIFY_OK(TestCluster::instance().installEngineKey(database, keyPath));
    const auto run = [&](QStringList arguments, const QString& input = {}) {
        QString out, err, in = input;
        QTextStream o(&out), e(&err), i(&in);
        arguments.prepend(QStringLiteral("mhero-admin"));
        arguments << QStringLiteral("--db") << connInfo;
        const int code = AdminCli(o, e, i).run(arguments);
        o.flush();
        e.flush();
        return std::make_tuple(code, out, err);
    };
    auto [code, out, err] = run({QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("fhir"),
                                 QStringLiteral("registry"), QStringLiteral("--url"), m_server->baseUrl().toString(),
                                 QStringLiteral("--kind"), QStringLiteral("ihris"), QStringLiteral("--auth"),
                                 QStringLiteral("bearer"), QStringLiteral("--region"), QStringLiteral("LR")},
                                QString::fromLatin1(kToken) + QLatin1Char('\n'));
    QVERIFY2(code == 0, qPrintable(err));
    std::tie(code, out, err) = run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--engine-key"), keyPath});
    QVERIFY2(code == 0, qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("%1 people").arg(kWorkers)), qPrintable(out));
    // It said how far it had got, and left no progress behind.
    QVERIFY2(out.contains(QLatin1String("resources so far")), qPrintable(out));
    {
        auto owner = TestCluster::instance().connectSuperuser(database);
        QVERIFY(owner);
        QCOMPARE(count(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.sync_state WHERE progress IS NOT NULL")), 0);
    }
    std::tie(code, out, err) = run({QStringLiteral("source"), QStringLiteral("list")});
    QCOMPARE(code, 0);
    QVERIFY(out.contains(QLatin1String("registry")));
    QVERIFY(!out.contains(QString::fromLatin1(kToken))); // the secret is never printed
    // The secret is stored where only the sync engine's role reads it.
    auto agent = TestCluster::instance().createUser(database, UserKind::Agent);
    QVERIFY(agent);
    auto agentConnection = TestCluster::connectAs(*agent);
    QVERIFY(agentConnection);
    MHERO_EXPECT_SQLSTATE(agentConnection->db(), "SELECT sealed FROM mhero.source_secret", "42501");
    // Bad input: a region libphonenumber does not know.
    std::tie(code, out, err)
        = run({QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("fhir"), QStringLiteral("x"),
               QStringLiteral("--url"), QStringLiteral("http://h/"), QStringLiteral("--region"), QStringLiteral("ZZ")});
    QCOMPARE(code, 1);
    QVERIFY(err.contains(QLatin1String("ZZ")));
    TestCluster::instance().dropDatabase(database);
}

void TestFhirSync::progressIsSharedThenCleared()
{
    // The engine's progress reaches every console: stored for agents to read, announced by NOTIFY.
    const QString database = TestCluster::instance().createDatabase();
    {
        auto owner = TestCluster::instance().connectSuperuser(database);
        QVERIFY(owner);
        auto agent = TestCluster::instance().createUser(database, UserKind::Agent);
        QVERIFY(agent);
        auto agentConnection = TestCluster::connectAs(*agent);
        QVERIFY(agentConnection);
        QVERIFY(sql::exec(owner->db(), QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                      "VALUES ('ihris', 'fhir', 'https://ihris.invalid/fhir')")));
        const int source = count(owner->db(), QStringLiteral("SELECT id FROM mhero.source"));
        QSqlDriver* driver = agentConnection->db().driver();
        QVERIFY(driver->subscribeToNotification(QStringLiteral("mhero_sync")));
        QStringList payloads;
        connect(driver, &QSqlDriver::notification, this,
                [&payloads](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                    payloads << payload.toString();
                });

        sources::SyncProgress progress(owner->db(), source);
        QVERIFY(progress.report(QStringLiteral("Practitioner"), 3, 3000));
        QVERIFY(!progress.report(QStringLiteral("Practitioner"), 4, 4000)); // within two seconds: not written
        QTRY_COMPARE(payloads, QStringList{QString::number(source)});
        auto running = sources::loadRunningSyncs(agentConnection->db());
        QVERIFY(running);
        QCOMPARE(running->size(), 1);
        QCOMPARE(running->first().source, QStringLiteral("ihris"));
        QCOMPARE(running->first().pass, QStringLiteral("Practitioner"));
        QCOMPARE(running->first().resources, 3000);

        // An engine that died without clearing: after five minutes its progress is not shown.
        QVERIFY(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.sync_state SET progress_at = now() - interval '6 minutes'")));
        QCOMPARE(sources::loadRunningSyncs(agentConnection->db())->size(), 0);

        progress.clear();
        QTRY_COMPARE(payloads.size(), 2);
        QCOMPARE(count(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.sync_state WHERE progress IS NOT NULL "
                                                   "OR progress_at IS NOT NULL")),
                 0);
        // Only the engine writes it.
        MHERO_EXPECT_SQLSTATE(agentConnection->db(), "UPDATE mhero.sync_state SET progress = '{}'", "42501");
    }
    TestCluster::instance().dropDatabase(database);
}

void TestFhirSync::firstSyncDefersTheSearchIndexes()
{
    // The sync engine runs as mhero_service: the definer functions drop and create the indexes
    // for it. A crash between the two leaves the definitions behind; the next run rebuilds them.
    Fixture f = makeFixture(*m_server);
    QSqlDatabase& db = f.connection->db();
    const QString indexesOf = QStringLiteral("SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes "
                                             "WHERE schemaname = 'mhero' AND tablename IN ('health_worker', "
                                             "'health_worker_phone')");
    const QString indexes = text(db, indexesOf);
    QVERIFY(sql::execScript(db, "SET ROLE mhero_service"));
    QCOMPARE(text(db, QStringLiteral("SELECT mhero.defer_directory_indexes()")), QStringLiteral("true"));
    QCOMPARE(text(db, QStringLiteral("SELECT mhero.defer_directory_indexes()")), QStringLiteral("true")); // still deferred
    QVERIFY(sql::execScript(db, "RESET ROLE"));
    const int deferred = count(db, QStringLiteral("SELECT count(*) FROM mhero.directory_deferred_index"));
    QVERIFY2(deferred >= 6, qPrintable(QString::number(deferred)));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'health_worker_search'")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'health_worker_pkey'")), 1);

    // "Crash": a first row arrives while the indexes are deferred; a later run (not a first one,
    // since the deletions cursor is set) rebuilds them before it writes.
    QVERIFY(sql::execScript(db, "INSERT INTO mhero.sync_state (source_id, job, cursor) VALUES (" +
                                    QByteArray::number(f.source.id) + ", 'deletions', '2000-01-01T00:00:00Z')"));
    sources::SyncReport report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    QVERIFY(report.phaseMicroseconds.contains(QStringLiteral("restore_directory_indexes")));
    QVERIFY(!report.phaseMicroseconds.contains(QStringLiteral("defer_directory_indexes")));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.directory_deferred_index")), 0);
    QCOMPARE(text(db, indexesOf), indexes);
    // A directory that holds people is never emptied of its indexes.
    QVERIFY(sql::execScript(db, "SET ROLE mhero_service"));
    QCOMPARE(text(db, QStringLiteral("SELECT mhero.defer_directory_indexes()")), QStringLiteral("false"));
    QVERIFY(sql::execScript(db, "RESET ROLE"));
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::importsIhrisShapedBundle()
{
    // tests/data/fhir/ihris-sample.json: iHRIS-shaped resources (see the expected-rows table in
    // docs/fhir-mapping.md), loaded as a file the way a site without a live server would.
    QFile file(QStringLiteral(MHERO_TEST_DATA "/fhir/ihris-sample.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(database);
    QVERIFY(owner);
    QSqlDatabase& db = owner->db();
    auto imported = fhir::importBundleFile(db, QStringLiteral("ihris-file"), QStringLiteral("LR"), file.readAll());
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().toString()));
    QCOMPARE(imported->people, 14);
    QCOMPARE(imported->roles, 13);
    QCOMPARE(imported->invalidPhones, 1);
    const auto row = [&](const QString& id) {
        return text(
            db,
            QStringLiteral("SELECT concat_ws('|', display_name, cadre, job, facility, district, region, active, "
                           "(SELECT string_agg(e164, ',' ORDER BY e164) FROM mhero.health_worker_phone p "
                           "WHERE p.health_worker_id = h.id)) FROM mhero.health_worker h WHERE resource_id = '%1'")
                .arg(id));
    };
    QCOMPARE(
        row(QStringLiteral("lr-hw-0001")),
        QStringLiteral(
            "Comfort Kollie|Nurse|Registered Nurse|Redemption Hospital|Greater Monrovia|Montserrado|t|+231770123456"));
    QCOMPARE(
        row(QStringLiteral("lr-hw-0003")),
        QStringLiteral("Zoé Camara|Midwife|Certified Midwife|C.B. Dunbar Hospital|Jorquelleh|Bong|t|+231555123456"));
    // A current role wins over a later one that ended (iHRIS leaves ended roles active=true).
    QCOMPARE(
        row(QStringLiteral("lr-hw-0010")),
        QStringLiteral("Hawa Konneh|Nurse|Registered Nurse|Kingsville Clinic|Careysburg|Montserrado|t|+231886700800"));
    // A job without a cadre; an invalid number kept, with its reason; an inactive practitioner.
    QCOMPARE(row(QStringLiteral("lr-hw-0007")),
             QStringLiteral("Abraham Dolo|Records Clerk|Redemption Hospital|Greater Monrovia|Montserrado|t"));
    QCOMPARE(text(db,
                  QStringLiteral(
                      "SELECT concat_ws('|', raw, valid, problem IS NOT NULL) FROM mhero.health_worker_phone p "
                      "JOIN mhero.health_worker h ON h.id = p.health_worker_id WHERE h.resource_id = 'lr-hw-0006'")),
             QStringLiteral("12345|f|t"));
    QCOMPARE(text(db, QStringLiteral("SELECT active FROM mhero.health_worker WHERE resource_id = 'lr-hw-0009'")),
             QStringLiteral("false"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.contact_urn WHERE health_worker_id IS NOT NULL")),
             26);
    // A malformed file changes nothing, not even the source list.
    auto broken
        = fhir::importBundleFile(db, QStringLiteral("other"), QStringLiteral("LR"), "{\"resourceType\":\"Bundle\",");
    QVERIFY(!broken);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.source WHERE name = 'other'")), 0);
    TestCluster::instance().dropDatabase(database);
}

void TestFhirSync::nextLinkLoopStopsTheSyncAtOnce()
{
    // The second page of practitioners links back to itself: the run stops at that link, with a
    // clear error, having asked for each page once; the pages read are kept.
    Fixture f = makeFixture(*m_server);
    QVERIFY(m_server->setFaults(QJsonArray{QJsonObject{{QStringLiteral("match"), QStringLiteral("Practitioner?")},
                                                       {QStringLiteral("skip"), 1},
                                                       {QStringLiteral("times"), 1},
                                                       {QStringLiteral("kind"), QStringLiteral("loop-next")}}}));
    (void)m_server->takeRequests();
    QElapsedTimer timer;
    timer.start();
    sources::SyncReport report = runSync(f);
    QVERIFY(m_server->setFaults({}));
    QVERIFY(report.error);
    QCOMPARE(report.error->code, QStringLiteral("fhir-next-loop"));
    QVERIFY(report.error->message.contains(QLatin1String("next link back to a page already read")));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const QStringList requests = m_server->takeRequests();
    QCOMPARE(requests.filter(QStringLiteral("/Practitioner?")).size(), 2);
    QSqlDatabase& db = f.connection->db();
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")), 20);
    QVERIFY(text(db, QStringLiteral("SELECT last_error FROM mhero.sync_state WHERE job = 'directory'"))
                .contains(QLatin1String("next link back")));
    // The server mended: the next run goes on from the stored cursor and reads the rest.
    report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    QVERIFY(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker")) >= kWorkers);
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::pagesPerRunAreCapped()
{
    Fixture f = makeFixture(*m_server);
    f.source.maxPages = 3; // the two CodeSystems and the first page of Locations
    (void)m_server->takeRequests();
    sources::SyncReport report = runSync(f);
    QVERIFY(report.error);
    QCOMPARE(report.error->code, QStringLiteral("fhir-too-many-pages"));
    QCOMPARE(report.pages, 3);
    QCOMPARE(m_server->takeRequests().size(), 3);
    // Cursors moved page by page: runs with the default cap finish the job.
    f.source.maxPages = fhir::FhirSource::kDefaultMaxPages;
    report = runSync(f);
    QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    QVERIFY(count(f.connection->db(), QStringLiteral("SELECT count(*) FROM mhero.health_worker")) >= kWorkers);
    TestCluster::instance().dropDatabase(f.database);
}

void TestFhirSync::numbersMovingBetweenPeopleStayLinked_data()
{
    QTest::addColumn<bool>("newHolderFirst");
    QTest::newRow("the new holder's page comes first") << true;
    QTest::newRow("the old holder's page comes first") << false;
}

void TestFhirSync::numbersMovingBetweenPeopleStayLinked()
{
    // A number moves from A to B, on separate pages of an incremental sync, in either order: its
    // URNs must end up with B (before, the new holder's page first left them linked to nobody).
    QFETCH(bool, newHolderFirst);
    const QString database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(database);
    QVERIFY(owner);
    QSqlDatabase& db = owner->db();
    auto sourceId = sql::scalar(db, QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) "
                                                   "VALUES ('ihris', 'fhir', 'http://ihris.invalid/fhir') RETURNING id"));
    MHERO_VERIFY_OK(sourceId);
    sources::DirectoryStore store(db);
    const auto person = [](const QString& id, const QStringList& numbers) {
        sources::PersonRecord p;
        p.resourceType = QStringLiteral("Practitioner");
        p.id = id;
        p.displayName = id;
        p.lastUpdated = QDateTime::currentDateTimeUtc();
        p.identifiersJson = QStringLiteral("[]");
        for (const QString& n : numbers) {
            p.phones.append(phone::normalize(n, QStringLiteral("LR")));
            p.phoneUses.append(QStringLiteral("mobile"));
        }
        return p;
    };
    const auto apply = [&](const sources::PersonRecord& p) {
        sources::RecordBatch page;
        page.people.append(p);
        return store.apply(sourceId->toInt(), page, {}, std::nullopt).ok();
    };
    const QString moving = QStringLiteral("+231770555001");
    const auto holders = [&] {
        return text(db, QStringLiteral("SELECT string_agg(u.urn || '=' || coalesce(h.resource_id, 'nobody'), ' ' "
                                       "ORDER BY u.urn) FROM mhero.contact_urn u "
                                       "LEFT JOIN mhero.health_worker h ON h.id = u.health_worker_id "
                                       "WHERE u.urn IN ('tel:+231770555001', 'whatsapp:231770555001')"));
    };
    QVERIFY(apply(person(QStringLiteral("a"), {moving})));
    QVERIFY(apply(person(QStringLiteral("b"), {QStringLiteral("+231770555002")})));
    QCOMPARE(holders(), QStringLiteral("tel:+231770555001=a whatsapp:231770555001=a"));

    // A → B, then back B → A, each time on two pages in the order of the row.
    for (const auto& [from, to] : {std::pair{QStringLiteral("a"), QStringLiteral("b")},
                                   std::pair{QStringLiteral("b"), QStringLiteral("a")}}) {
        const QStringList toNumbers = to == QLatin1String("b") ? QStringList{QStringLiteral("+231770555002"), moving}
                                                               : QStringList{moving};
        const sources::PersonRecord gains = person(to, toNumbers);
        const sources::PersonRecord loses = person(from, {});
        if (newHolderFirst) {
            QVERIFY(apply(gains));
            QVERIFY(apply(loses));
        } else {
            QVERIFY(apply(loses));
            QVERIFY(apply(gains));
        }
        QCOMPARE(holders(), QStringLiteral("tel:+231770555001=%1 whatsapp:231770555001=%1").arg(to));
    }
    // No valid number of anyone is left without its person.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker_phone p "
                                      "JOIN mhero.contact_urn u ON u.urn = 'tel:' || p.e164 "
                                      "WHERE u.health_worker_id IS NULL")),
             0);
    TestCluster::instance().dropDatabase(database);
}

void TestFhirSync::importReportsSkippedEntries()
{
    const QString database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(database);
    QVERIFY(owner);
    QSqlDatabase& db = owner->db();
    const auto bundle = [](const QJsonArray& resources) {
        QJsonArray entries;
        for (const QJsonValue& r : resources)
            entries.append(QJsonObject{{QStringLiteral("resource"), r}});
        return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                         {QStringLiteral("type"), QStringLiteral("collection")},
                                         {QStringLiteral("entry"), entries}})
            .toJson();
    };
    const QJsonObject badId{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                            {QStringLiteral("id"), QStringLiteral("no/slashes")}};
    const QJsonObject oversized{
        {QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
        {QStringLiteral("id"), QStringLiteral("big")},
        {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("family"), QString(5000, QLatin1Char('x'))}}}}};

    // Nothing usable: an error that names each entry, and no source is created.
    QStringList problems;
    auto imported = fhir::importBundleFile(db, QStringLiteral("bad-file"), QStringLiteral("LR"),
                                           bundle(QJsonArray{badId, oversized}), &problems);
    QVERIFY(!imported);
    QCOMPARE(imported.error().code, QStringLiteral("file-nothing-usable"));
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).contains(QLatin1String("no valid id")), qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(QLatin1String("longer than")), qPrintable(problems.at(1)));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.source WHERE name = 'bad-file'")), 0);

    // Errors about a file speak of the file, not of a server.
    imported = fhir::importBundleFile(db, QStringLiteral("bad-file"), QStringLiteral("LR"), "{\"resourceType\":");
    QVERIFY(!imported);
    QVERIFY2(imported.error().message.startsWith(QLatin1String("The file ")), qPrintable(imported.error().message));

    // A usable entry listed twice counts once; the bad ones are still reported. A name with
    // control, bidi and zero-width characters is stored clean; a person's phones are capped.
    QJsonObject good = practitioner(901);
    good.insert(QStringLiteral("name"),
                QJsonArray{QJsonObject{{QStringLiteral("family"), QStringLiteral("Kon\u202Eneh\a")},
                                       {QStringLiteral("given"), QJsonArray{QStringLiteral("Ma\u200Briama")}}}});
    QJsonArray telecom;
    for (int i = 0; i < 1000; ++i)
        telecom.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                   {QStringLiteral("value"), QStringLiteral("+23177%1").arg(1000000 + i)}});
    good.insert(QStringLiteral("telecom"), telecom);
    imported = fhir::importBundleFile(db, QStringLiteral("file"), QStringLiteral("LR"),
                                      bundle(QJsonArray{good, badId, good}), &problems);
    MHERO_VERIFY_OK(imported);
    QCOMPARE(imported->people, 1);
    QCOMPARE(problems.size(), 3); // the bad id, and the too many phones of each copy
    QVERIFY(problems.filter(QStringLiteral("phone numbers")).size() == 2);
    QCOMPARE(text(db, QStringLiteral("SELECT display_name FROM mhero.health_worker WHERE resource_id = 'hw-901'")),
             QStringLiteral("Mariama Konneh"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker_phone")), sources::kMaxPhonesPerPerson);
    TestCluster::instance().dropDatabase(database);
}

void TestFhirSync::searchEscapesWildcardsAfterFolding()
{
    // Full-width ％ and ＿ fold to % and _: typed in the search box, they must match themselves,
    // not every name (escaping before folding let them through as LIKE wildcards).
    const QString database = TestCluster::instance().createDatabase();
    auto owner = TestCluster::instance().connectSuperuser(database);
    QVERIFY(owner);
    QSqlDatabase& db = owner->db();
    MHERO_VERIFY_OK(sql::execScript(db, R"sql(
        INSERT INTO mhero.source (name, kind, base_url) VALUES ('ihris', 'fhir', 'http://ihris.invalid/fhir');
        INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, display_name)
        SELECT s.id, 'Practitioner', v.id, v.name FROM mhero.source s,
               (VALUES ('p1', 'Mariama Konneh'), ('p2', 'Joseph 100% Flomo'), ('p3', 'Comfort_Kamara'),
                       ('p4', 'Esther Back\slash')) v(id, name);
    )sql"));
    const auto names = [&](const QString& query) {
        directory::SearchFilter filter;
        filter.text = query;
        auto page = directory::search(db, filter, std::nullopt, 10);
        QStringList found;
        if (page)
            for (const directory::DirectoryRow& row : page->rows)
                found << row.displayName;
        else
            found << page.error().toString();
        found.sort();
        return found.join(QLatin1Char('|'));
    };
    QCOMPARE(names(QStringLiteral("\uFF05")), QStringLiteral("Joseph 100% Flomo"));
    QCOMPARE(names(QStringLiteral("%")), QStringLiteral("Joseph 100% Flomo"));
    QCOMPARE(names(QStringLiteral("\uFF3F")), QStringLiteral("Comfort_Kamara"));
    QCOMPARE(names(QStringLiteral("t_k")), QStringLiteral("Comfort_Kamara"));
    QCOMPARE(names(QStringLiteral("\uFF3C")), QStringLiteral("Esther Back\\slash"));
    QCOMPARE(names(QStringLiteral("Mariama")), QStringLiteral("Mariama Konneh"));
    TestCluster::instance().dropDatabase(database);
}

QTEST_GUILESS_MAIN(TestFhirSync)
#include "tst_fhirsync.moc"
