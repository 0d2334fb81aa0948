-- mhero.mark_conversation_read(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.mark_conversation_read(p_conversation bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM require_agent();
    UPDATE conversation SET unread_count = 0
     WHERE id = p_conversation AND unread_count > 0 AND (assignee IS NULL OR assignee = session_user);
END
$function$;

REVOKE ALL ON FUNCTION mhero.mark_conversation_read(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.mark_conversation_read(bigint) TO mhero_agent;
