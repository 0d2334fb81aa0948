// From the ministry's wording to the health worker: one supervisor writes a template, another
// approves it (four eyes, as real roles), and an agent replies with it from the conversation
// composer — Ctrl+T, search, the template rendered for this health worker, the free placeholder
// highlighted and filled, Send — under the deployment's "templates only" policy.
#include "SeedData.h"
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"
#include "templates/TemplatePicker.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestTemplateReply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentRepliesWithAnApprovedTemplate();
};

void TestTemplateReply::agentRepliesWithAnApprovedTemplate()
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
    // A health worker writing in French, through RapidPro; the deployment sends templates only.
    MHERO_VERIFY_OK(seedConversation(owner->db(), {QStringLiteral("zk"), QStringLiteral("Zoé"), QStringLiteral("Kamara"),
                                                   QStringLiteral("Sage-femme"),
                                                   QStringLiteral("Centre de santé de Macenta"),
                                                   QStringLiteral("Macenta"), QStringLiteral("fr"),
                                                   QStringLiteral("tel:+224620000001"),
                                                   QStringLiteral("Bonjour, mon salaire de mars n'est pas arrivé")}));
    MHERO_VERIFY_OK(sql::exec(owner->db(), QStringLiteral("UPDATE mhero.setting SET value = '\"templates_only\"' "
                                                          "WHERE key = 'messaging.free_text_policy'")));

    // Supervisor 1 writes and submits; supervisor 2 approves. The author could not have.
    auto writer = TestCluster::connectAs(*writerUser);
    MHERO_VERIFY_OK(writer);
    auto created = sql::scalar(writer->db(), QStringLiteral("SELECT mhero.create_template('Salary paid', 'hr_payroll', "
                                                            "'{salary,payroll}')"));
    MHERO_VERIFY_OK(created);
    auto version = sql::scalar(
        writer->db(),
        QStringLiteral("SELECT mhero.save_draft(?, ?::jsonb, '{}', NULL, NULL, '{reference}')"),
        {created->toLongLong(),
         QStringLiteral(R"({"en": "Dear {{given_name}}, your salary was paid on {{date}}. Reference: {{reference}}.",
                            "fr": "Bonjour {{given_name}}, votre salaire a été versé. Référence : {{reference}}."})")});
    MHERO_VERIFY_OK(version);
    const qint64 versionId = version->toLongLong();
    QCOMPARE(sqlState(writer->db(), QStringLiteral("SELECT mhero.submit_version(?)"), {versionId}), QStringLiteral("ok"));
    QCOMPARE(sqlState(writer->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {versionId}),
             QString(sql::state::InsufficientPrivilege));
    auto approver = TestCluster::connectAs(*approverUser);
    MHERO_VERIFY_OK(approver);
    QCOMPARE(sqlState(approver->db(), QStringLiteral("SELECT mhero.approve_version(?)"), {versionId}), QStringLiteral("ok"));

    // The agent, in the console.
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
    auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
    auto* composer = page.findChild<ComposerWidget*>(QStringLiteral("composer"));
    auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    auto* send = page.findChild<QPushButton*>(QStringLiteral("sendButton"));
    auto* note = page.findChild<QLabel*>(QStringLiteral("composerNote"));
    auto* picker = page.findChild<TemplatePicker*>(QStringLiteral("templatePicker"));
    QVERIFY(queue && composer && editor && send && note && picker);
    QTRY_COMPARE(page.listModel()->rowCount(), 1);
    queue->setCurrentIndex(page.listModel()->index(0));
    QTRY_COMPARE(page.threadModel()->rowCount(), 1);
    QTRY_VERIFY(page.findChild<QLabel*>(QStringLiteral("contactDetails"))->text().contains(QLatin1String("Macenta")));

    // Free text cannot be sent here; the composer says how to choose a template.
    editor->setPlainText(QStringLiteral("Your salary is coming"));
    QTRY_VERIFY(note->text().contains(QLatin1String("templates only")));
    QVERIFY(!send->isEnabled());
    editor->clear();

    // "/" opens the template search; the French body is rendered for Zoé.
    QSignalSpy results(picker, &TemplatePicker::resultsChanged);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Slash);
    QTRY_VERIFY(picker->isVisible());
    picker->search(QStringLiteral("salary"));
    QTRY_VERIFY(!picker->results().isEmpty());
    QVERIFY(picker->chooseCurrent());
    QTRY_COMPARE(composer->templateVersion(), versionId);
    QCOMPARE(editor->toPlainText(), QStringLiteral("Bonjour Zoé, votre salaire a été versé. Référence : {{reference}}."));
    QCOMPARE(composer->remainingPlaceholders(), QStringList{QStringLiteral("reference")});
    QVERIFY(!send->isEnabled());
    QVERIFY(note->text().contains(QLatin1String("reference")));
    // MHERO_UPDATE_SCREENSHOTS=1: the composer with a template waiting for its reference.
    if (qEnvironmentVariableIsSet("MHERO_UPDATE_SCREENSHOTS"))
        QVERIFY(page.grab().save(QStringLiteral(MHERO_SOURCE_DIR "/docs/screenshots/composer-template.png")));

    // The agent fills the reference in; Send sends the approved wording with its version.
    editor->setPlainText(editor->toPlainText().replace(QStringLiteral("{{reference}}"), QStringLiteral("PAY-2026-03-114")));
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(page.threadModel()->rowCount(), 2);
    auto stored = sql::scalar(owner->db(),
                              QStringLiteral("SELECT text || ' | v' || template_version_id || ' | ' || status || ' | ' "
                                             "|| author FROM mhero.message WHERE direction = 'out'"));
    MHERO_VERIFY_OK(stored);
    QCOMPARE(stored->toString(), QStringLiteral("Bonjour Zoé, votre salaire a été versé. Référence : PAY-2026-03-114. | v%1 | "
                                                "queued | %2")
                                     .arg(versionId)
                                     .arg(agentUser->name));
    QCOMPARE(sql::scalar(owner->db(), QStringLiteral("SELECT count(*) FROM mhero.outbox")).valueOr(QVariant()).toInt(), 1);

    // Changing the approved wording is refused by the database, whatever the client does.
    auto agent = TestCluster::connectAs(*agentUser);
    MHERO_VERIFY_OK(agent);
    QCOMPARE(sqlState(agent->db(),
                      QStringLiteral("SELECT mhero.reply(id, 'Bonjour Zoé, votre salaire arrive bientôt.', ?) "
                                     "FROM mhero.conversation"),
                      {versionId}),
             QString(sql::state::InsufficientPrivilege));
}

QTEST_MAIN(TestTemplateReply)
#include "tst_templatereply.moc"
