-- mhero.similarity_score(text,text)
--
-- The definition in force (defined in migration 0002; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.similarity_score(a text, b text)
 RETURNS real
 LANGUAGE sql
 STABLE PARALLEL SAFE STRICT
AS $function$SELECT mhero.similarity($1, $2)$function$;

REVOKE ALL ON FUNCTION mhero.similarity_score(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.similarity_score(text,text) TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
