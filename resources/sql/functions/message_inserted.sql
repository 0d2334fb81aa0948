-- mhero.message_inserted()
--
-- The definition in force (defined in migrations 0003, 0013; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.message_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    UPDATE mhero.conversation c
       SET last_activity_at = greatest(c.last_activity_at, n.newest_at),
           -- ties go to what is already there: pages arrive newest first
           last_message_text = CASE WHEN n.newest_at > c.last_activity_at OR c.last_message_text IS NULL
                                    THEN n.newest_text ELSE c.last_message_text END,
           last_message_direction = CASE WHEN n.newest_at > c.last_activity_at OR c.last_message_direction IS NULL
                                         THEN n.newest_direction ELSE c.last_message_direction END,
           last_inbound_at = CASE WHEN n.newest_in_at IS NULL THEN c.last_inbound_at
                                  ELSE greatest(c.last_inbound_at, n.newest_in_at) END,
           window_ends_at = CASE WHEN n.newest_in_at IS NULL THEN c.window_ends_at
                                 ELSE greatest(c.window_ends_at, n.newest_in_at + interval '24 hours') END,
           unread_count = c.unread_count + n.inbound,
           message_count = c.message_count + n.total,
           -- a person writing again puts a pending conversation back in front of the agents
           status = CASE WHEN n.inbound > 0 AND c.status = 'pending' THEN 'open' ELSE c.status END
      FROM (SELECT m.conversation_id,
                   max(m.created_at) AS newest_at,
                   max(m.created_at) FILTER (WHERE m.direction = 'in') AS newest_in_at,
                   (array_agg(CASE WHEN m.text <> '' THEN left(m.text, 200)
                                   WHEN m.unsupported_type IS NOT NULL THEN '⚠ ' || m.unsupported_type
                                   ELSE '📎 ' || coalesce(m.attachments -> 0 ->> 'content_type', 'attachment') END
                              ORDER BY m.created_at DESC, m.external_num DESC NULLS LAST, m.id DESC))[1] AS newest_text,
                   (array_agg(m.direction ORDER BY m.created_at DESC, m.external_num DESC NULLS LAST, m.id DESC))[1]
                       AS newest_direction,
                   count(*) FILTER (WHERE m.direction = 'in') AS inbound,
                   count(*) AS total
              FROM new_messages m GROUP BY m.conversation_id) n
     WHERE c.id = n.conversation_id;
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.message_inserted() FROM PUBLIC;
