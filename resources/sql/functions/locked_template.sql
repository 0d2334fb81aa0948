-- mhero.locked_template(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.locked_template(p_template bigint)
 RETURNS mhero.template
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    t template;
BEGIN
    SELECT * INTO t FROM template WHERE id = p_template FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template % does not exist', p_template USING ERRCODE = 'no_data_found';
    END IF;
    IF t.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'template "%" is retired', t.name USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN t;
END
$function$;

REVOKE ALL ON FUNCTION mhero.locked_template(bigint) FROM PUBLIC;
