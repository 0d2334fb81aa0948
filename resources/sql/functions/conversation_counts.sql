-- mhero.conversation_counts()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.conversation_counts(OUT unassigned bigint, OUT mine bigint, OUT open bigint, OUT resolved bigint, OUT mine_unread bigint)
 RETURNS record
 LANGUAGE sql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT count(*) FILTER (WHERE status <> 'resolved' AND assignee IS NULL),
           count(*) FILTER (WHERE status <> 'resolved' AND assignee = session_user),
           count(*) FILTER (WHERE status <> 'resolved'),
           count(*) FILTER (WHERE status = 'resolved'),
           count(*) FILTER (WHERE status <> 'resolved' AND unread_count > 0
                                  AND (assignee = session_user OR assignee IS NULL))
      FROM conversation
$function$;

REVOKE ALL ON FUNCTION mhero.conversation_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.conversation_counts() TO mhero_agent;
