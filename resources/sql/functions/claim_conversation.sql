-- mhero.claim_conversation(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.claim_conversation(p_conversation bigint)
 RETURNS name
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    IF c.assignee IS NOT NULL THEN
        RETURN c.assignee;
    END IF;
    IF c.status = 'resolved' THEN
        RAISE EXCEPTION 'conversation % is resolved; reopen it first', p_conversation
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE conversation SET assignee = session_user WHERE id = p_conversation;
    RETURN session_user;
END
$function$;

REVOKE ALL ON FUNCTION mhero.claim_conversation(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.claim_conversation(bigint) TO mhero_agent;
