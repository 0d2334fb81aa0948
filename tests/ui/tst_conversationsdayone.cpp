// Day-one defects of the Conversations page (issue 17), on real PostgreSQL, offscreen: a
// conversation opened from the directory is ready to write (its row selected and in view, the
// keyboard in the composer), a person's conversations through two sources are told apart, and a
// reply still waiting in the outbox says why.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "conversations/ThreadModel.h"
#include "db/Database.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

namespace {
SessionInfo sessionOf(const TestUser& user)
{
    SessionInfo session;
    session.user.roleName = user.name;
    session.user.displayName = QStringLiteral("Test ") + user.name;
    session.user.isAgent = true;
    return session;
}
} // namespace

class TestConversationsDayOne final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void openedConversationIsReadyToWrite();
    void twoSourcesAreTwoRecognisableRows();
    void queuedRepliesSayWhyTheyWait();
    void optOutIsLiftedOnlyAfterThePersonWroteAgain();

private:
    void open(Database& database, const ConnectionSettings& settings);
    int addSource(const QString& name);
    qint64 addConversation(int source, const QString& urn, const QString& assignee, int minutesAgo);

    QString m_db;
    TestUser m_agent;
    std::optional<ScopedConnection> m_owner;
    int m_source = 0;
};

void TestConversationsDayOne::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto agent = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("alice"));
    MHERO_VERIFY_OK(agent);
    m_agent = *agent;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    m_source = addSource(QStringLiteral("rapidpro-liberia"));
    QVERIFY(m_source > 0);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES "
                                             "('messaging.free_text_policy', '\"free_text\"') "
                                             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")));
}

void TestConversationsDayOne::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestConversationsDayOne::open(Database& database, const ConnectionSettings& settings)
{
    QSignalSpy opened(&database, &Database::opened);
    database.open(settings);
    QTRY_COMPARE(opened.count(), 1);
}

int TestConversationsDayOne::addSource(const QString& name)
{
    auto source = sql::scalar(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "(?, 'rapidpro', 'https://rapidpro.test.invalid') RETURNING id"),
                              {name});
    return source ? source->toInt() : 0;
}

qint64 TestConversationsDayOne::addConversation(int source, const QString& urn, const QString& assignee, int minutesAgo)
{
    QSqlDatabase& db = m_owner->db();
    if (!sql::exec(db, QStringLiteral("INSERT INTO mhero.contact_urn (urn) VALUES (?) ON CONFLICT DO NOTHING"), {urn}))
        return 0;
    auto id = sql::scalar(db,
                          QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id, assignee, "
                                         "opened_at, last_activity_at) SELECT id, ?, ?, "
                                         "now() - make_interval(mins => ?), now() - make_interval(mins => ?) "
                                         "FROM mhero.contact_urn WHERE urn = ? RETURNING id"),
                          {source, assignee.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(assignee),
                           minutesAgo, minutesAgo, urn});
    if (!id)
        return 0;
    if (!sql::exec(db,
                   QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                  "external_id, status, created_at) VALUES (?, 'in', 'hello', ?, "
                                  "gen_random_uuid()::text, 'received', now() - make_interval(mins => ?))"),
                   {id->toLongLong(), source, minutesAgo}))
        return 0;
    // The message trigger moves last_activity_at to now: put it back where the test wants it.
    if (!sql::exec(db,
                   QStringLiteral("UPDATE mhero.conversation SET last_activity_at = now() - make_interval(mins => ?) "
                                  "WHERE id = ?"),
                   {minutesAgo, id->toLongLong()}))
        return 0;
    return id->toLongLong();
}

