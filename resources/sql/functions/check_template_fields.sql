-- mhero.check_template_fields(text,text,text[])
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.check_template_fields(p_name text, p_category text, p_tags text[])
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF p_name IS NULL OR length(btrim(p_name)) NOT BETWEEN 1 AND 200 THEN
        RAISE EXCEPTION 'a template needs a name of 1 to 200 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_category IS NULL OR p_category NOT IN ('clinical', 'hr_payroll', 'outbreak', 'training', 'general') THEN
        RAISE EXCEPTION 'unknown template category "%"', p_category USING ERRCODE = 'invalid_parameter_value',
            HINT = 'clinical, hr_payroll, outbreak, training or general';
    END IF;
    IF EXISTS (SELECT FROM unnest(clean_tags(p_tags)) t WHERE length(t) > 40) THEN
        RAISE EXCEPTION 'a tag has more than 40 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.check_template_fields(text,text,text[]) FROM PUBLIC;
