#include "session/Overview.h"

#include "db/Sql.h"

#include <QSqlDatabase>
#include <QVariant>

namespace mhero {

Result<Overview> loadOverview(QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral(R"(
        SELECT
            (SELECT count(*) FROM mhero.health_worker WHERE resource_type = 'Practitioner'),
            (SELECT count(*) FROM mhero.health_worker WHERE resource_type = 'Practitioner' AND active),
            (SELECT count(DISTINCT district) FROM mhero.health_worker WHERE active),
            (SELECT count(DISTINCT facility) FROM mhero.health_worker WHERE active),
            (SELECT count(*) FROM mhero.conversation WHERE status <> 'resolved'),
            (SELECT count(*) FROM mhero.conversation WHERE status <> 'resolved' AND assignee IS NULL),
            (SELECT count(*) FROM mhero.conversation WHERE status <> 'resolved' AND assignee = session_user),
            (SELECT count(*) FROM mhero.template_version v JOIN mhero.template t ON t.id = v.template_id
              WHERE v.status = 'approved' AND t.retired_at IS NULL),
            (SELECT count(*) FROM mhero.template_version WHERE status = 'submitted'),
            (SELECT count(DISTINCT st.source_id) FROM mhero.sync_state st JOIN mhero.source s ON s.id = st.source_id
              WHERE s.enabled AND st.last_error IS NOT NULL),
            has_table_privilege('mhero.inbound_quarantine', 'SELECT'))"));
    if (!query)
        return query.error();
    if (!query->next())
        return Overview{};
    Overview overview;
    overview.healthWorkers = query->value(0).toLongLong();
    overview.activeHealthWorkers = query->value(1).toLongLong();
    overview.districts = query->value(2).toLongLong();
    overview.facilities = query->value(3).toLongLong();
    overview.openConversations = query->value(4).toLongLong();
    overview.unassignedConversations = query->value(5).toLongLong();
    overview.myConversations = query->value(6).toLongLong();
    overview.approvedTemplates = query->value(7).toLongLong();
    overview.submittedTemplates = query->value(8).toLongLong();
    overview.sourcesWithErrors = query->value(9).toLongLong();
    // A second statement: PostgreSQL checks privileges on every table a statement names, even in
    // a branch that never runs, so agents (who may not read the quarantine) never ask.
    if (query->value(10).toBool()) {
        auto quarantined = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.inbound_quarantine"));
        if (!quarantined)
            return quarantined.error();
        overview.quarantinedEntries = quarantined->toLongLong();
    }
    return overview;
}

} // namespace mhero
