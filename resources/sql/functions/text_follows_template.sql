-- mhero.text_follows_template(text,text)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.text_follows_template(p_body text, p_text text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT p_text ~ ('^' || string_agg(regexp_replace(part, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'), '.+'
                                       ORDER BY n) || '$')
      FROM unnest(regexp_split_to_array(p_body, '\{\{\s*[a-z][a-z0-9_]*\s*\}\}')) WITH ORDINALITY AS t(part, n)
$function$;

REVOKE ALL ON FUNCTION mhero.text_follows_template(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.text_follows_template(text,text) TO mhero_agent, mhero_service;
