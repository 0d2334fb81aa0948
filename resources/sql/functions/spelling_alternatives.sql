-- mhero.spelling_alternatives(text)
--
-- The definition in force (defined in migration 0002; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.spelling_alternatives(query text)
 RETURNS TABLE(word text, alternatives text[])
 LANGUAGE sql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    SELECT w, ARRAY(SELECT d.word FROM directory_word d WHERE similar_to(d.word, w)
                    ORDER BY similarity_score(d.word, w) DESC, d.word LIMIT 4)
    FROM unnest(regexp_split_to_array(fold(query), '[^[:alnum:]]+')) AS w
    WHERE length(w) >= 2
$function$;

REVOKE ALL ON FUNCTION mhero.spelling_alternatives(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.spelling_alternatives(text) TO mhero_admin, mhero_agent, mhero_service;
