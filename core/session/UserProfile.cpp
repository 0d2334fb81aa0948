#include "session/UserProfile.h"

#include "db/Migrator.h"
#include "db/Sql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariant>

namespace mhero {

QString UserProfile::primaryRole() const
{
    if (isAdmin)
        return QStringLiteral("admin");
    if (isSupervisor)
        return QStringLiteral("supervisor");
    if (isAgent)
        return QStringLiteral("agent");
    if (isService)
        return QStringLiteral("service");
    return {};
}

QString UserProfile::primaryRoleLabel() const
{
    if (isAdmin && isSupervisor)
        return QCoreApplication::translate("mhero::UserProfile", "Administrator and supervisor");
    if (isAdmin)
        return QCoreApplication::translate("mhero::UserProfile", "Administrator");
    if (isSupervisor)
        return QCoreApplication::translate("mhero::UserProfile", "Supervisor");
    if (isAgent)
        return QCoreApplication::translate("mhero::UserProfile", "Agent");
    if (isService)
        return QCoreApplication::translate("mhero::UserProfile", "Sync service");
    return {};
}

Result<UserProfile> UserProfile::load(QSqlDatabase& db)
{
    auto query = sql::exec(db,
                           QStringLiteral("SELECT role_name, display_name, array_to_string(languages, ','), active, "
                                          "is_agent, is_supervisor, is_admin, is_service FROM mhero.whoami()"));
    if (!query)
        return query.error();
    if (!query->next())
        return Error{QStringLiteral("no-row"), QStringLiteral("whoami() returned no row"), {}};
    UserProfile profile;
    profile.roleName = query->value(0).toString();
    profile.displayName = query->value(1).toString();
    profile.languages = query->value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool hasProfile = !query->value(1).isNull();
    profile.isAgent = query->value(4).toBool();
    profile.isSupervisor = query->value(5).toBool();
    profile.isAdmin = query->value(6).toBool();
    profile.isService = query->value(7).toBool();
    if (!hasProfile || !query->value(3).toBool())
        return Error{
            QString(sql::state::InvalidAuthorization),
            QCoreApplication::translate("mhero::UserProfile",
                                        "The account \"%1\" is not an active mHero user. Ask your administrator.")
                .arg(profile.roleName),
            {}};
    return profile;
}

Result<SessionInfo> startSession(QSqlDatabase& db)
{
    SessionInfo info;
    if (Status compatible = Migrator().checkCompatible(db); !compatible) {
        // An account without mHero rights cannot even see the schema: say so plainly.
        if (compatible.error().code == sql::state::InsufficientPrivilege)
            return Error{QString(sql::state::InsufficientPrivilege),
                         QCoreApplication::translate("mhero::UserProfile",
                                                     "This account has no access to mHero. Ask your administrator."),
                         compatible.error().message};
        return compatible.error();
    }
    auto profile = UserProfile::load(db);
    if (!profile)
        return profile.error();
    info.user = *profile;
    auto version = sql::scalar(db, QStringLiteral("SELECT current_setting('server_version')"));
    info.serverVersion = version ? version->toString() : QString();
    auto schema = sql::scalar(db, QStringLiteral("SELECT max(version) FROM mhero.schema_migrations"));
    info.schemaVersion = schema ? schema->toInt() : 0;
    return info;
}

} // namespace mhero
