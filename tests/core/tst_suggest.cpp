// The answer ranker without a database: lexicon, folding, typos, abstention, the library and
// question files, and the figures of `mhero-admin suggest-eval` on tests/data/suggest.
#include "suggest/Bm25.h"
#include "suggest/Evaluation.h"
#include "suggest/Lexicon.h"
#include "suggest/Ranker.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mhero::suggest;

class TestSuggest : public QObject
{
    Q_OBJECT

private:
    static QByteArray readData(const char* name)
    {
        QFile file(QStringLiteral(MHERO_TEST_DATA "/suggest/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read test data %s", name);
        return file.readAll();
    }
    static QList<Candidate> library()
    {
        auto parsed = readLibrary(readData("library.json"));
        if (!parsed)
            qFatal("%s", qPrintable(parsed.error().toString()));
        return *parsed;
    }
    static QString first(const Ranker& ranker, const Ranking& ranking)
    {
        return ranking.abstained || ranking.suggestions.isEmpty()
            ? QString()
            : ranker.candidates().at(ranking.suggestions.first().index).name;
    }

private Q_SLOTS:
    void foldsCaseAccentsAndPunctuation()
    {
        QCOMPARE(fold(QStringLiteral("  Salaire PAYÉ ?! l'été")), QStringLiteral("salaire paye l ete"));
        QCOMPARE(fold(QStringLiteral("Ça—va…")), QStringLiteral("ca va"));
        QCOMPARE(fold(QString()), QString());
        QCOMPARE(fold(QStringLiteral("!!!")), QString());
    }

    void builtinLexiconLoads()
    {
        const Lexicon& lexicon = Lexicon::builtin();
        QVERIFY(lexicon.variants().size() > 500);
        QVERIFY(lexicon.conceptsOf(QStringLiteral("salaire")).contains(QStringLiteral("salary")));
        QVERIFY(lexicon.conceptsOf(QStringLiteral("allowance")).contains(QStringLiteral("salary")));
        QVERIFY(lexicon.conceptsOf(QStringLiteral("finish")).contains(QStringLiteral("stockout")));
        QVERIFY(lexicon.isStop(QStringLiteral("wen")));
        // a word listed under two concepts stands for both; a concept outranks a stop word
        QCOMPARE(lexicon.conceptsOf(QStringLiteral("epuise")).size(), 2);
        QVERIFY(!lexicon.isStop(QStringLiteral("no more")));
    }

    void malformedLexiconIsRefusedWithItsLine()
    {
        auto bad = Lexicon::parse(QStringLiteral("# fine\nsalary\tpay | wage\nno tab here\n"), QStringLiteral("x.tsv"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QLatin1String("line 3")), qPrintable(bad.error().message));
        QVERIFY(!Lexicon::parse(QStringLiteral("Bad Name\tx\n"), QStringLiteral("x")));
        auto good = Lexicon::parse(QStringLiteral("fuel\tfuel | petrol | gasoil\n"), QStringLiteral("x"));
        QVERIFY(good);
        QCOMPARE(good->conceptsOf(QStringLiteral("gasoil")), QStringList{QStringLiteral("fuel")});
    }

    void synonymsSmsSpellingAndFrenchMeet()
    {
        Ranker ranker;
        ranker.setCandidates(library());
        const QString salary = QStringLiteral("Salary payment delay");
        QCOMPARE(first(ranker, ranker.rank(QStringLiteral("my pay not come yet o"))), salary);
        QCOMPARE(first(ranker, ranker.rank(QStringLiteral("wen we go get allowance pls"))), salary);
        QCOMPARE(first(ranker, ranker.rank(QStringLiteral("salaire pas encore arrivé"))), salary);
        QCOMPARE(first(ranker, ranker.rank(QStringLiteral("the drugs done finish o"))),
                 QStringLiteral("Medicine stock-out report"));
        QCOMPARE(first(ranker, ranker.rank(QStringLiteral("ORS?"))), QStringLiteral("ORS and zinc for diarrhoea"));
    }

    void typosAreCorrectedToKnownWords()
    {
        Ranker ranker;
        ranker.setCandidates(library());
        QVERIFY(ranker.analyse(QStringLiteral("vaccnation")).contains(QStringLiteral("c:vaccine")));
        QVERIFY(ranker.analyse(QStringLiteral("refrigirator")).contains(QStringLiteral("c:fridge")));
        // short words are never guessed: "tv" is not "tb"
        QVERIFY(!ranker.analyse(QStringLiteral("tv")).contains(QStringLiteral("c:tb")));
    }

    void outOfScopeAbstainsAndTheFirstIsNeverAnOutbreakAlert()
    {
        Ranker ranker;
        ranker.setCandidates(library());
        for (const char* text :
             {"what is the weather today", "who won the football match", "hello", "", "????", "my cow is sick"}) {
            const Ranking ranking = ranker.rank(QString::fromUtf8(text));
            QVERIFY2(ranking.abstained, text);
        }
        // the issue's example: a question about pay must never put an alert first
        const Ranking pay = ranker.rank(QStringLiteral("my salary did not come"), 3);
        QVERIFY(!pay.abstained);
        QCOMPARE(ranker.candidates().at(pay.suggestions.first().index).name, QStringLiteral("Salary payment delay"));
        QVERIFY(pay.suggestions.first().confidence > pay.suggestions.last().confidence);
    }

    void hostileInputNeitherCrashesNorAnswers()
    {
        Ranker ranker;
        ranker.setCandidates(library());
        QString huge;
        for (int i = 0; i < 20000; ++i)
            huge += QStringLiteral("xq%1 ").arg(i);
        QVERIFY(ranker.rank(huge).abstained);
        QVERIFY(ranker.rank(QString(5000, QChar(0x0301))).abstained); // combining marks only
        QVERIFY(ranker.rank(QStringLiteral("\u0000\u0001 \xF0\x9F\x98\x80")).abstained);
        Ranker empty;
        empty.setCandidates({});
        QVERIFY(empty.rank(QStringLiteral("salary")).abstained);
    }

    void libraryAndQuestionFilesAreChecked()
    {
        QVERIFY(!readLibrary("not json"));
        QVERIFY(!readLibrary(R"({"format":"other","templates":[]})"));
        QVERIFY(!readLibrary(R"({"format":"mhero-templates","templates":[{"name":"x","bodies":{}}]})"));
        auto questions = readQuestions("question\texpected\nhello\t-\npay\tSalary\n", {QStringLiteral("Salary")});
        QVERIFY(questions);
        QCOMPARE(questions->size(), 2);
        QVERIFY(questions->first().expected.isEmpty());
        auto unknown = readQuestions("question\texpected\npay\tWages\n", {QStringLiteral("Salary")});
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QLatin1String("Line 2")));
        QVERIFY(!readQuestions("question\texpected\nno tab\n", {}));
    }

    void labelledSetIsLargeEnoughAndNotCopiedFromTheExamples()
    {
        const QList<Candidate> candidates = library();
        QStringList names;
        QSet<QString> examples;
        for (const Candidate& candidate : candidates) {
            names.append(candidate.name);
            for (const QString& example : candidate.examples)
                examples.insert(fold(example));
        }
        auto questions = readQuestions(readData("questions.tsv"), names);
        QVERIFY(questions);
        QVERIFY(questions->size() >= 300);
        int outOfScope = 0;
        for (const LabelledQuestion& labelled : *questions) {
            outOfScope += labelled.expected.isEmpty() ? 1 : 0;
            QVERIFY2(!examples.contains(fold(labelled.question)), qPrintable(labelled.question));
        }
        QVERIFY(outOfScope >= 40);
    }

    /// The issue's "Done when", through the command an administrator runs.
    void suggestEvalMeetsTheBar()
    {
        QProcess admin;
        admin.start(QStringLiteral(MHERO_ADMIN_PATH),
                    {QStringLiteral("suggest-eval"), QStringLiteral("--library"),
                     QStringLiteral(MHERO_TEST_DATA "/suggest/library.json"), QStringLiteral("--questions"),
                     QStringLiteral(MHERO_TEST_DATA "/suggest/questions.tsv"), QStringLiteral("--json")});
        QVERIFY(admin.waitForFinished(60000));
        QCOMPARE(admin.exitCode(), 0);
        const QJsonObject result = QJsonDocument::fromJson(admin.readAllStandardOutput()).object();
        qInfo() << result;
        QVERIFY(result.value(QStringLiteral("questions")).toInt() >= 300);
        const double top1 = result.value(QStringLiteral("top1")).toDouble();
        const double top3 = result.value(QStringLiteral("top3")).toDouble();
        const int outOfScope = result.value(QStringLiteral("out_of_scope")).toInt();
        const double abstain = double(result.value(QStringLiteral("abstain_correct")).toInt()) / outOfScope;
        QVERIFY2(top1 >= 0.90, qPrintable(QString::number(top1)));
        QVERIFY2(top3 >= 0.97, qPrintable(QString::number(top3)));
        QVERIFY2(abstain >= 0.85, qPrintable(QString::number(abstain)));
        const QJsonObject bm25 = result.value(QStringLiteral("bm25")).toObject();
        QVERIFY(top1 > bm25.value(QStringLiteral("top1")).toDouble() + 0.10);
        QVERIFY(result.value(QStringLiteral("ms_per_query")).toDouble() > 0);

        QProcess bad;
        bad.start(QStringLiteral(MHERO_ADMIN_PATH),
                  {QStringLiteral("suggest-eval"), QStringLiteral("--library"), QStringLiteral("/nonexistent.json"),
                   QStringLiteral("--questions"), QStringLiteral("/nonexistent.tsv")});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(bad.readAllStandardError().contains("Cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestSuggest)
#include "tst_suggest.moc"
