-- mhero.require_template_editor()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_template_editor()
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF NOT (pg_has_role(session_user, 'mhero_supervisor', 'USAGE') OR pg_has_role(session_user, 'mhero_admin', 'USAGE')) THEN
        RAISE EXCEPTION 'only supervisors write templates' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM require_active_user();
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_template_editor() FROM PUBLIC;
