// The administrators' Settings page: each setting edited with what its kind allows, the change
// stored, audited and shown; refused for anyone else by the database, with the reason shown.
// Settings read as words with their units, not keys (issue 17, day-one defect 8), and supervisors
// and administrators read who may sign in and where the data comes from.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "common/Translations.h"
#include "db/Database.h"
#include "settings/SettingsPage.h"
#include "settings/SourcesPage.h"
#include "settings/UsersPage.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace mhero;
using namespace mhero::test;
using namespace mhero::ui;

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void adminChangesThePolicy();
    void boundsAndRegions();
    void othersAreRefusedByTheDatabase();
    void settingsReadAsWords();
    void usersAndSourcesAreListed();

private:
    static void open(Database& database, const TestUser& user)
    {
        QSignalSpy opened(&database, &Database::opened);
        database.open(user.settings);
        QTRY_COMPARE(opened.count(), 1);
    }
    static bool applyAndWait(SettingsPage& page)
    {
        QSignalSpy applied(&page, &SettingsPage::applied);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("applySettingButton")), Qt::LeftButton);
        if (!applied.wait(10000))
            return false;
        return applied.first().first().toBool();
    }
    static void shoot(QWidget& widget, const char* name)
    {
        const QString dir = qEnvironmentVariable("MHERO_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
    }
    static QString cell(const QTableWidget* table, const QString& first, int column)
    {
        const QList<QTableWidgetItem*> rows = table->findItems(first, Qt::MatchExactly);
        return rows.isEmpty() ? QStringLiteral("<no row %1>").arg(first)
                              : table->item(rows.first()->row(), column)->text();
    }
    QString value(const QString& key)
    {
        return sql::scalar(m_owner->db(), QStringLiteral("SELECT value #>> '{}' FROM mhero.setting WHERE key = ?"), {key})
            .valueOr(QVariant())
            .toString();
    }

    QString m_db;
    TestUser m_admin, m_supervisor;
    std::optional<ScopedConnection> m_owner;
};

void TestSettingsPage::initTestCase()
{
    // English as the console runs it: plural forms ("300 seconds") come from mhero_en.
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
    m_db = TestCluster::instance().createDatabase();
    auto admin = TestCluster::instance().createUser(m_db, UserKind::Admin, QStringLiteral("it"));
    MHERO_VERIFY_OK(admin);
    m_admin = *admin;
    auto supervisor = TestCluster::instance().createUser(m_db, UserKind::Supervisor, QStringLiteral("sup"));
    MHERO_VERIFY_OK(supervisor);
    m_supervisor = *supervisor;
    auto owner = TestCluster::instance().connectSuperuser(m_db);
    MHERO_VERIFY_OK(owner);
    m_owner.emplace(std::move(*owner));
}

void TestSettingsPage::cleanupTestCase()
{
    m_owner.reset();
    TestCluster::instance().dropDatabase(m_db);
}

void TestSettingsPage::adminChangesThePolicy()
{
    Database database;
    open(database, m_admin);
    SettingsPage page(database);
    page.resize(1000, 600);
    page.show();
    QSignalSpy loaded(&page, &SettingsPage::loaded);
    QTRY_VERIFY(loaded.count() >= 1);
    auto* table = page.findChild<QTableWidget*>(QStringLiteral("settingsTable"));
    QVERIFY(table->rowCount() >= 9); // every declared setting, as in setting_definition
    page.selectSetting(QStringLiteral("messaging.free_text_policy"));
    auto* choice = page.findChild<QComboBox*>(QStringLiteral("settingChoice"));
    QTRY_VERIFY(choice->isVisible());
    QCOMPARE(choice->count(), 2);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("settingDescription"))->text().contains(QLatin1String("free")));
    choice->setCurrentIndex(choice->findData(QStringLiteral("free_text")));
    QVERIFY(applyAndWait(page));
    QCOMPARE(value(QStringLiteral("messaging.free_text_policy")), QStringLiteral("free_text"));
    // The table shows the new value and who changed it; the audit log has it.
    QTRY_VERIFY(!table->findItems(QStringLiteral("Approved templates and free text"), Qt::MatchExactly).isEmpty());
    QTRY_VERIFY(!table->findItems(m_admin.name, Qt::MatchContains).isEmpty());
    QCOMPARE(sql::scalar(m_owner->db(), QStringLiteral("SELECT count(*) FROM mhero.audit_log WHERE table_name = 'setting' "
                                                       "AND actor = ? AND after::text LIKE '%free_text%'"),
                         {m_admin.name})
                 .valueOr(0)
                 .toInt(),
             1);
}

