// The directory page as an agent uses it: typing a partial name with a typo, a phone number in
// local format, filtering, paging a long list, the details panel, "Message" opening or starting
// the person's conversation. Real PostgreSQL, offscreen.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "db/Sql.h"
#include "directory/DirectoryModel.h"
#include "directory/DirectoryPage.h"
#include "messaging/ConversationQueries.h"
#include "messaging/Notes.h"
#include "sources/SyncProgress.h"
#include "sources/fhir/FhirFileSource.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

namespace {
QJsonObject person(const QString& id, const QString& given, const QString& family, const QString& phone,
                   const QString& identifier = {})
{
    return QJsonObject{{QStringLiteral("resource"),
                        QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
                                    {QStringLiteral("id"), id},
                                    {QStringLiteral("identifier"),
                                     identifier.isEmpty()
                                         ? QJsonArray()
                                         : QJsonArray{QJsonObject{{QStringLiteral("value"), identifier}}}},
                                    {QStringLiteral("name"),
                                     QJsonArray{QJsonObject{{QStringLiteral("family"), family},
                                                            {QStringLiteral("given"), QJsonArray{given}}}}},
                                    {QStringLiteral("telecom"),
                                     QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("phone")},
                                                            {QStringLiteral("value"), phone}}}}}},
                       {QStringLiteral("request"),
                        QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                    {QStringLiteral("url"), QString(QStringLiteral("Practitioner/") + id)}}}};
}
} // namespace

class TestDirectoryPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void findsByNameWithTypoAndByLocalPhone();
    void filtersAndDetails();
    void pagesLazilyUnderTheModelTester();
    void commonWordsPageCompletely();
    void everyPlanFindsTheSameRows();
    void syncUnderWayShowsInTheStatusLine();
    void messageOpensOrStartsTheConversation();

private:
    void open(Database& database);
    static QStringList names(const DirectoryModel& model);

    QString m_db;
    TestUser m_agent;
};

void TestDirectoryPage::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto agent = TestCluster::instance().createUser(m_db, UserKind::Agent);
    MHERO_VERIFY_OK(agent);
    m_agent = *agent;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);

    // 2,500 people with ordinary names, and a few the tests look for.
    QJsonArray entries;
    const QStringList given{QStringLiteral("James"), QStringLiteral("Musu"), QStringLiteral("Samuel"),
                            QStringLiteral("Fatu"), QStringLiteral("Prince")};
    const QStringList family{QStringLiteral("Johnson"), QStringLiteral("Kollie"), QStringLiteral("Doe"),
                             QStringLiteral("Sumo"), QStringLiteral("Tarr")};
    for (int i = 0; i < 2500; ++i)
        entries.append(person(QStringLiteral("bulk-%1").arg(i), given.at(i % 5), family.at((i / 5) % 5),
                              QStringLiteral("+2318866%1").arg(i, 5, 10, QLatin1Char('0'))));
    entries.append(person(QStringLiteral("mk"), QStringLiteral("Mariama"), QStringLiteral("Konneh"),
                          QStringLiteral("0770 123 456"), QStringLiteral("LR-HW-0077777")));
    entries.append(person(QStringLiteral("zn"), QStringLiteral("Zoé"), QStringLiteral("N'Guessan"),
                          QStringLiteral("+225 07 08 09 10 11")));
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("transaction")},
                       {QStringLiteral("entry"), entries}};
    MHERO_VERIFY_OK(fhir::importBundleFile(owner->db(), QStringLiteral("registry"), QStringLiteral("LR"),
                                           QJsonDocument(bundle).toJson(QJsonDocument::Compact)));
    // Places, as a sync would have resolved them.
    MHERO_VERIFY_OK(sql::exec(
        owner->db(),
        QStringLiteral(
            "UPDATE mhero.health_worker SET facility = CASE WHEN resource_id = 'mk' THEN 'Redemption Hospital' "
            "ELSE 'Phebe Hospital' END, district = CASE WHEN resource_id = 'mk' THEN 'Greater Monrovia' ELSE "
            "'Jorquelleh' END, "
            "cadre = 'Nurse'")));
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("SELECT mhero.refresh_facets()")));
}

void TestDirectoryPage::cleanupTestCase()
{
    TestCluster::instance().dropDatabase(m_db);
}

