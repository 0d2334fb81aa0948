#include "SeedData.h"

#include "db/Sql.h"

namespace mhero::test {

Result<qint64> seedConversation(QSqlDatabase& db, const SeedConversation& seed)
{
    auto source = sql::scalar(db, QStringLiteral(
        "WITH s AS (INSERT INTO mhero.source (name, kind, base_url) VALUES ('rapidpro', 'rapidpro', "
        "'https://rapidpro.invalid') ON CONFLICT (name) DO NOTHING RETURNING id) "
        "SELECT id FROM s UNION ALL SELECT id FROM mhero.source WHERE name = 'rapidpro'"));
    if (!source)
        return source.error();
    auto worker = sql::scalar(
        db,
        QStringLiteral("INSERT INTO mhero.health_worker (source_id, resource_type, resource_id, given_name, family_name, "
                       "display_name, cadre, facility, district, language) "
                       "VALUES (?, 'Practitioner', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {*source, seed.resourceId, seed.givenName, seed.familyName, QString(seed.givenName + QLatin1Char(' ') + seed.familyName),
         seed.cadre, seed.facility, seed.district, seed.language});
    if (!worker)
        return worker.error();
    auto conversation = sql::scalar(
        db,
        QStringLiteral("WITH u AS (INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES (?, ?) RETURNING id) "
                       "INSERT INTO mhero.conversation (urn_id, channel_source_id, language) "
                       "SELECT u.id, ?, ? FROM u RETURNING id"),
        {seed.urn, *worker, *source, seed.language});
    if (!conversation)
        return conversation.error();
    auto message = sql::exec(db,
                             QStringLiteral("INSERT INTO mhero.message (conversation_id, direction, text, source_id, "
                                            "external_id, status) VALUES (?, 'in', ?, ?, ?, 'received')"),
                             {*conversation, seed.inboundText, *source, QString(QStringLiteral("seed-") + seed.resourceId)});
    if (!message)
        return message.error();
    return conversation->toLongLong();
}

} // namespace mhero::test