void TestSettingsPage::boundsAndRegions()
{
    Database database;
    open(database, m_admin);
    SettingsPage page(database);
    page.show();
    QSignalSpy loaded(&page, &SettingsPage::loaded);
    QTRY_VERIFY(loaded.count() >= 1);
    // A number is held within the setting's declared bounds (1–100 attempts).
    page.selectSetting(QStringLiteral("messaging.max_attempts"));
    auto* number = page.findChild<QSpinBox*>(QStringLiteral("settingNumber"));
    QTRY_VERIFY(number->isVisible());
    QCOMPARE(number->minimum(), 1);
    QCOMPARE(number->maximum(), 100);
    number->setValue(500);
    QCOMPARE(number->value(), 100);
    number->setValue(25);
    QVERIFY(applyAndWait(page));
    QCOMPARE(value(QStringLiteral("messaging.max_attempts")), QStringLiteral("25"));
    // A region: two letters, upper-cased; one libphonenumber does not know is refused by the
    // database, with its reason on the page, and nothing changes.
    page.selectSetting(QStringLiteral("phone.default_region"));
    auto* region = page.findChild<QLineEdit*>(QStringLiteral("settingRegion"));
    QTRY_VERIFY(region->isVisible());
    region->clear();
    QTest::keyClicks(region, QStringLiteral("sl4"));
    QCOMPARE(region->text(), QStringLiteral("sl"));
    QVERIFY(applyAndWait(page));
    QCOMPARE(value(QStringLiteral("phone.default_region")), QStringLiteral("SL"));
    region->setText(QStringLiteral("QQ"));
    QVERIFY(!applyAndWait(page));
    QVERIFY2(page.findChild<QLabel*>(QStringLiteral("settingsStatus"))->text().contains(QLatin1String("Not changed")),
             qPrintable(page.findChild<QLabel*>(QStringLiteral("settingsStatus"))->text()));
    QCOMPARE(value(QStringLiteral("phone.default_region")), QStringLiteral("SL"));
}

void TestSettingsPage::othersAreRefusedByTheDatabase()
{
    // The page is only in administrators' windows; a supervisor who got to it anyway changes nothing.
    const QString before = value(QStringLiteral("messaging.free_text_policy"));
    Database database;
    open(database, m_supervisor);
    SettingsPage page(database);
    page.show();
    QSignalSpy loaded(&page, &SettingsPage::loaded);
    QTRY_VERIFY(loaded.count() >= 1);
    page.selectSetting(QStringLiteral("messaging.free_text_policy"));
    auto* choice = page.findChild<QComboBox*>(QStringLiteral("settingChoice"));
    QTRY_VERIFY(choice->isVisible());
    choice->setCurrentIndex(choice->findData(before == QLatin1String("free_text") ? QStringLiteral("templates_only")
                                                                                  : QStringLiteral("free_text")));
    QVERIFY(!applyAndWait(page));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("settingsStatus"))->text().contains(QLatin1String("Not changed")));
    QCOMPARE(value(QStringLiteral("messaging.free_text_policy")), before);
}

// Every key the database declares has words in this program (a key added without them fails
// here); the page shows those words, the unit of each number, and keeps the key as a tooltip.
void TestSettingsPage::settingsReadAsWords()
{
    auto keys = sql::exec(m_owner->db(), QStringLiteral("SELECT key FROM mhero.setting_definition ORDER BY key"));
    MHERO_VERIFY_OK(keys);
    QStringList declared;
    while (keys->next())
        declared << keys->value(0).toString();
    QVERIFY(declared.size() >= 11);
    for (const QString& key : std::as_const(declared)) {
        const auto text = settings::describe(key);
        QVERIFY2(text, qPrintable(key + QStringLiteral(" has no label")));
        QVERIFY2(!text->label.isEmpty() && !text->description.isEmpty(), qPrintable(key));
    }

    Database database;
    open(database, m_admin);
    SettingsPage page(database);
    page.resize(1100, 600);
    page.show();
    QSignalSpy loaded(&page, &SettingsPage::loaded);
    QTRY_VERIFY(loaded.count() >= 1);
    auto* table = page.findChild<QTableWidget*>(QStringLiteral("settingsTable"));
    QCOMPARE(table->rowCount(), int(declared.size()));
    static const QRegularExpression rawKey(QStringLiteral("^[a-z_]+\\.[a-z_]+$"));
    QStringList tooltips;
    for (int row = 0; row < table->rowCount(); ++row) {
        QVERIFY2(!rawKey.match(table->item(row, 0)->text()).hasMatch(), qPrintable(table->item(row, 0)->text()));
        tooltips << table->item(row, 0)->toolTip();
    }
    tooltips.sort();
    QCOMPARE(tooltips, declared);
    // Numbers with their unit, in the table, the range and the editor.
    MHERO_VERIFY_OK(sql::exec(m_owner->db(),
                              QStringLiteral("INSERT INTO mhero.setting (key, value) VALUES "
                                             "('messaging.claim_lease_seconds', '300') ON CONFLICT (key) "
                                             "DO UPDATE SET value = EXCLUDED.value")));
    page.refresh();
    QTRY_VERIFY(loaded.count() >= 2);
    QCOMPARE(cell(table, QStringLiteral("Sender's hold on a message"), 1), QStringLiteral("300 seconds"));
    QCOMPARE(cell(table, QStringLiteral("Sender's hold on a message"), 2),
             QStringLiteral("1–%1 seconds").arg(QLocale().toString(86400)));
    QCOMPARE(cell(table, QStringLiteral("Largest attachment kept"), 1),
             QStringLiteral("%1 (%2 bytes)")
                 .arg(QLocale().formattedDataSize(26214400, 1, QLocale::DataSizeTraditionalFormat),
                      QLocale().toString(26214400)));
    page.selectSetting(QStringLiteral("messaging.claim_lease_seconds"));
    auto* description = page.findChild<QLabel*>(QStringLiteral("settingDescription"));
    QTRY_VERIFY(description->text().contains(QLatin1String("Sender&#x27;s hold on a message"))
                || description->text().contains(QLatin1String("Sender's hold on a message")));
    QVERIFY2(description->text().contains(QLatin1String("outbox")), qPrintable(description->text()));
    QCOMPARE(description->toolTip(), QStringLiteral("messaging.claim_lease_seconds"));
    QCOMPARE(page.findChild<QSpinBox*>(QStringLiteral("settingNumber"))->suffix(), QStringLiteral(" seconds"));
    // Choices in words; the value written is still the key the database knows.
    page.selectSetting(QStringLiteral("messaging.free_text_policy"));
    auto* choice = page.findChild<QComboBox*>(QStringLiteral("settingChoice"));
    QTRY_VERIFY(choice->isVisible());
    QVERIFY(choice->findText(QStringLiteral("Approved templates only")) >= 0);
    QVERIFY(choice->findText(QStringLiteral("templates_only")) < 0);
    shoot(page, "settings.png");
}