// Defect 3: the directory's Message (Ctrl+M) opens the conversation "with the composer ready"
// (docs/messaging.md): the keyboard in the text box, and the conversation selected in the queue
// and scrolled into view — the queue that holds it shown when the one on screen would hide it,
// however far down its row is.
void TestConversationsDayOne::openedConversationIsReadyToWrite()
{
    QList<qint64> mine;
    for (int i = 0; i < 30; ++i)
        mine << addConversation(m_source, QStringLiteral("tel:+2317710%1").arg(i, 4, 10, QLatin1Char('0')),
                                m_agent.name, 10 + i);
    QVERIFY(!mine.contains(0));
    const qint64 target = mine.constLast(); // the oldest: the last row of the agent's queue
    // The later tests start from an empty queue of the agent's, even when this one fails.
    const auto cleanup = qScopeGuard([&] {
        QStringList ids;
        for (qint64 id : mine)
            ids << QString::number(id);
        (void)sql::exec(m_owner->db(), QStringLiteral("DELETE FROM mhero.conversation WHERE id = ANY (?::bigint[])"),
                        {QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))});
    });

    Database database;
    open(database, m_agent.settings);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.listModel()->setPageSize(8); // the row is on the fourth page
    page.resize(1100, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
    auto* viewMine = page.findChild<QToolButton*>(QStringLiteral("viewMine"));
    auto* viewResolved = page.findChild<QToolButton*>(QStringLiteral("viewResolved"));
    auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    QVERIFY(queue && viewMine && viewResolved && editor);
    QTRY_VERIFY(viewMine->text().contains(QLatin1String("30")));

    // The agent is looking at resolved conversations, where this one is not.
    viewResolved->click();
    QTRY_VERIFY(!page.listModel()->isLoading());
    QCOMPARE(page.listModel()->view(), messaging::QueueView::Resolved);
    queue->setFocus();

    page.openConversation(target);
    QTRY_COMPARE(page.currentConversation(), target);
    // The queue it belongs to is shown, its row selected and visible.
    QTRY_COMPARE(page.listModel()->view(), messaging::QueueView::Mine);
    QVERIFY(viewMine->isChecked());
    QTRY_VERIFY(page.listModel()->rowOf(target) >= 0);
    const QModelIndex row = page.listModel()->index(page.listModel()->rowOf(target));
    QTRY_COMPARE(queue->currentIndex(), row);
    QVERIFY(queue->selectionModel()->isSelected(row));
    QTRY_VERIFY(queue->viewport()->rect().contains(queue->visualRect(row)));
    // The keyboard is in the composer: the agent types at once.
    QTRY_COMPARE(QApplication::focusWidget(), editor);
    QTest::keyClicks(editor, QStringLiteral("Good morning"));
    QCOMPARE(page.composer()->text(), QStringLiteral("Good morning"));

    // Opened again while it is on screen (the directory's recent conversations): still ready.
    queue->setFocus();
    queue->scrollToTop();
    page.openConversation(target);
    QTRY_COMPARE(QApplication::focusWidget(), editor);
    QTRY_VERIFY(queue->viewport()->rect().contains(queue->visualRect(row)));
}

// Defect 4: one person who wrote through two sources has two conversations; each row, its tooltip,
// its accessible text and the thread's header name the channel and the source.
void TestConversationsDayOne::twoSourcesAreTwoRecognisableRows()
{
    const int second = addSource(QStringLiteral("ebola-hotline"));
    QVERIFY(second > 0);
    QSqlDatabase& db = m_owner->db();
    auto worker = sql::scalar(
        db,
        QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, display_name, "
                       "cadre, facility, district) VALUES (?, 'Practitioner', 'jk', 'Joseph Kollie', 'Nurse', "
                       "'Redemption Hospital', 'Montserrado') RETURNING id"),
        {m_source});
    MHERO_VERIFY_OK(worker);
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES "
                                             "('tel:+231770555001', ?)"),
                              {worker->toLongLong()}));
    const qint64 first = addConversation(m_source, QStringLiteral("tel:+231770555001"), {}, 2);
    const qint64 other = addConversation(second, QStringLiteral("tel:+231770555001"), {}, 1);
    QVERIFY(first > 0 && other > 0);

    Database database;
    open(database, m_agent.settings);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1200, 700);
    page.show();
    ConversationListModel* list = page.listModel();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.setView(messaging::QueueView::Unassigned);
    QTRY_VERIFY(list->rowOf(first) >= 0 && list->rowOf(other) >= 0);
    const QModelIndex a = list->index(list->rowOf(first));
    const QModelIndex b = list->index(list->rowOf(other));
    // The same person, the same number: only the source tells the rows apart, and it is shown.
    QCOMPARE(a.data(ConversationListModel::ContactRole), b.data(ConversationListModel::ContactRole));
    QCOMPARE(a.data(ConversationListModel::ChannelRole).toString(), QStringLiteral("SMS · rapidpro-liberia"));
    QCOMPARE(b.data(ConversationListModel::ChannelRole).toString(), QStringLiteral("SMS · ebola-hotline"));
    QVERIFY(a.data(Qt::ToolTipRole).toString().contains(QLatin1String("rapidpro-liberia")));
    QVERIFY(b.data(Qt::ToolTipRole).toString().contains(QLatin1String("ebola-hotline")));
    QVERIFY(a.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("rapidpro-liberia")));
    QVERIFY(b.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("ebola-hotline")));
    QVERIFY(a.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("Joseph Kollie")));

    // The painted rows differ where the source is written (the third line), not only in the age.
    auto* queue = page.findChild<QListView*>(QStringLiteral("conversationList"));
    QVERIFY(queue);
    QTRY_VERIFY(queue->visualRect(a).isValid() && queue->visualRect(b).isValid());
    const QImage shot = queue->viewport()->grab().toImage();
    const QRect ra = queue->visualRect(a);
    const QRect rb = queue->visualRect(b);
    const int third = ra.height() * 2 / 3; // the line under the preview
    QVERIFY(shot.copy(ra.adjusted(40, third, -40, 0)) != shot.copy(rb.adjusted(40, third, -40, 0)));

    // The thread's header says it too.
    auto* subtitle = page.findChild<QLabel*>(QStringLiteral("conversationSubtitle"));
    QVERIFY(subtitle);
    page.openConversation(other);
    QTRY_COMPARE(page.currentConversation(), other);
    QVERIFY2(subtitle->text().contains(QLatin1String("ebola-hotline")), qPrintable(subtitle->text()));
    page.openConversation(first);
    QTRY_VERIFY2(subtitle->text().contains(QLatin1String("rapidpro-liberia")), qPrintable(subtitle->text()));
}

