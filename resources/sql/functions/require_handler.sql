-- mhero.require_handler(mhero.conversation)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_handler(c mhero.conversation)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF c.assignee IS NOT NULL AND c.assignee <> session_user AND NOT is_supervisor() THEN
        RAISE EXCEPTION 'this conversation is handled by %', c.assignee
            USING ERRCODE = 'insufficient_privilege', HINT = 'assigned:' || c.assignee;
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_handler(mhero.conversation) FROM PUBLIC;
