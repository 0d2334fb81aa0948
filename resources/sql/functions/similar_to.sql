-- mhero.similar_to(text,text)
--
-- The definition in force (defined in migration 0002; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.similar_to(a text, b text)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE STRICT
AS $function$SELECT $1 OPERATOR(mhero.%) $2$function$;

REVOKE ALL ON FUNCTION mhero.similar_to(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.similar_to(text,text) TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
