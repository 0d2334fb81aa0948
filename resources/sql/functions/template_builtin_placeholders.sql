-- mhero.template_builtin_placeholders()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.template_builtin_placeholders()
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT ARRAY['given_name', 'family_name', 'cadre', 'facility', 'district', 'agent_name', 'date']
$function$;

REVOKE ALL ON FUNCTION mhero.template_builtin_placeholders() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.template_builtin_placeholders() TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
