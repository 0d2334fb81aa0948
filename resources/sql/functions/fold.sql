-- mhero.fold(text)
--
-- The definition in force (defined in migration 0002; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.fold(text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$SELECT lower(mhero.unaccent('mhero.unaccent'::regdictionary, $1))$function$;

REVOKE ALL ON FUNCTION mhero.fold(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.fold(text) TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