// Defect 5: a reply still in the outbox says, in words, why it has not gone: the attempts so far,
// the last error and the next try, or that its channel is switched off; a reply about to go says
// nothing more than its clock. What the engine records later shows without reopening the thread.
void TestConversationsDayOne::queuedRepliesSayWhyTheyWait()
{
    const int source = addSource(QStringLiteral("outbox-line"));
    const qint64 id = addConversation(source, QStringLiteral("tel:+231770666001"), m_agent.name, 1);
    QVERIFY(source > 0 && id > 0);
    QSqlDatabase& db = m_owner->db();
    auto queue = [&](const QString& text) -> qint64 {
        auto message = sql::scalar(db,
                                   QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, "
                                                  "author, source_id, status) VALUES (?, 'out', ?, ?, ?, 'queued') "
                                                  "RETURNING id"),
                                   {id, text, m_agent.name, source});
        if (!message
            || !sql::exec(db, QStringLiteral("INSERT INTO mhero.outbox (message_id, source_id) VALUES (?, ?)"),
                          {message->toLongLong(), source}))
            return 0;
        return message->toLongLong();
    };
    const qint64 fresh = queue(QStringLiteral("About to go"));
    const qint64 failing = queue(QStringLiteral("Failing against a server error"));
    QVERIFY(fresh > 0 && failing > 0);
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("UPDATE mhero.outbox SET attempts = 3, last_error = 'RapidPro answered "
                                             "503 Service Unavailable', next_attempt_at = now() + interval '2 hours' "
                                             "WHERE message_id = ?"),
                              {failing}));

    Database database;
    open(database, m_agent.settings);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1200, 700);
    page.show();
    ThreadModel* thread = page.threadModel();
    page.openConversation(id);
    QTRY_VERIFY(thread->rowOfMessage(fresh) >= 0 && thread->rowOfMessage(failing) >= 0);
    auto at = [&](qint64 message) { return thread->index(thread->rowOfMessage(message)); };

    // About to go: the clock, "waiting to be sent", no line under the bubble.
    QCOMPARE(at(fresh).data(ThreadModel::SendingNoteRole).toString(), QString());
    QCOMPARE(at(fresh).data(ThreadModel::StatusTextRole).toString(), QStringLiteral("Waiting to be sent"));
    QVERIFY(at(fresh).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("Waiting to be sent")));

    // Failing: the attempts, the last error and the next try, under the bubble, in its tooltip
    // and in what a screen reader says.
    const QString note = at(failing).data(ThreadModel::SendingNoteRole).toString();
    QVERIFY2(note.contains(QLatin1String("attempts so far: 3")), qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("503 Service Unavailable")), qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("Next try at")), qPrintable(note));
    const QString tip = at(failing).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Attempts so far: 3")) && tip.contains(QLatin1String("Last error: RapidPro"))
                 && tip.contains(QLatin1String("Next try:")),
             qPrintable(tip));
    QVERIFY(at(failing).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("503 Service Unavailable")));
    // The line takes room under the bubble: the row is taller than the same bubble without it.
    auto* view = page.findChild<QListView*>(QStringLiteral("threadView"));
    QVERIFY(view);
    const int plainHeight = view->sizeHintForIndex(at(fresh)).height();
    QVERIFY(view->sizeHintForIndex(at(failing)).height() > plainHeight);

    // The engine's next failure shows live (the outbox's changes wake the consoles).
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("UPDATE mhero.outbox SET attempts = 1, last_error = 'no answer from "
                                             "RapidPro within 30 s', next_attempt_at = now() + interval '5 min' "
                                             "WHERE message_id = ?"),
                              {fresh}));
    QTRY_VERIFY2(at(fresh).data(ThreadModel::SendingNoteRole).toString().contains(QLatin1String("no answer from")),
                 qPrintable(at(fresh).data(ThreadModel::SendingNoteRole).toString()));

    // The channel switched off: both say so, at once.
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("UPDATE mhero.source SET enabled = false WHERE id = ?"), {source}));
    for (qint64 message : {fresh, failing})
        QTRY_VERIFY2(at(message)
                         .data(ThreadModel::SendingNoteRole)
                         .toString()
                         .contains(QLatin1String("the channel is switched off (outbox-line)")),
                     qPrintable(at(message).data(ThreadModel::SendingNoteRole).toString()));
    QVERIFY(at(fresh).data(Qt::ToolTipRole).toString().contains(QLatin1String("switched off")));

    // Sent at last: nothing more to say.
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("UPDATE mhero.source SET enabled = true WHERE id = ?"), {source}));
    MHERO_VERIFY_OK(sql::exec(db, QStringLiteral("DELETE FROM mhero.outbox WHERE message_id = ?"), {failing}));
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("UPDATE mhero.message SET status = 'sent', sent_at = now(), "
                                             "external_id = 'x-1' WHERE id = ?"),
                              {failing}));
    QTRY_COMPARE(at(failing).data(ThreadModel::StatusTextRole).toString(), QStringLiteral("Sent"));
    QCOMPARE(at(failing).data(ThreadModel::SendingNoteRole).toString(), QString());
}

