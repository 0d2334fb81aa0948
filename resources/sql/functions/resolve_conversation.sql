-- mhero.resolve_conversation(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.resolve_conversation(p_conversation bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    PERFORM require_handler(c);
    IF c.status = 'resolved' THEN
        RETURN;
    END IF;
    UPDATE conversation SET status = 'resolved', resolved_at = now(), unread_count = 0,
                            assignee = coalesce(assignee, session_user)
     WHERE id = p_conversation;
END
$function$;

REVOKE ALL ON FUNCTION mhero.resolve_conversation(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.resolve_conversation(bigint) TO mhero_agent;
