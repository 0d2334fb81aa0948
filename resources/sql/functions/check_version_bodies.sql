-- mhero.check_version_bodies(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.check_version_bodies(p_version bigint)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    problem text;
    lim integer := template_max_body_chars();
BEGIN
    IF NOT EXISTS (SELECT FROM template_body WHERE template_version_id = p_version) THEN
        RAISE EXCEPTION 'template version % has no body in any language', p_version
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT template_body_problem(b.language, b.body, v.free_placeholders, lim) INTO problem
      FROM template_body b JOIN template_version v ON v.id = b.template_version_id
     WHERE b.template_version_id = p_version
       AND template_body_problem(b.language, b.body, v.free_placeholders, lim) IS NOT NULL
     ORDER BY b.language LIMIT 1;
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION '%', problem USING ERRCODE = 'invalid_parameter_value', HINT = 'template-validation';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.check_version_bodies(bigint) FROM PUBLIC;
