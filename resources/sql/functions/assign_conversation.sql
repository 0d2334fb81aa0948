-- mhero.assign_conversation(bigint,name)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.assign_conversation(p_conversation bigint, p_assignee name)
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
    IF p_assignee IS NULL THEN
        IF c.assignee IS DISTINCT FROM session_user AND NOT is_supervisor() THEN
            RAISE EXCEPTION 'only % or a supervisor can release this conversation', coalesce(c.assignee, 'nobody')
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        IF NOT is_supervisor() THEN
            RAISE EXCEPTION 'only supervisors assign conversations to others' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT FROM app_user WHERE role_name = p_assignee AND active AND kind IN ('agent', 'supervisor')) THEN
            RAISE EXCEPTION '"%" is not an active agent or supervisor', p_assignee USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF c.assignee IS NOT DISTINCT FROM p_assignee THEN
        RETURN;
    END IF;
    UPDATE conversation SET assignee = p_assignee WHERE id = p_conversation;
END
$function$;

REVOKE ALL ON FUNCTION mhero.assign_conversation(bigint,name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.assign_conversation(bigint,name) TO mhero_agent;
