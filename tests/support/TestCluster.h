#pragma once

#include "admin/UserAdmin.h"
#include "db/Connection.h"
#include "db/ConnectionSettings.h"
#include "db/LocalCluster.h"
#include "secrets/SealedSecrets.h"

#include <QString>

#include <memory>

namespace mhero::test {

/// A database user made for one test: its name, password and how to connect as it.
struct TestUser
{
    QString name;
    QString password;
    ConnectionSettings settings;
};

/// The temporary PostgreSQL cluster the integration tests run against.
///
/// Under CTest one cluster serves the whole run: the fixture program (mhero-test-cluster setup)
/// starts it, writes its folder to $MHERO_TEST_CLUSTER_INFO, and the cleanup fixture removes it
/// even when tests fail. A test program run on its own starts a private cluster in a temporary
/// folder instead, and removes it when it exits.
class TestCluster final
{
public:
    static constexpr QLatin1StringView kTemplateDatabase{"mhero_template"};

    /// The cluster for this process (fails the calling test if none can be had).
    static TestCluster& instance();

    /// Creates a fresh, empty database, or a migrated one (a copy of the migrated template).
    QString createDatabase(bool migrated = true);
    void dropDatabase(const QString& name);

    [[nodiscard]] ConnectionSettings superuser(const QString& database) const;
    /// Connects as the cluster superuser; QVERIFY-style callers check ok().
    Result<ScopedConnection> connectSuperuser(const QString& database) const;

    /// Creates a new login role of @p kind through mhero.create_user (a unique name each call).
    Result<TestUser> createUser(const QString& database, UserKind kind, const QString& prefix = QStringLiteral("u"));
    /// Does what the sync engine does on its first start: makes a key pair, writes it to
    /// @p keyPath (0600) and publishes its public key in @p database, so that secrets can be
    /// sealed (as administrators do) and opened (as the engine does).
    Result<secrets::EngineKey> installEngineKey(const QString& database, const QString& keyPath);
    /// Connects as @p user.
    static Result<ScopedConnection> connectAs(const TestUser& user);

    [[nodiscard]] const LocalCluster& cluster() const { return *m_cluster; }

    /// Used by the fixture program: creates and starts a cluster with a migrated template database.
    static Result<QString> setUpShared();
    static Status tearDownShared();

    ~TestCluster();

private:
    TestCluster() = default;
    static Status prepareTemplate(const LocalCluster& cluster);

    std::unique_ptr<LocalCluster> m_cluster;
    bool m_owned = false;
};

} // namespace mhero::test
