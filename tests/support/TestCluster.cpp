#include "TestCluster.h"

#include "db/Migrator.h"
#include "db/Sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

namespace mhero::test {

namespace {
QString infoFile()
{
    return qEnvironmentVariable("MHERO_TEST_CLUSTER_INFO");
}

QString uniqueSuffix()
{
    return QString::number(QRandomGenerator::global()->generate64() % 1'000'000'000'000ULL, 36);
}

/// A folder the server user can reach even when the tests run as root (whose home it cannot).
Result<QString> makeBaseDir()
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/mhero-test-XXXXXX"));
    if (!dir.isValid())
        return Error{QStringLiteral("test"), QStringLiteral("cannot create a temporary folder"), dir.errorString()};
    dir.setAutoRemove(false);
    // Reachable (not readable) by the "postgres" user the server runs as when tests run as root.
    QFile::setPermissions(dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    return QString(dir.path() + QStringLiteral("/cluster"));
}
} // namespace

Status TestCluster::prepareTemplate(const LocalCluster& cluster)
{
    auto created = cluster.ensureDatabase(QString(kTemplateDatabase));
    if (!created)
        return created.error();
    auto settings = cluster.superuserSettings(QString(kTemplateDatabase));
    if (!settings)
        return settings.error();
    auto connection = ScopedConnection::open(*settings, QStringLiteral("template"));
    if (!connection)
        return connection.error();
    auto applied = Migrator().migrate(connection->db());
    if (!applied)
        return applied.error();
    return {};
}

Result<QString> TestCluster::setUpShared()
{
    (void)tearDownShared(); // a run killed before its cleanup left one behind
    auto base = makeBaseDir();
    if (!base)
        return base.error();
    LocalCluster cluster(*base);
    LocalCluster::InitOptions options;
    options.throwAway = true;
    if (Status status = cluster.init(options); !status)
        return status.error();
    if (Status status = cluster.start(); !status)
        return status.error();
    if (Status status = prepareTemplate(cluster); !status)
        return status.error();
    QFile file(infoFile());
    if (infoFile().isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{QStringLiteral("test"), QStringLiteral("cannot write MHERO_TEST_CLUSTER_INFO"), infoFile()};
    file.write(base->toUtf8());
    return *base;
}

Status TestCluster::tearDownShared()
{
    QFile file(infoFile());
    if (infoFile().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QString base = QString::fromUtf8(file.readAll()).trimmed();
    file.close();
    file.remove();
    if (base.isEmpty())
        return {};
    LocalCluster cluster(base);
    Status status = cluster.destroy();
    QDir(QFileInfo(base).path()).removeRecursively();
    return status;
}

TestCluster& TestCluster::instance()
{
    static TestCluster self;
    if (self.m_cluster)
        return self;

    QFile file(infoFile());
    if (!infoFile().isEmpty() && file.open(QIODevice::ReadOnly)) {
        auto cluster = std::make_unique<LocalCluster>(QString::fromUtf8(file.readAll()).trimmed());
        if (cluster->exists() && cluster->isRunning()) {
            self.m_cluster = std::move(cluster);
            return self;
        }
    }
    // Standalone run: a private cluster for this process.
    auto base = makeBaseDir();
    if (!base)
        qFatal("TestCluster: %s", qPrintable(base.error().toString()));
    auto cluster = std::make_unique<LocalCluster>(*base);
    LocalCluster::InitOptions options;
    options.throwAway = true;
    Status status = cluster->init(options);
    if (status)
        status = cluster->start();
    if (status)
        status = prepareTemplate(*cluster);
    if (!status)
        qFatal("TestCluster: %s", qPrintable(status.error().toString()));
    self.m_cluster = std::move(cluster);
    self.m_owned = true;
    return self;
}

TestCluster::~TestCluster()
{
    if (m_owned && m_cluster) {
        const QString base = m_cluster->baseDir();
        (void)m_cluster->destroy();
        QDir(QFileInfo(base).path()).removeRecursively();
    }
}

QString TestCluster::createDatabase(bool migrated)
{
    const QString name = QStringLiteral("t_") + uniqueSuffix();
    auto created = m_cluster->ensureDatabase(name, migrated ? QString(kTemplateDatabase) : QString());
    if (!created)
        qFatal("createDatabase: %s", qPrintable(created.error().toString()));
    return name;
}

void TestCluster::dropDatabase(const QString& name)
{
    auto connection = connectSuperuser(QStringLiteral("postgres"));
    if (connection)
        (void)sql::exec(connection->db(),
                        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(sql::quoteIdentifier(name)));
}

ConnectionSettings TestCluster::superuser(const QString& database) const
{
    auto settings = m_cluster->superuserSettings(database);
    if (!settings)
        qFatal("superuser: %s", qPrintable(settings.error().toString()));
    return *settings;
}

Result<ScopedConnection> TestCluster::connectSuperuser(const QString& database) const
{
    return ScopedConnection::open(superuser(database), QStringLiteral("test-su"));
}

Result<secrets::EngineKey> TestCluster::installEngineKey(const QString& database, const QString& keyPath)
{
    auto owner = connectSuperuser(database);
    if (!owner)
        return owner.error();
    return secrets::loadEngineKey(owner->db(), keyPath, true);
}

Result<TestUser> TestCluster::createUser(const QString& database, UserKind kind, const QString& prefix)
{
    auto connection = connectSuperuser(database);
    if (!connection)
        return connection.error();
    TestUser user;
    user.name = prefix + QLatin1Char('_') + uniqueSuffix();
    user.password = users::generatePassword();
    if (Status status = users::add(connection->db(), user.name, kind, QStringLiteral("Test ") + user.name,
                                   {QStringLiteral("en")}, user.password);
        !status)
        return status.error();
    user.settings = m_cluster->userSettings(user.name, user.password, database);
    return user;
}

Result<ScopedConnection> TestCluster::connectAs(const TestUser& user)
{
    return ScopedConnection::open(user.settings, user.name);
}

} // namespace mhero::test
