// Suggested answers in the console, as an agent sees them: the strip above the composer shows the
// right approved template for an inbound question, Alt+1 puts it in the composer rendered for the
// person; an out-of-scope message gets no suggestion and the picker then preselects nothing; what
// was sent is recorded for the learning loop.
#include "SeedData.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "conversations/SuggestionStrip.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"
#include "templates/TemplatePicker.h"

#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestSuggestionStrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripSuggestsAndAbstains();

private:
    static qint64 approved(QSqlDatabase& writer, QSqlDatabase& approver, const QString& name, const QString& tags,
                           const QString& bodies, const QString& examples)
    {
        auto created = sql::scalar(writer, QStringLiteral("SELECT mhero.create_template(?, 'general', ?::text[])"),
                                   {name, tags});
        if (!created)
            return 0;
        auto version
            = sql::scalar(writer, QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, ?::text[], NULL, NULL, '{}')"),
                          {created->toLongLong(), bodies, examples});
        if (!version || !sql::exec(writer, QStringLiteral("SELECT mhero.submit_version(?)"), {version->toLongLong()})
            || !sql::exec(approver, QStringLiteral("SELECT mhero.approve_version(?)"), {version->toLongLong()}))
            return 0;
        return version->toLongLong();
    }
};

void TestSuggestionStrip::stripSuggestsAndAbstains()
{
    const QString database = TestCluster::instance().createDatabase();
    auto writerUser = TestCluster::instance().createUser(database, UserKind::Supervisor, QStringLiteral("writer"));
    auto approverUser = TestCluster::instance().createUser(database, UserKind::Supervisor, QStringLiteral("approver"));
    auto agentUser = TestCluster::instance().createUser(database, UserKind::Agent, QStringLiteral("agent"));
    MHERO_VERIFY_OK(writerUser);
    MHERO_VERIFY_OK(approverUser);
    MHERO_VERIFY_OK(agentUser);
    auto owner = TestCluster::instance().connectSuperuser(database);
    MHERO_VERIFY_OK(owner);
    MHERO_VERIFY_OK(seedConversation(
        owner->db(),
        {QStringLiteral("jk"), QStringLiteral("Joseph"), QStringLiteral("Kollie"), QStringLiteral("Nurse"),
         QStringLiteral("Ganta Health Center"), QStringLiteral("Nimba"), QStringLiteral("en"),
         QStringLiteral("tel:+231770000411"), QStringLiteral("good morning, my pay not come yet o, 2 months now")}));
    MHERO_VERIFY_OK(seedConversation(
        owner->db(),
        {QStringLiteral("mk"), QStringLiteral("Mary"), QStringLiteral("Kpan"), QStringLiteral("Midwife"),
         QStringLiteral("Saclepea Clinic"), QStringLiteral("Nimba"), QStringLiteral("en"),
         QStringLiteral("tel:+231770000412"), QStringLiteral("who won the football match yesterday")}));

    auto writer = TestCluster::connectAs(*writerUser);
    auto approver = TestCluster::connectAs(*approverUser);
    MHERO_VERIFY_OK(writer);
    MHERO_VERIFY_OK(approver);
    const qint64 lassa = approved(
        writer->db(), approver->db(), QStringLiteral("Lassa fever alert"), QStringLiteral("{lassa,alert}"),
        QStringLiteral(
            R"({"en": "ALERT: Lassa fever cases in {{district}}. Isolate and call the surveillance officer."})"),
        QStringLiteral("{\"is there lassa fever in our district\"}"));
    const qint64 salary = approved(
        writer->db(), approver->db(), QStringLiteral("Salary payment delay"), QStringLiteral("{payroll,salary}"),
        QStringLiteral(
            R"({"en": "Dear {{given_name}}, salaries are delayed this month; payment is expected within 10 working days."})"),
        QStringLiteral("{\"when will salary be paid\",\"my salary has not come\"}"));
    QVERIFY(lassa > 0 && salary > 0);

    Database db;
    QSignalSpy opened(&db, &Database::opened);
    db.open(agentUser->settings);
    QTRY_COMPARE(opened.count(), 1);
    SessionInfo session;
    session.user.roleName = agentUser->name;
    session.user.displayName = QStringLiteral("Esther Sumo");
    session.user.isAgent = true;
    ConversationsPage page(db, session);
    page.resize(1280, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
    auto* composer = page.findChild<ComposerWidget*>(QStringLiteral("composer"));
    auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    auto* strip = page.findChild<SuggestionStrip*>(QStringLiteral("suggestionStrip"));
    auto* first = page.findChild<QToolButton*>(QStringLiteral("suggestion1"));
    auto* label = page.findChild<QLabel*>(QStringLiteral("suggestionLabel"));
    auto* picker = page.findChild<TemplatePicker*>(QStringLiteral("templatePicker"));
    QVERIFY(queue && composer && editor && strip && first && label && picker);
    QTRY_COMPARE(page.listModel()->rowCount(), 2);

    const auto open = [&](const QString& name) {
        for (int row = 0; row < page.listModel()->rowCount(); ++row) {
            const QModelIndex index = page.listModel()->index(row);
            if (index.data(Qt::DisplayRole).toString().contains(name)
                || index.data(Qt::ToolTipRole).toString().contains(name)) {
                queue->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    };

    // The pay question: the salary template first, shown with its confidence; Alt+1 fills the
    // composer with it, rendered for Joseph.
    QVERIFY(open(QStringLiteral("Joseph")) || open(QStringLiteral("+231770000411")));
    QTRY_VERIFY(strip->question().contains(QLatin1String("pay not come")));
    QTRY_VERIFY(first->isVisible());
    QVERIFY2(first->text().contains(QLatin1String("Salary payment delay")), qPrintable(first->text()));
    QVERIFY(first->text().contains(QLatin1Char('%')));
    QVERIFY(!strip->abstained());
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_1, Qt::AltModifier);
    QTRY_COMPARE(composer->templateVersion(), salary);
    QCOMPARE(
        editor->toPlainText(),
        QStringLiteral("Dear Joseph, salaries are delayed this month; payment is expected within 10 working days."));

    // Sent: the choice is recorded for the learning loop (the first suggestion was right, so
    // nothing is proposed).
    auto* send = page.findChild<QPushButton*>(QStringLiteral("sendButton"));
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(sql::scalar(owner->db(),
                             QStringLiteral("SELECT count(*) FROM mhero.suggestion_choice "
                                            "WHERE chosen_template_id IS NOT NULL"))
                     .valueOr(QVariant())
                     .toInt(),
                 1);
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.suggestion_example"))
                 .valueOr(QVariant())
                 .toInt(),
             0);

    // Out of scope: no suggestion, and the picker (Ctrl+T) lists the templates but selects none,
    // so Enter cannot send an outbreak alert by accident.
    QVERIFY(open(QStringLiteral("Mary")) || open(QStringLiteral("+231770000412")));
    QTRY_VERIFY(strip->question().contains(QLatin1String("football")));
    QTRY_VERIFY(strip->abstained());
    QVERIFY(!first->isVisible());
    QVERIFY(label->text().contains(QLatin1String("No suggested answer")));
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(composer->templateVersion(), 0);
    QSignalSpy results(picker, &TemplatePicker::resultsChanged);
    QTest::keyClick(editor, Qt::Key_T, Qt::ControlModifier);
    QTRY_VERIFY(picker->isVisible());
    QTRY_VERIFY(results.count() > 0);
    QCOMPARE(picker->results().size(), 2);
    QCOMPARE(picker->findChild<QListWidget*>(QStringLiteral("templatePickerList"))->currentRow(), -1);
    QVERIFY(!picker->chooseCurrent());
    QCOMPARE(composer->templateVersion(), 0);
}

QTEST_MAIN(TestSuggestionStrip)
#include "tst_suggestionstrip.moc"
