#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace mhero {

/// Who is signed in, as the database sees it (mhero.whoami()). Group membership, not the
/// profile's kind, decides what the server lets the user do; the console only mirrors it.
struct UserProfile
{
    QString roleName;
    QString displayName;
    QStringList languages;
    bool isAgent = false;
    bool isSupervisor = false;
    bool isAdmin = false;
    bool isService = false;

    /// The most senior role, for the status bar: "supervisor", "admin", "agent", "service".
    [[nodiscard]] QString primaryRole() const;
    /// The same, translated for display.
    [[nodiscard]] QString primaryRoleLabel() const;

    /// Reads the profile of the connected user; refuses roles that are not mHero users.
    static Result<UserProfile> load(QSqlDatabase& db);
};

/// What the console needs to know right after signing in: who, and where.
struct SessionInfo
{
    UserProfile user;
    QString serverVersion;
    int schemaVersion = 0;
};

/// Checks the schema and loads the profile: the console's first job after connecting.
Result<SessionInfo> startSession(QSqlDatabase& db);

} // namespace mhero