void TestSettingsPage::usersAndSourcesAreListed()
{
    QSqlDatabase& owner = m_owner->db();
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.source (name, kind, base_url) VALUES "
                                             "('rapidpro-lr', 'rapidpro', 'https://rapidpro.example.org'), "
                                             "('ihris', 'fhir', 'https://ihris.example.org/fhir')")));
    MHERO_VERIFY_OK(sql::exec(owner,
                              QStringLiteral("INSERT INTO mhero.sync_state (source_id, job, last_error) "
                                             "SELECT id, 'messages_in', 'HTTP 500' FROM mhero.source "
                                             "WHERE name = 'rapidpro-lr'")));
    auto deactivated = TestCluster::instance().createUser(m_db, UserKind::Agent, QStringLiteral("gone"));
    MHERO_VERIFY_OK(deactivated);
    MHERO_VERIFY_OK(sql::exec(owner, QStringLiteral("UPDATE mhero.app_user SET active = false WHERE role_name = ?"),
                              {deactivated->name}));

    for (const TestUser* user : {&m_supervisor, &m_admin}) {
        const bool admin = user == &m_admin;
        Database database;
        open(database, *user);
        UsersPage users(database);
        users.resize(1000, 500);
        users.show();
        QSignalSpy usersLoaded(&users, &UsersPage::loaded);
        QTRY_COMPARE(usersLoaded.count(), 1);
        QVERIFY2(usersLoaded.first().first().toBool(),
                 qPrintable(users.findChild<QLabel*>(QStringLiteral("usersStatus"))->text()));
        auto* table = users.findChild<QTableWidget*>(QStringLiteral("usersTable"));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(cell(table, m_admin.name, 2), QStringLiteral("Administrator"));
        QCOMPARE(cell(table, m_supervisor.name, 2), QStringLiteral("Supervisor"));
        QCOMPARE(cell(table, m_supervisor.name, 4), QStringLiteral("Active"));
        QCOMPARE(cell(table, deactivated->name, 4), QStringLiteral("Deactivated"));
        if (admin)
            shoot(users, "users.png");

        SourcesPage sources(database);
        sources.resize(1100, 400);
        sources.show();
        QSignalSpy sourcesLoaded(&sources, &SourcesPage::loaded);
        QTRY_COMPARE(sourcesLoaded.count(), 1);
        QVERIFY2(sourcesLoaded.first().first().toBool(),
                 qPrintable(sources.findChild<QLabel*>(QStringLiteral("sourcesStatus"))->text()));
        auto* list = sources.findChild<QTableWidget*>(QStringLiteral("sourcesTable"));
        QCOMPARE(list->rowCount(), 2);
        QCOMPARE(cell(list, QStringLiteral("rapidpro-lr"), 1), QStringLiteral("RapidPro"));
        QCOMPARE(cell(list, QStringLiteral("rapidpro-lr"), 2), QStringLiteral("https://rapidpro.example.org"));
        QCOMPARE(cell(list, QStringLiteral("rapidpro-lr"), 3), QStringLiteral("Enabled"));
        QCOMPARE(cell(list, QStringLiteral("rapidpro-lr"), 4), QStringLiteral("Failed: HTTP 500"));
        QCOMPARE(cell(list, QStringLiteral("ihris"), 1), QStringLiteral("FHIR directory"));
        QCOMPARE(cell(list, QStringLiteral("ihris"), 4), QStringLiteral("Never"));
        // The secrets' state is the administrators' to read; supervisors are told so, not refused.
        QCOMPARE(cell(list, QStringLiteral("ihris"), 5),
                 admin ? QStringLiteral("None stored") : QStringLiteral("Administrators only"));
        if (admin)
            shoot(sources, "sources.png");
    }
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
