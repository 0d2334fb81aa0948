// The supervisors' review of what answer suggestion learnt (issue 16): the Suggestion review page
// lists the questions agents answered with another template than the first suggestion (question,
// template chosen, when, by whom); approving one makes it an approved example in the database
// (audited) that the ranker then reads, and it leaves the list; rejecting keeps it from the
// ranker. The lexicon form adds a supervisor's line, and a malformed one is refused with the
// database's reason and nothing written. An agent who reached the page would be refused by the
// database. A proposal made while the page is hidden appears when it is shown again.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "suggest/SuggestStore.h"
#include "templates/SuggestionReviewPage.h"
#include "templates/TemplateStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestSuggestionReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void approvingMakesAnExampleTheRankerReads();
    void rejectingKeepsItFromTheRanker();
    void supervisorAddsALexiconLine();
    void agentsAreRefusedByTheDatabase();

private:
    static void open(Database& database, const TestUser& user)
    {
        QSignalSpy opened(&database, &Database::opened);
        database.open(user.settings);
        QTRY_COMPARE(opened.count(), 1);
    }
    qint64 approvedTemplate(const QString& name, const QString& body, const QStringList& examples)
    {
        auto writer = TestCluster::connectAs(m_writer);
        auto approver = TestCluster::connectAs(m_supervisor);
        if (!writer || !approver)
            return 0;
        auto id = templates::createTemplate(writer->db(), name, QStringLiteral("general"), {});
        if (!id)
            return 0;
        templates::Draft draft;
        draft.bodies.insert(QStringLiteral("en"), body);
        draft.exampleQuestions = examples;
        auto version = templates::saveDraft(writer->db(), *id, draft);
        if (!version || !templates::submitVersion(writer->db(), *version)
            || !templates::approveVersion(approver->db(), *version))
            return 0;
        return *id;
    }
    /// What an agent's console records when it sends @p chosen after the ranker abstained.
    qint64 propose(const QString& question, qint64 chosen)
    {
        auto agent = TestCluster::connectAs(m_agent);
        if (!agent)
            return 0;
        return suggest::recordChoice(agent->db(), question, {}, chosen).valueOr(0);
    }
    QVariant scalar(const QString& sql, const QVariantList& values = {})
    {
        return sql::scalar(m_owner->db(), sql, values).valueOr(QVariant());
    }
    static int rowOf(QTableWidget* table, const QString& question)
    {
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0) && table->item(row, 0)->text() == question)
                return row;
        return -1;
    }

    QString m_db;
    TestUser m_agent, m_writer, m_supervisor;
    std::optional<ScopedConnection> m_owner;
    qint64 m_salary = 0;
    qint64 m_lassa = 0;
};

void TestSuggestionReview::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    auto agent = cluster.createUser(m_db, UserKind::Agent, QStringLiteral("agent"));
    auto writer = cluster.createUser(m_db, UserKind::Supervisor, QStringLiteral("writer"));
    auto supervisor = cluster.createUser(m_db, UserKind::Supervisor, QStringLiteral("reviewer"));
    MHERO_VERIFY_OK(agent);
    MHERO_VERIFY_OK(writer);
    MHERO_VERIFY_OK(supervisor);
    m_agent = *agent;
    m_writer = *writer;
    m_supervisor = *supervisor;
    auto owner = cluster.connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    m_salary = approvedTemplate(QStringLiteral("Salary payment delay"),
                                QStringLiteral("Salaries are delayed; payment within 10 days."),
                                {QStringLiteral("when will salary be paid")});
    m_lassa
        = approvedTemplate(QStringLiteral("Lassa fever alert"), QStringLiteral("ALERT: Lassa fever in {{district}}."),
                           {QStringLiteral("is there lassa fever here")});
    QVERIFY(m_salary > 0 && m_lassa > 0);
}

void TestSuggestionReview::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestSuggestionReview::approvingMakesAnExampleTheRankerReads()
{
    const QString kudi = QStringLiteral("kudi never land for Voinjama side");
    const QString rats = QStringLiteral("rats dey plenty na di ward");
    const qint64 first = propose(kudi, m_salary);
    const qint64 second = propose(rats, m_lassa);
    QVERIFY(first > 0 && second > 0);

    Database database;
    open(database, m_supervisor);
    SuggestionReviewPage page(database);
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* table = page.findChild<QTableWidget*>(QStringLiteral("proposalTable"));
    auto* approve = page.findChild<QPushButton*>(QStringLiteral("approveProposalButton"));
    auto* status = page.findChild<QLabel*>(QStringLiteral("proposalStatus"));
    QVERIFY(table && approve && status);
    QTRY_COMPARE(table->rowCount(), 2);
    // Oldest first, with the template the agent chose, when and by whom.
    QCOMPARE(rowOf(table, kudi), 0);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Salary payment delay"));
    QVERIFY(!table->item(0, 2)->text().isEmpty());
    QCOMPARE(table->item(0, 3)->text(), m_agent.name);
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Lassa fever alert"));

    table->selectRow(0);
    QVERIFY(approve->isEnabled());
    QSignalSpy decided(&page, &SuggestionReviewPage::decided);
    QSignalSpy loaded(&page, &SuggestionReviewPage::proposalsLoaded);
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE(decided.count(), 1);
    QCOMPARE(decided.first().first().toBool(), true);

    // In the database: approved by this supervisor, audited; the other proposal untouched.
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM mhero.suggestion_example WHERE id = ?"), {first}).toString(),
             QStringLiteral("approved"));
    QCOMPARE(scalar(QStringLiteral("SELECT decided_by FROM mhero.suggestion_example WHERE id = ?"), {first}).toString(),
             m_supervisor.name);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'suggestion_example_approve' "
                                   "AND row_key = ?"),
                    {QString::number(first)})
                 .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM mhero.suggestion_example WHERE id = ?"), {second}).toString(),
             QStringLiteral("proposed"));
    // On the page: the list reloads without it, and says what was done.
    QTRY_VERIFY(loaded.count() >= 1);
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(rowOf(table, kudi), -1);
    QCOMPARE(rowOf(table, rats), 0);
    QVERIFY(status->text().contains(kudi));
    QCOMPARE(page.proposalCount(), 1);

    // The ranker reads it as an example of the salary template.
    auto agent = TestCluster::connectAs(m_agent);
    MHERO_VERIFY_OK(agent);
    auto candidates = suggest::loadCandidates(agent->db());
    MHERO_VERIFY_OK(candidates);
    bool found = false;
    for (const suggest::Candidate& candidate : *candidates)
        if (candidate.examples.contains(kudi)) {
            QCOMPARE(candidate.templateId, m_salary);
            found = true;
        }
    QVERIFY(found);

    // A new proposal notifies nobody: it appears when the page is shown again.
    page.hide();
    const QString later = QStringLiteral("dem never pay we since two month");
    QVERIFY(propose(later, m_salary) > 0);
    page.show();
    QTRY_VERIFY(rowOf(table, later) >= 0);
}

