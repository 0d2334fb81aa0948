#include "messaging/Quarantine.h"

#include "db/Sql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariant>

namespace mhero::messaging {

namespace {
Status requireSource(QSqlDatabase& db, const QString& source)
{
    auto found = sql::scalar(db, QStringLiteral("SELECT count(*) FROM mhero.source WHERE name = ?"), {source});
    if (!found)
        return found.error();
    if (found->toInt() == 0)
        return Error{QStringLiteral("no-source"),
                     QCoreApplication::translate("mhero::messaging", "There is no source named \"%1\".").arg(source),
                     {}};
    return {};
}
} // namespace

Result<QList<QuarantinedEntry>> quarantinedEntries(QSqlDatabase& db, const QString& source)
{
    if (Status known = requireSource(db, source); !known)
        return known.error();
    auto query = sql::exec(db,
                           QStringLiteral("SELECT q.external_id, q.reason, q.first_seen_at, q.last_seen_at, q.entry::text "
                                          "FROM mhero.inbound_quarantine q JOIN mhero.source s ON s.id = q.source_id "
                                          "WHERE s.name = ? ORDER BY q.last_seen_at DESC, q.external_id"),
                           {source});
    if (!query)
        return query.error();
    QList<QuarantinedEntry> entries;
    while (query->next())
        entries.append(QuarantinedEntry{query->value(0).toString(), query->value(1).toString(),
                                        query->value(2).toDateTime(), query->value(3).toDateTime(),
                                        query->value(4).toString()});
    return entries;
}

Result<int> clearQuarantine(QSqlDatabase& db, const QString& source)
{
    if (Status known = requireSource(db, source); !known)
        return known.error();
    auto query = sql::exec(db,
                           QStringLiteral("DELETE FROM mhero.inbound_quarantine q USING mhero.source s "
                                          "WHERE s.id = q.source_id AND s.name = ?"),
                           {source});
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

} // namespace mhero::messaging
