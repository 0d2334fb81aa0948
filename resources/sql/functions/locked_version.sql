-- mhero.locked_version(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.locked_version(p_version bigint)
 RETURNS mhero.template_version
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    tid bigint;
    v template_version;
BEGIN
    SELECT template_id INTO tid FROM template_version WHERE id = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template version % does not exist', p_version USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM locked_template(tid);
    SELECT * INTO v FROM template_version WHERE id = p_version FOR UPDATE;
    RETURN v;
END
$function$;

REVOKE ALL ON FUNCTION mhero.locked_version(bigint) FROM PUBLIC;
