-- mhero.require_template_approver()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_template_approver()
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM require_role('mhero_supervisor', 'only supervisors approve, reject or retire templates');
    PERFORM require_active_user();
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_template_approver() FROM PUBLIC;
