-- mhero.is_supervisor()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.is_supervisor()
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT pg_has_role(session_user, 'mhero_supervisor', 'USAGE')
$function$;

REVOKE ALL ON FUNCTION mhero.is_supervisor() FROM PUBLIC;
