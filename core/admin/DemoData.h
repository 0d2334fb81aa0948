#pragma once

#include "Result.h"

#include <QLatin1StringView>
#include <QString>

class QSqlDatabase;

namespace mhero::demo {

/// Password of every demo account. Public on purpose: demo data is for trying mHero out, never
/// for a database with real people in it.
inline constexpr QLatin1StringView kPassword{"mhero-demo"};

/// The demo accounts: name and role.
struct Account
{
    QLatin1StringView name;
    QLatin1StringView kind;
    QLatin1StringView displayName;
};
inline constexpr Account kAccounts[] = {
    {QLatin1StringView("demo_supervisor"), QLatin1StringView("supervisor"), QLatin1StringView("Comfort Flomo")},
    {QLatin1StringView("demo_supervisor2"), QLatin1StringView("supervisor"), QLatin1StringView("Musa Kamara")},
    {QLatin1StringView("demo_agent"), QLatin1StringView("agent"), QLatin1StringView("Esther Kollie")},
    {QLatin1StringView("demo_admin"), QLatin1StringView("admin"), QLatin1StringView("Prince Dolo")},
};

/// Loads the demo data set (a few hundred health workers in Liberia's counties, conversations,
/// templates) unless the directory already has people, and creates the demo accounts that do
/// not exist yet. Needs the database owner. Returns a one-line summary.
Result<QString> load(QSqlDatabase& db);

} // namespace mhero::demo
