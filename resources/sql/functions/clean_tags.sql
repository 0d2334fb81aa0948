-- mhero.clean_tags(text[])
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.clean_tags(p_tags text[])
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT coalesce(array_agg(DISTINCT lower(btrim(t)) ORDER BY lower(btrim(t))), '{}')
      FROM unnest(coalesce(p_tags, '{}')) AS t WHERE btrim(t) <> ''
$function$;

REVOKE ALL ON FUNCTION mhero.clean_tags(text[]) FROM PUBLIC;
