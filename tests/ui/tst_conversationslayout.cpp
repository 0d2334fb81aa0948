// The Conversations page fits its words (issue 17, day-one defect 6): in English, French and
// Portuguese, every button shows its whole text and the composer shows several lines, in the room
// a common screen gives the page. CTest runs this program twice: at 100 % on a 1366 × 768 screen,
// and with QT_SCALE_FACTOR=1.5 on a 1920 × 1080 one (1280 × 720 logical pixels).
//
// MHERO_SCREENSHOT_DIR=DIR saves each case's picture there (conversations-fr-150.png, …).
#include "SqlAssert.h"
#include "TestCluster.h"

#include "conversations/ComposerWidget.h"
#include "conversations/ConversationListModel.h"
#include "conversations/ConversationsPage.h"
#include "db/Database.h"

#include <QAbstractButton>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestConversationsLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyButtonShowsItsWords_data();
    void everyButtonShowsItsWords();

private:
    QString m_db;
    TestUser m_supervisor;
    std::optional<ScopedConnection> m_owner;
    qint64 m_open = 0;
    qint64 m_resolved = 0;
};

void TestConversationsLayout::initTestCase()
{
    m_db = TestCluster::instance().createDatabase();
    auto supervisor = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QStringLiteral("sup"));
    MHERO_VERIFY_OK(supervisor);
    m_supervisor = *supervisor;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
    QSqlDatabase& db = m_owner->db();
    auto source = sql::scalar(db,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rapidpro-ministere-sante', 'rapidpro', "
                                             "'https://rapidpro.test.invalid') RETURNING id"));
    MHERO_VERIFY_OK(source);
    // A long name, facility and source: what makes a header wide.
    auto worker = sql::scalar(
        db,
        QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, display_name, "
                       "cadre, facility, district) VALUES (?, 'Practitioner', 'long', "
                       "'Maria Fernanda dos Santos Albuquerque-Nascimento', 'Certified Midwife', "
                       "'Centre de Santé Intégré de Kouroussa-Centre', 'Kouroussa') RETURNING id"),
        {source->toInt()});
    MHERO_VERIFY_OK(worker);
    MHERO_VERIFY_OK(sql::exec(db,
                              QStringLiteral("INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES "
                                             "('tel:+224620000001', ?), ('tel:+224620000002', ?)"),
                              {worker->toLongLong(), worker->toLongLong()}));
    auto conversation = [&](const QString& urn, bool resolved) -> qint64 {
        auto id = sql::scalar(
            db,
            QStringLiteral("INSERT INTO mhero.conversation (urn_id, channel_source_id, status, "
                           "resolved_at) SELECT id, ?, ?, CASE WHEN ? THEN now() END "
                           "FROM mhero.contact_urn WHERE urn = ? RETURNING id"),
            {source->toInt(), resolved ? QStringLiteral("resolved") : QStringLiteral("open"), resolved, urn});
        if (!id
            || !sql::exec(db,
                          QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                         "external_id, status) VALUES (?, 'in', ?, ?, gen_random_uuid()::text, "
                                         "'received')"),
                          {id->toLongLong(),
                           QStringLiteral("Nous n'avons plus de tests de diagnostic rapide au centre depuis lundi."),
                           source->toInt()}))
            return 0;
        return id->toLongLong();
    };
    m_open = conversation(QStringLiteral("tel:+224620000001"), false);
    m_resolved = conversation(QStringLiteral("tel:+224620000002"), true);
    QVERIFY(m_open > 0 && m_resolved > 0);
}

void TestConversationsLayout::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestConversationsLayout::everyButtonShowsItsWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("resolved");
    for (const char* language : {"en", "fr", "pt"}) {
        QTest::addRow("%s open", language) << QString::fromLatin1(language) << false;
        QTest::addRow("%s resolved", language) << QString::fromLatin1(language) << true;
    }
}

void TestConversationsLayout::everyButtonShowsItsWords()
{
    QFETCH(QString, language);
    QFETCH(bool, resolved);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/mhero_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const auto untranslate = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    // The screen in logical pixels, less the main window's navigation (210) and status bar.
    const qreal scale = QGuiApplication::primaryScreen()->devicePixelRatio();
    const QSize physical = scale > 1.01 ? QSize(1920, 1080) : QSize(1366, 768);
    const QSize logical(int(physical.width() / scale), int(physical.height() / scale));
    const QSize room(logical.width() - 210, logical.height() - 60);

    Database database;
    QSignalSpy opened(&database, &Database::opened);
    database.open(m_supervisor.settings);
    QTRY_COMPARE(opened.count(), 1);
    SessionInfo session;
    session.user.roleName = m_supervisor.name;
    session.user.displayName = QStringLiteral("Superviseure");
    session.user.isAgent = true;
    session.user.isSupervisor = true; // "Assign to…" shows
    ConversationsPage page(database, session);
    page.setNotifier(nullptr);
    page.resize(room);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const qint64 id = resolved ? m_resolved : m_open;
    page.openConversation(id);
    QTRY_COMPARE(page.currentConversation(), id);
    auto* title = page.findChild<QLabel*>(QStringLiteral("conversationTitle"));
    QVERIFY(title);
    QTRY_VERIFY(title->text().contains(QLatin1String("Maria")));
    QTRY_VERIFY(!page.listModel()->isLoading() && page.listModel()->rowCount() > 0);
    QTRY_VERIFY(page.findChild<QAbstractButton*>(QStringLiteral("viewOpen"))->text().contains(QLatin1Char('(')));
    QTest::qWait(50); // layouts settle after the last label changed
    QCoreApplication::sendPostedEvents();

    if (const QString dir = qEnvironmentVariable("MHERO_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        page.grab().save(QStringLiteral("%1/conversations-%2-%3%4.png")
                             .arg(dir, language)
                             .arg(qRound(scale * 100))
                             .arg(resolved ? QStringLiteral("-resolved") : QString()));
    }

    QStringList clipped;
    const QList<QAbstractButton*> buttons = page.findChildren<QAbstractButton*>();
    int checked = 0;
    for (QAbstractButton* button : buttons) {
        if (!button->isVisibleTo(&page) || button->text().isEmpty())
            continue;
        ++checked;
        if (button->sizeHint().width() > button->width())
            clipped << QStringLiteral("%1 \"%2\": %3 px of %4")
                           .arg(button->objectName(), button->text())
                           .arg(button->width())
                           .arg(button->sizeHint().width());
    }
    QVERIFY2(checked >= 6, "the page's buttons were found"); // it can fail
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("; "))));

    // The composer shows several lines when the window has room for them.
    auto* editor = page.findChild<QPlainTextEdit*>(QStringLiteral("composerText"));
    QVERIFY(editor && editor->isVisibleTo(&page));
    const int lines = editor->viewport()->height() / editor->fontMetrics().lineSpacing();
    QVERIFY2(lines >= 5, qPrintable(QStringLiteral("the composer shows %1 lines").arg(lines)));
}

QTEST_MAIN(TestConversationsLayout)
#include "tst_conversationslayout.moc"
