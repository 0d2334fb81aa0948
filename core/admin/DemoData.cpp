#include "admin/DemoData.h"

#include "admin/UserAdmin.h"
#include "db/Sql.h"

#include <QFile>
#include <QSqlDatabase>
#include <QVariant>

namespace mhero::demo {

Result<QString> load(QSqlDatabase& db)
{
    int accountsCreated = 0;
    for (const Account& account : kAccounts) {
        auto exists = sql::scalar(db, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"),
                                  {QString(account.name)});
        if (!exists)
            return exists.error();
        if (exists->toInt() > 0) {
            // Roles are cluster-wide, profiles are per database: another database of this
            // cluster may have created the account already.
            auto attached = sql::exec(db,
                                      QStringLiteral("INSERT INTO mhero.app_user (role_name, display_name, kind) "
                                                     "VALUES (?, ?, ?) ON CONFLICT (role_name) DO NOTHING"),
                                      {QString(account.name), QString(account.displayName), QString(account.kind)});
            if (!attached)
                return attached.error();
            continue;
        }
        const auto kind = userKindFromString(QString(account.kind));
        if (Status status = users::add(db, QString(account.name), *kind, QString(account.displayName),
                                       {QStringLiteral("en")}, QString(kPassword));
            !status)
            return status.error();
        ++accountsCreated;
    }

    auto people = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.health_worker"));
    if (!people)
        return people.error();
    if (people->toLongLong() > 0)
        return QStringLiteral(
                   "Demo data: the directory already has %1 people; left as it is (%2 demo accounts created).")
            .arg(people->toLongLong())
            .arg(accountsCreated);

    QFile file(QStringLiteral(":/demo/demo.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("demo"), QStringLiteral("The demo data set is missing from this build."), {}};
    const QByteArray script = file.readAll();
    const Status loaded = sql::inTransaction(db, [&db, &script]() -> Status {
        if (Status step = sql::execScript(db, script); !step)
            return step;
        return sql::execScript(db, "SELECT mhero.refresh_facets()"); // the directory page's filter choices
    });
    if (!loaded)
        return loaded.error();
    auto count = sql::scalar(db,
                             QStringLiteral("SELECT format('%s health workers, %s conversations, %s templates', "
                                            "(SELECT count(*) FROM mhero.health_worker), "
                                            "(SELECT count(*) FROM mhero.conversation), "
                                            "(SELECT count(*) FROM mhero.template))"));
    return QStringLiteral("Demo data loaded: %1; %2 demo accounts created (password \"%3\").")
        .arg(count ? count->toString() : QString())
        .arg(accountsCreated)
        .arg(kPassword);
}

} // namespace mhero::demo
