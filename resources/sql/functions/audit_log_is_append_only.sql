-- mhero.audit_log_is_append_only()
--
-- The definition in force (defined in migration 0001; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.audit_log_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END
$function$;

REVOKE ALL ON FUNCTION mhero.audit_log_is_append_only() FROM PUBLIC;
