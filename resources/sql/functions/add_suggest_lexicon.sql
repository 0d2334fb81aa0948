-- mhero.add_suggest_lexicon(text,text)
--
-- A supervisor adds a line to the answer suggestion's lexicon (migration 22): CONCEPT and its
-- variants separated by "|" ("fuel", "fuel | petrol | gasoil"). Audited as suggest_lexicon_add.
-- Returns the line's id.
CREATE OR REPLACE FUNCTION mhero.add_suggest_lexicon(p_concept text, p_variants text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    line bigint;
BEGIN
    PERFORM require_template_approver();
    IF p_concept IS NULL OR p_concept !~ '^(_stop|[a-z][a-z0-9_]{0,63})$' THEN
        RAISE EXCEPTION 'a concept is "_stop" or lower-case letters, digits and _, starting with a letter'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_variants IS NULL OR btrim(replace(p_variants, '|', '')) = '' OR length(p_variants) > 2000
       OR p_variants ~ E'[\\t\\n]' THEN
        RAISE EXCEPTION 'variants are words or phrases separated by |, on one line, up to 2000 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO suggest_lexicon (concept, variants) VALUES (p_concept, btrim(p_variants)) RETURNING id INTO line;
    PERFORM log_template('suggest_lexicon_add', 'suggest_lexicon', line,
                         jsonb_build_object('concept', p_concept, 'variants', btrim(p_variants)));
    RETURN line;
END
$function$;

REVOKE ALL ON FUNCTION mhero.add_suggest_lexicon(text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.add_suggest_lexicon(text,text) TO mhero_supervisor;
