-- mhero.require_other_eyes(mhero.template_version)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_other_eyes(v mhero.template_version)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF session_user IN (v.author, v.last_editor) OR session_user = ANY (v.editors) THEN
        RAISE EXCEPTION 'you wrote or edited template version %; another supervisor must decide on it', v.id
            USING ERRCODE = 'insufficient_privilege', HINT = 'four-eyes';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_other_eyes(mhero.template_version) FROM PUBLIC;
