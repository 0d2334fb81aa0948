// The learning loop of answer suggestion (migration 0020) as real roles: an agent's choice becomes
// a proposed example, an agent cannot approve it, a supervisor approves it (audited), and the same
// question then ranks that template first.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "suggest/Ranker.h"
#include "suggest/SuggestStore.h"
#include "templates/TemplateStore.h"

#include <QTest>

using namespace mhero;
using namespace mhero::test;

class TestSuggestLoop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void choiceBecomesAnApprovedExampleAndRanksFirst();
    void supervisorsExtendTheLexicon();

private:
    qint64 approvedTemplate(const QString& name, const QString& body, const QStringList& examples)
    {
        auto id = templates::createTemplate(m_sup1->db(), name, QStringLiteral("general"), {});
        if (!id)
            return 0;
        templates::Draft draft;
        draft.bodies.insert(QStringLiteral("en"), body);
        draft.exampleQuestions = examples;
        auto version = templates::saveDraft(m_sup1->db(), *id, draft);
        if (!version || !templates::submitVersion(m_sup1->db(), *version)
            || !templates::approveVersion(m_sup2->db(), *version))
            return 0;
        return *id;
    }

    QString m_db;
    Result<ScopedConnection> m_agent = Error{};
    Result<ScopedConnection> m_sup1 = Error{};
    Result<ScopedConnection> m_sup2 = Error{};
    Result<ScopedConnection> m_owner = Error{};
};

void TestSuggestLoop::initTestCase()
{
    auto& cluster = TestCluster::instance();
    m_db = cluster.createDatabase();
    auto agent = cluster.createUser(m_db, UserKind::Agent, QStringLiteral("agent"));
    auto sup1 = cluster.createUser(m_db, UserKind::Supervisor, QStringLiteral("supone"));
    auto sup2 = cluster.createUser(m_db, UserKind::Supervisor, QStringLiteral("suptwo"));
    MHERO_VERIFY_OK(agent);
    MHERO_VERIFY_OK(sup1);
    MHERO_VERIFY_OK(sup2);
    m_agent = TestCluster::connectAs(*agent);
    m_sup1 = TestCluster::connectAs(*sup1);
    m_sup2 = TestCluster::connectAs(*sup2);
    m_owner = cluster.connectSuperuser(m_db);
    for (auto* connection : {&m_agent, &m_sup1, &m_sup2, &m_owner})
        MHERO_VERIFY_OK(*connection);
}

void TestSuggestLoop::cleanupTestCase()
{
    for (auto* connection : {&m_agent, &m_sup1, &m_sup2, &m_owner})
        if (connection->ok())
            (*connection)->close();
    TestCluster::instance().dropDatabase(m_db);
}

