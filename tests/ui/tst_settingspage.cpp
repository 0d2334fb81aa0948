// The administrators' Settings page: each setting edited with what its kind allows, the change
// stored, audited and shown; refused for anyone else by the database, with the reason shown.
#include "SqlAssert.h"
#include "TestCluster.h"

#include "db/Database.h"
#include "settings/SettingsPage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    choice->setCurrentIndex(choice->findText(QStringLiteral("free_text")));
    QVERIFY(applyAndWait(page));
    QCOMPARE(value(QStringLiteral("messaging.free_text_policy")), QStringLiteral("free_text"));
    // The table shows the new value and who changed it; the audit log has it.
    QTRY_VERIFY(!table->findItems(QStringLiteral("free_text"), Qt::MatchExactly).isEmpty());
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
    choice->setCurrentIndex(choice->findText(before == QLatin1String("free_text") ? QStringLiteral("templates_only")
                                                                                   : QStringLiteral("free_text")));
    QVERIFY(!applyAndWait(page));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("settingsStatus"))->text().contains(QLatin1String("Not changed")));
    QCOMPARE(value(QStringLiteral("messaging.free_text_policy")), before);
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