void TestSuggestionReview::rejectingKeepsItFromTheRanker()
{
    const QString question = QStringLiteral("wetin be di weather tomorrow");
    const qint64 proposal = propose(question, m_lassa);
    QVERIFY(proposal > 0);

    Database database;
    open(database, m_supervisor);
    SuggestionReviewPage page(database);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* table = page.findChild<QTableWidget*>(QStringLiteral("proposalTable"));
    QTRY_VERIFY(rowOf(table, question) >= 0);
    const int before = table->rowCount();
    table->selectRow(rowOf(table, question));
    QSignalSpy decided(&page, &SuggestionReviewPage::decided);
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("rejectProposalButton")), Qt::LeftButton);
    QTRY_COMPARE(decided.count(), 1);
    QCOMPARE(decided.first().first().toBool(), true);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM mhero.suggestion_example WHERE id = ?"), {proposal}).toString(),
             QStringLiteral("rejected"));
    QTRY_COMPARE(table->rowCount(), before - 1);
    QCOMPARE(rowOf(table, question), -1);

    auto candidates = suggest::loadCandidates(m_owner->db());
    MHERO_VERIFY_OK(candidates);
    for (const suggest::Candidate& candidate : *candidates)
        QVERIFY(!candidate.examples.contains(question));
}

void TestSuggestionReview::supervisorAddsALexiconLine()
{
    Database database;
    open(database, m_supervisor);
    SuggestionReviewPage page(database);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* meaning = page.findChild<QLineEdit*>(QStringLiteral("lexiconConcept"));
    auto* variants = page.findChild<QLineEdit*>(QStringLiteral("lexiconVariants"));
    auto* add = page.findChild<QPushButton*>(QStringLiteral("addLexiconButton"));
    auto* status = page.findChild<QLabel*>(QStringLiteral("lexiconStatus"));
    QVERIFY(meaning && variants && add && status);
    QSignalSpy added(&page, &SuggestionReviewPage::lexiconAdded);

    // Empty fields ask for both, and nothing reaches the database.
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(!status->text().isEmpty());
    QCOMPARE(added.count(), 0);

    // A malformed concept: the database refuses it, the page says why, nothing is written.
    meaning->setText(QStringLiteral("Fuel!"));
    variants->setText(QStringLiteral("fuel | petrol"));
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(added.takeFirst().first().toBool(), false);
    QVERIFY(status->text().contains(QLatin1String("concept")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM mhero.suggest_lexicon")).toInt(), 0);
    QCOMPARE(meaning->text(), QStringLiteral("Fuel!")); // kept, to be corrected

    meaning->setText(QStringLiteral("fuel"));
    QTest::keyClick(variants, Qt::Key_Return);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(added.takeFirst().first().toBool(), true);
    QCOMPARE(scalar(QStringLiteral("SELECT concept || '=' || variants || '=' || added_by FROM mhero.suggest_lexicon"))
                 .toString(),
             QStringLiteral("fuel=fuel | petrol=") + m_supervisor.name);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE action = 'suggest_lexicon_add'")).toInt(), 1);
    QVERIFY(meaning->text().isEmpty() && variants->text().isEmpty());
}

void TestSuggestionReview::agentsAreRefusedByTheDatabase()
{
    const QString question = QStringLiteral("my kudi small small");
    const qint64 proposal = propose(question, m_salary);
    QVERIFY(proposal > 0);

    // The console shows the page to supervisors only; the database is what stops anyone else.
    Database database;
    open(database, m_agent);
    SuggestionReviewPage page(database);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* table = page.findChild<QTableWidget*>(QStringLiteral("proposalTable"));
    QTRY_VERIFY(rowOf(table, question) >= 0);
    table->selectRow(rowOf(table, question));
    QSignalSpy decided(&page, &SuggestionReviewPage::decided);
    page.approveCurrent();
    QTRY_COMPARE(decided.count(), 1);
    QCOMPARE(decided.first().first().toBool(), false);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("proposalStatus"))->text().startsWith(QLatin1String("Refused")));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM mhero.suggestion_example WHERE id = ?"), {proposal}).toString(),
             QStringLiteral("proposed"));
    QCOMPARE(rowOf(table, question) >= 0, true);
}

QTEST_MAIN(TestSuggestionReview)
#include "tst_suggestionreview.moc"