// Issue 15, item 7: a person who replied STOP shows as opted out with a button to lift it, which
// the database refuses until they have written again; then the composer is free again.
void TestConversationsDayOne::optOutIsLiftedOnlyAfterThePersonWroteAgain()
{
    const QString urn = QStringLiteral("tel:+231770199999");
    const qint64 conversation = addConversation(m_source, urn, m_agent.name, 30);
    QVERIFY(conversation > 0);
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("UPDATE mhero.contact_urn SET status = 'stopped', opt_out_reason = "
                                             "'stop_word', opted_out_at = now() - interval '10 minutes' WHERE urn = ?"),
                              {urn}));
    const auto cleanup = qScopeGuard([&] {
        (void)sql::exec(m_owner->db(), QStringLiteral("DELETE FROM mhero.conversation WHERE id = ?"), {conversation});
    });

    Database database;
    open(database, m_agent.settings);
    ConversationsPage page(database, sessionOf(m_agent));
    page.setNotifier(nullptr);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.openConversation(conversation);
    QTRY_COMPARE(page.currentConversation(), conversation);
    auto* lift = page.findChild<QPushButton*>(QStringLiteral("liftOptOutButton"));
    QVERIFY(lift);
    QTRY_VERIFY(lift->isVisible());
    auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    QVERIFY(editor);
    QTRY_VERIFY(!editor->isEnabled() || editor->isReadOnly());

    // They have not written since: refused, and said so.
    lift->click();
    auto* bar = page.findChild<QLabel*>(QStringLiteral("messageBar"));
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible() && bar->text().contains(QLatin1String("not written")));
    QVERIFY(lift->isVisible());

    // They write again: lifted, the button goes, the composer is free.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                             "external_id, status) VALUES (?, 'in', 'please send me the alerts again', "
                                             "?, gen_random_uuid()::text, 'received')"),
                              {conversation, m_source}));
    lift->click();
    QTRY_VERIFY(!lift->isVisible());
    QTRY_VERIFY(editor->isEnabled() && !editor->isReadOnly());
    QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT status FROM mhero.contact_urn WHERE urn = ?"), {urn})
                 .valueOr(QVariant())
                 .toString(),
             QStringLiteral("active"));
}

QTEST_MAIN(TestConversationsDayOne)
#include "tst_conversationsdayone.moc"
