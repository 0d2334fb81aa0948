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
};

/// One round trip; figures the signed-in role may not read are left at 0.
Result<Overview> loadOverview(QSqlDatabase& db);

} // namespace mhero
