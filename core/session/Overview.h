#pragma once

#include "Result.h"

class QSqlDatabase;

namespace mhero {

/// The figures of the home page: what the call center has to work with right now.
struct Overview
{
    qint64 healthWorkers = 0;
    qint64 activeHealthWorkers = 0;
    qint64 districts = 0;
    qint64 facilities = 0;
    qint64 openConversations = 0;
    qint64 unassignedConversations = 0;
    qint64 myConversations = 0;
    qint64 approvedTemplates = 0;
    qint64 submittedTemplates = 0;
    /// Enabled sources whose last run of a job ended with an error (the engine's view of them).
    qint64 sourcesWithErrors = 0;
    /// Inbound entries set aside in mhero.inbound_quarantine (an address mHero cannot store, an
    /// entry the engine could not read); -1 when the signed-in role may not read them (agents).
    qint64 quarantinedEntries = -1;
};

/// One round trip; figures the signed-in role may not read are left at 0.
Result<Overview> loadOverview(QSqlDatabase& db);

} // namespace mhero