void TestDirectoryPage::open(Database& database)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_agent.settings);
    QTRY_COMPARE(opened.count(), 1);
}

QStringList TestDirectoryPage::names(const DirectoryModel& model)
{
    QStringList list;
    for (int r = 0; r < model.rowCount(); ++r)
        list << model.row(r).displayName;
    return list;
}

void TestDirectoryPage::findsByNameWithTypoAndByLocalPhone()
{
    Database database;
    open(database);
    DirectoryPage page(database);
    page.resize(1200, 700);
    page.show();
    auto* search = page.findChild<QLineEdit*>(QStringLiteral("directorySearch"));
    QVERIFY(search);
    DirectoryModel* model = page.model();
    QTRY_VERIFY(model->rowCount() > 0 && !model->isLoading());

    // A partial name with a typo: "mariam koneh" for Mariama Konneh.
    QTest::keyClicks(search, QStringLiteral("mariam koneh"));
    QTRY_VERIFY_WITH_TIMEOUT(names(*model).contains(QStringLiteral("Mariama Konneh")), 5000);
    QCOMPARE(model->row(0).displayName, QStringLiteral("Mariama Konneh"));

    // Accents do not matter.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("zoe nguessan"));
    QTRY_VERIFY_WITH_TIMEOUT(names(*model).contains(QStringLiteral("Zoé N'Guessan")), 5000);

    // The phone as the caller reads it out, in local format, and the way RapidPro writes it.
    for (const QString& typed :
         {QStringLiteral("0770 123 456"), QStringLiteral("+231770123456"), QStringLiteral("0770 12")}) {
        search->clear();
        QTest::keyClicks(search, typed);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 1
                                     && model->row(0).displayName == QStringLiteral("Mariama Konneh"),
                                 5000);
    }
    // Nobody: the status line says so.
    search->setText(QStringLiteral("xqzzy"));
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 0);
    QTRY_VERIFY(page.findChild<QLabel*>(QStringLiteral("directoryStatus"))->text().contains(QLatin1String("xqzzy")));
    QImage shot = page.grab().toImage();
    QVERIFY(!shot.isNull());
}

void TestDirectoryPage::filtersAndDetails()
{
    Database database;
    open(database);
    DirectoryPage page(database);
    page.resize(1200, 700);
    page.show();
    DirectoryModel* model = page.model();
    auto* district = page.findChild<QComboBox*>(QStringLiteral("districtFilter"));
    QTRY_COMPARE(district->count(), 3); // "All districts" + the two from the facets
    district->setCurrentIndex(district->findData(QStringLiteral("Greater Monrovia")));
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
    QCOMPARE(model->row(0).displayName, QStringLiteral("Mariama Konneh"));

    auto* table = page.findChild<QTableView*>(QStringLiteral("directoryTable"));
    table->selectRow(0);
    auto* details = page.findChild<QTextBrowser*>(QStringLiteral("workerDetails"));
    QTRY_VERIFY(details->toPlainText().contains(QLatin1String("+231770123456")));
    QVERIFY(details->toPlainText().contains(QLatin1String("Redemption Hospital")));
    QVERIFY(details->toPlainText().contains(QLatin1String("registry")));
}

void TestDirectoryPage::pagesLazilyUnderTheModelTester()
{
    Database database;
    open(database);
    DirectoryModel model(database);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(400);
    QSignalSpy pages(&model, &DirectoryModel::pageLoaded);
    model.setFilter({});
    QTRY_COMPARE(pages.count(), 1);
    QCOMPARE(model.rowCount(), 400);
    while (model.canFetchMore({}) || model.isLoading()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWait(5);
    }
    QCOMPARE(model.rowCount(), 2502);
    QSet<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.row(r).id);
    QCOMPARE(ids.size(), 2502); // keyset paging: no row twice, none missed
    for (int r = 1; r < model.rowCount(); ++r)
        QVERIFY(model.row(r - 1).nameKey <= model.row(r).nameKey);
}

