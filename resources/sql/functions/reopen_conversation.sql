-- mhero.reopen_conversation(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.reopen_conversation(p_conversation bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
    other bigint;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    IF c.status <> 'resolved' THEN
        RETURN;
    END IF;
    SELECT id INTO other FROM conversation
     WHERE urn_id = c.urn_id AND coalesce(channel_source_id, 0) = coalesce(c.channel_source_id, 0)
       AND status <> 'resolved';
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'this person has a newer open conversation (%); continue there', other
            USING ERRCODE = 'unique_violation', HINT = 'conversation:' || other;
    END IF;
    UPDATE conversation SET status = 'open', resolved_at = NULL, assignee = session_user WHERE id = p_conversation;
END
$function$;

REVOKE ALL ON FUNCTION mhero.reopen_conversation(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reopen_conversation(bigint) TO mhero_agent;
