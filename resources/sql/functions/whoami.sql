-- mhero.whoami()
--
-- The definition in force (defined in migration 0001; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.whoami(OUT role_name name, OUT display_name text, OUT kind text, OUT languages text[], OUT active boolean, OUT is_agent boolean, OUT is_supervisor boolean, OUT is_admin boolean, OUT is_service boolean)
 RETURNS record
 LANGUAGE sql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT session_user, u.display_name, u.kind, u.languages, coalesce(u.active, false),
           pg_has_role(session_user, 'mhero_agent', 'USAGE'),
           pg_has_role(session_user, 'mhero_supervisor', 'USAGE'),
           pg_has_role(session_user, 'mhero_admin', 'USAGE'),
           pg_has_role(session_user, 'mhero_service', 'USAGE')
    FROM (SELECT) AS one
    LEFT JOIN app_user u ON u.role_name = session_user
$function$;

REVOKE ALL ON FUNCTION mhero.whoami() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.whoami() TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