void TestDirectoryPage::commonWordsPageCompletely()
{
    // "Johnson" names a fifth of the people: the search walks the name index (another plan than
    // for a rare name) and must still return every one of them, once, in order.
    Database database;
    open(database);
    DirectoryModel model(database);
    model.setPageSize(120);
    directory::SearchFilter filter;
    filter.text = QStringLiteral("johnson");
    QSignalSpy pages(&model, &DirectoryModel::pageLoaded);
    model.setFilter(filter);
    QTRY_COMPARE(pages.count(), 1);
    QCOMPARE(model.rowCount(), 120);
    while (model.canFetchMore({}) || model.isLoading()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWait(5);
    }
    QCOMPARE(model.rowCount(), 500);
    QSet<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r) {
        QVERIFY(model.row(r).displayName.endsWith(QLatin1String("Johnson")));
        ids.insert(model.row(r).id);
    }
    QCOMPARE(ids.size(), 500);
}

void TestDirectoryPage::everyPlanFindsTheSameRows()
{
    // At national scale search() walks the name index or fetches every match, by the planner's
    // estimate; a directory this small is always left to the planner. Every plan must give the
    // same rows in the same order, for the first page and the next, exact and typo matches.
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    const auto ids = [&](const directory::SearchFilter& filter, const std::optional<directory::SearchCursor>& after,
                         const QList<QStringList>& alternatives, directory::SearchPlan plan, int unindexedWord = -1) {
        const directory::SearchQuery q
            = directory::buildSearchQuery(filter, after, 40, alternatives, plan, unindexedWord);
        QList<qint64> found;
        auto rows = sql::exec(owner->db(), q.sql, q.values);
        if (!rows)
            qWarning() << rows.error().toString() << q.sql;
        while (rows && rows->next())
            found << rows->value(0).toLongLong();
        return found;
    };
    for (const QString& text : {QStringLiteral("johnson"), QStringLiteral("mu"), QStringLiteral("fatu kol"),
                                QStringLiteral("phebe"), QStringLiteral("LR-HW-0077777"), QStringLiteral("hw-00777"),
                                QStringLiteral("mariam koneh"), QStringLiteral("xqzzy"),
                                QStringLiteral("phebe hospital"), QStringLiteral("musu hospital jorquelleh")}) {
        directory::SearchFilter filter;
        filter.text = text;
        filter.status = directory::SearchFilter::Status::Any;
        const directory::SearchQuery planned = directory::buildSearchQuery(filter, std::nullopt, 40);
        QVERIFY2(planned.walkable, qPrintable(text));
        auto alternatives = directory::spellingAlternatives(owner->db(), text);
        MHERO_VERIFY_OK(alternatives);
        const std::optional<directory::SearchCursor> second
            = directory::SearchCursor{0, QStringLiteral("musu"), 0}; // a page further on
        for (const auto& [after, words] :
             {std::pair{std::optional<directory::SearchCursor>(), QList<QStringList>()}, std::pair{second, QList<QStringList>()},
              std::pair{std::optional<directory::SearchCursor>(directory::SearchCursor{1, {}, 0}), *alternatives}}) {
            const QList<qint64> byPlanner = ids(filter, after, words, directory::SearchPlan::Planner);
            QCOMPARE(ids(filter, after, words, directory::SearchPlan::NameWalk), byPlanner);
            QCOMPARE(ids(filter, after, words, directory::SearchPlan::Matches), byPlanner);
            // A word checked on the rows the others find rather than looked up in the index.
            for (int w = 0; w < planned.words.size(); ++w)
                QCOMPARE(ids(filter, after, words, directory::SearchPlan::Matches, w), byPlanner);
        }
    }
    // The identifier, whole or in part.
    for (const QString& text : {QStringLiteral("LR-HW-0077777"), QStringLiteral("hw-0077")}) {
        directory::SearchFilter filter;
        filter.text = text;
        auto page = directory::search(owner->db(), filter, std::nullopt, 10);
        MHERO_VERIFY_OK(page);
        QCOMPARE(page->rows.size(), 1);
        QCOMPARE(page->rows.constFirst().displayName, QStringLiteral("Mariama Konneh"));
    }
}

