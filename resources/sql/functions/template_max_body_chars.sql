-- mhero.template_max_body_chars()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.template_max_body_chars()
 RETURNS integer
 LANGUAGE sql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT coalesce((SELECT (value #>> '{}')::integer FROM setting WHERE key = 'templates.max_body_chars'), 1000)
$function$;

REVOKE ALL ON FUNCTION mhero.template_max_body_chars() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.template_max_body_chars() TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