void TestSuggestLoop::choiceBecomesAnApprovedExampleAndRanksFirst()
{
    const qint64 salary = approvedTemplate(QStringLiteral("Salary payment delay"),
                                           QStringLiteral("Salaries are delayed; payment within 10 days."),
                                           {QStringLiteral("when will salary be paid")});
    const qint64 lassa
        = approvedTemplate(QStringLiteral("Lassa fever alert"), QStringLiteral("ALERT: Lassa fever in {{district}}."),
                           {QStringLiteral("is there lassa fever here")});
    QVERIFY(salary > 0 && lassa > 0);

    // A question in words neither the lexicon nor the templates know: the ranker abstains.
    const QString question = QStringLiteral("kudi never land for Voinjama side");
    auto candidates = suggest::loadCandidates(m_agent->db());
    MHERO_VERIFY_OK(candidates);
    QCOMPARE(candidates->size(), 2);
    {
        suggest::Ranker ranker;
        ranker.setCandidates(*candidates);
        QVERIFY(ranker.rank(question).abstained);
    }

    // The agent picks the salary template by hand: the question is proposed as its example.
    auto proposal = suggest::recordChoice(m_agent->db(), question, {}, salary);
    MHERO_VERIFY_OK(proposal);
    QVERIFY(*proposal > 0);
    // The first suggestion taken as it was teaches nothing; a retired or unknown template is refused.
    auto nothing = suggest::recordChoice(m_agent->db(), QStringLiteral("is lassa here"), {lassa, salary}, lassa);
    MHERO_VERIFY_OK(nothing);
    QCOMPARE(*nothing, 0);
    QVERIFY(!suggest::recordChoice(m_agent->db(), question, {}, 999999));
    QVERIFY(!suggest::recordChoice(m_agent->db(), QString(), {}, salary));

    auto proposed = suggest::proposedExamples(m_sup1->db());
    MHERO_VERIFY_OK(proposed);
    QCOMPARE(proposed->size(), 1);
    QCOMPARE(proposed->first().question, question);
    QCOMPARE(proposed->first().templateId, salary);

    // Nobody writes the tables directly, and agents do not approve.
    QVERIFY(!sql::exec(m_agent->db(), QStringLiteral("UPDATE mhero.suggestion_example SET status = 'approved'")));
    const auto refused = suggest::decideExample(m_agent->db(), *proposal, true);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("42501"));
    // Still proposed: the ranker does not use it yet.
    candidates = suggest::loadCandidates(m_agent->db());
    MHERO_VERIFY_OK(candidates);
    for (const suggest::Candidate& candidate : *candidates)
        QVERIFY(!candidate.examples.contains(question));

    MHERO_VERIFY_OK(suggest::decideExample(m_sup1->db(), *proposal, true));
    QVERIFY(!suggest::decideExample(m_sup2->db(), *proposal, false)); // decided once
    auto audited = sql::scalar(m_owner->db(),
                               QStringLiteral("SELECT count(*) FROM mhero.audit_log "
                                              "WHERE action = 'suggestion_example_approve' AND row_key = ?"),
                               {QString::number(*proposal)});
    MHERO_VERIFY_OK(audited);
    QCOMPARE(audited->toInt(), 1);

    // Reloaded, the same question now ranks the salary template first, with confidence.
    candidates = suggest::loadCandidates(m_agent->db());
    MHERO_VERIFY_OK(candidates);
    suggest::Ranker ranker;
    ranker.setCandidates(*candidates);
    const suggest::Ranking ranking = ranker.rank(question);
    QVERIFY(!ranking.abstained);
    QCOMPARE(ranker.candidates().at(ranking.suggestions.first().index).templateId, salary);
}

void TestSuggestLoop::supervisorsExtendTheLexicon()
{
    // "bush taxi" means nothing to the shipped lexicon; a supervisor says it is an ambulance matter.
    const qint64 ambulance
        = approvedTemplate(QStringLiteral("Ambulance request"), QStringLiteral("Call 4455 for an ambulance."),
                           {QStringLiteral("how do i call an ambulance")});
    QVERIFY(ambulance > 0);
    const QString question = QStringLiteral("no bush taxi to carry the woman");
    auto before = suggest::loadRanker(m_agent->db());
    MHERO_VERIFY_OK(before);
    QVERIFY((*before)->rank(question).abstained);

    QCOMPARE(
        suggest::addLexiconLine(m_agent->db(), QStringLiteral("ambulance"), QStringLiteral("bush taxi")).error().code,
        QStringLiteral("42501"));
    QVERIFY(!suggest::addLexiconLine(m_sup1->db(), QStringLiteral("Bad Concept"), QStringLiteral("x")));
    QVERIFY(!suggest::addLexiconLine(m_sup1->db(), QStringLiteral("ambulance"), QStringLiteral(" | ")));
    auto line = suggest::addLexiconLine(m_sup1->db(), QStringLiteral("ambulance"), QStringLiteral("bush taxi | taxi"));
    MHERO_VERIFY_OK(line);
    auto audited = sql::scalar(m_owner->db(),
                               QStringLiteral("SELECT count(*) FROM mhero.audit_log "
                                              "WHERE action = 'suggest_lexicon_add' AND row_key = ?"),
                               {QString::number(*line)});
    MHERO_VERIFY_OK(audited);
    QCOMPARE(audited->toInt(), 1);

    auto after = suggest::loadRanker(m_agent->db());
    MHERO_VERIFY_OK(after);
    const suggest::Ranking ranking = (*after)->rank(question);
    QVERIFY(!ranking.suggestions.isEmpty());
    QCOMPARE((*after)->candidates().at(ranking.suggestions.first().index).templateId, ambulance);
}

QTEST_GUILESS_MAIN(TestSuggestLoop)
#include "tst_suggestloop.moc"