void TestDirectoryPage::syncUnderWayShowsInTheStatusLine()
{
    // A sync engine elsewhere reports its progress: the page says so at once, then goes back to
    // "last synced" when the run ends.
    Database database;
    open(database);
    DirectoryPage page(database);
    page.resize(1200, 700);
    page.show();
    auto* status = page.findChild<QLabel*>(QStringLiteral("directoryStatus"));
    QTRY_VERIFY(status->text().contains(QLatin1String("last synced")));
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    const int source = sql::scalar(owner->db(), QStringLiteral("SELECT id FROM mhero.source WHERE name = 'registry'"))
                           .valueOr(0)
                           .toInt();
    QVERIFY(source > 0);
    sources::SyncProgress progress(owner->db(), source);
    QVERIFY(progress.report(QStringLiteral("Practitioner"), 12, 12000));
    QTRY_VERIFY2(status->text().contains(QLatin1String("syncing registry: Practitioner, 12,000 resource")),
                 qPrintable(status->text()));
    progress.clear();
    QTRY_VERIFY(!status->text().contains(QLatin1String("syncing")));
    QVERIFY(status->text().contains(QLatin1String("last synced")));
}

void TestDirectoryPage::messageOpensOrStartsTheConversation()
{
    // Runs last: it adds a messaging channel, a person without a valid number and a conversation.
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    // The only channel is switched off (as in the demo): the reply will wait in the outbox.
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("INSERT INTO mhero.source (name, kind, base_url, enabled) "
                                                          "VALUES ('sms', 'rapidpro', 'https://rapidpro.invalid', false)")));
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("transaction")},
                       {QStringLiteral("entry"), QJsonArray{person(QStringLiteral("nb"), QStringLiteral("Boima"),
                                                                   QStringLiteral("Fahnbulleh"), QStringLiteral("12"))}}};
    MHERO_VERIFY_OK(fhir::importBundleFile(owner->db(), QStringLiteral("registry"), QStringLiteral("LR"),
                                           QJsonDocument(bundle).toJson(QJsonDocument::Compact)));

    Database database;
    open(database);
    DirectoryPage page(database);
    page.setMessagingAllowed(true);
    page.resize(1200, 700);
    page.show();
    auto* search = page.findChild<QLineEdit*>(QStringLiteral("directorySearch"));
    auto* table = page.findChild<QTableView*>(QStringLiteral("directoryTable"));
    auto* details = page.findChild<QTextBrowser*>(QStringLiteral("workerDetails"));
    auto* message = page.findChild<QPushButton*>(QStringLiteral("messageButton"));
    QVERIFY(search && table && details && message);
    QVERIFY(message->isVisible());
    QVERIFY(!message->isEnabled()); // nobody selected
    DirectoryModel* model = page.model();

    // Someone whose only number is not a number: nothing to write to, the button says so.
    QTest::keyClicks(search, QStringLiteral("boima fahnbulleh"));
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 1);
    table->selectRow(0);
    QTRY_VERIFY(details->toPlainText().contains(QLatin1String("12")));
    QTRY_VERIFY(details->toPlainText().contains(QLatin1String("Boima")));
    QVERIFY(!message->isEnabled());
    auto agent = TestCluster::connectAs(m_agent);
    MHERO_VERIFY_OK(agent);
    auto refused = messaging::startConversation(agent->db(), model->row(0).id);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("no valid phone number")),
             qPrintable(refused.error().message));

    // Mariama: "Message" starts a conversation on her number, assigned to the agent.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("mariama konneh"));
    QTRY_VERIFY(!model->isLoading() && model->rowCount() >= 1
                && model->row(0).displayName == QStringLiteral("Mariama Konneh"));
    table->selectRow(0);
    QTRY_VERIFY(message->isEnabled());
    QVERIFY(details->toPlainText().contains(QLatin1String("None yet.")));
    QSignalSpy requested(&page, &DirectoryPage::conversationRequested);
    QTest::mouseClick(message, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 5000);
    const qint64 conversation = requested.first().first().toLongLong();
    QVERIFY(conversation > 0);
    auto stored = sql::scalar(owner->db(),
                              QStringLiteral("SELECT u.urn || ' ' || c.assignee || ' ' || s.name FROM mhero.conversation c "
                                             "JOIN mhero.contact_urn u ON u.id = c.urn_id "
                                             "JOIN mhero.source s ON s.id = c.channel_source_id WHERE c.id = ?"),
                              {conversation});
    MHERO_VERIFY_OK(stored);
    QCOMPARE(stored->toString(), QStringLiteral("tel:+231770123456 %1 sms").arg(m_agent.name));

    // Ctrl+M again: the same open conversation, not a second one.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_M, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 2, 5000);
    QCOMPARE(requested.at(1).first().toLongLong(), conversation);
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.conversation")).valueOr(0).toInt(), 1);

    // Selected again, the details list the conversation as a link that opens it.
    table->clearSelection();
    table->setCurrentIndex({});
    table->selectRow(0);
    QTRY_VERIFY(details->toHtml().contains(QStringLiteral("conversation:%1").arg(conversation)));
    Q_EMIT details->anchorClicked(QUrl(QStringLiteral("conversation:%1").arg(conversation)));
    QCOMPARE(requested.count(), 3);
    QCOMPARE(requested.at(2).first().toLongLong(), conversation);

    // Notes colleagues left in her conversation show in the details, newest first, five of them.
    for (int i = 1; i <= 6; ++i)
        MHERO_VERIFY_OK(messaging::addNote(agent->db(), conversation,
                                           QStringLiteral("Call %1: waiting for payroll <check>").arg(i)));
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.note SET created_at = now() - "
                                                          "make_interval(mins => 10 - substr(body, 6, 1)::int)")));
    // One written before her address was linked to her: it names only the conversation.
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("INSERT INTO mhero.note (conversation_id, author, body) "
                                                          "VALUES (?, ?, 'Call 7: before the link')"),
                              {conversation, m_agent.name}));
    table->clearSelection();
    table->setCurrentIndex({});
    table->selectRow(0);
    QTRY_VERIFY(details->toPlainText().contains(QLatin1String("Call 6: waiting for payroll <check>")));
    const QString shown = details->toPlainText();
    QVERIFY2(shown.indexOf(QLatin1String("Call 7: before the link")) < shown.indexOf(QLatin1String("Call 6"))
                 && shown.indexOf(QLatin1String("Call 6")) < shown.indexOf(QLatin1String("Call 3")),
             qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("Call 2")) && !shown.contains(QLatin1String("Call 1")),
             qPrintable(shown)); // the oldest, beyond five
    QVERIFY2(shown.contains(QLatin1String("2 older note")), qPrintable(shown)); // no translator loaded here
    auto author = sql::scalar(owner->db(), QStringLiteral("SELECT display_name FROM mhero.app_user WHERE role_name = ?"),
                              {m_agent.name});
    MHERO_VERIFY_OK(author);
    QVERIFY(!author->toString().isEmpty());
    QVERIFY2(shown.contains(author->toString()), qPrintable(shown));
    // A note added meanwhile (here on another connection) appears without selecting her again.
    MHERO_VERIFY_OK(messaging::addNote(agent->db(), conversation, QStringLiteral("Call 8: while you read")));
    QTRY_VERIFY(details->toPlainText().contains(QLatin1String("Call 8: while you read")));
    QVERIFY(details->toPlainText().contains(QLatin1String("3 older note")));

    // Administrators read the directory but do not write to people: no button, and the
    // database refuses them the same.
    page.setMessagingAllowed(false);
    QVERIFY(!message->isVisible());
    auto admin = TestCluster::instance().createUser(m_db, UserKind::Admin, QStringLiteral("it"));
    MHERO_VERIFY_OK(admin);
    auto adminConnection = TestCluster::connectAs(*admin);
    MHERO_VERIFY_OK(adminConnection);
    QCOMPARE(sqlState(adminConnection->db(), QStringLiteral("SELECT mhero.start_conversation(?)"),
                      {model->row(0).id}),
             QString(sql::state::InsufficientPrivilege));
    // Nor do they read the notes: the details load without them (and without an error).
    auto adminDetails = directory::loadDetails(adminConnection->db(), model->row(0).id);
    MHERO_VERIFY_OK(adminDetails);
    QVERIFY(adminDetails->notes.isEmpty());
    QCOMPARE(adminDetails->phones.size(), 1);
    auto agentDetails = directory::loadDetails(agent->db(), model->row(0).id);
    MHERO_VERIFY_OK(agentDetails);
    QCOMPARE(agentDetails->notes.size(), 5);
    QCOMPARE(agentDetails->noteCount, 8);
}

QTEST_MAIN(TestDirectoryPage)
#include "tst_directorypage.moc"
