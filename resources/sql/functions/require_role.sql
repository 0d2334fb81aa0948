-- mhero.require_role(name,text)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_role(p_role name, p_refusal text)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF NOT pg_has_role(session_user, p_role, 'USAGE') THEN
        RAISE EXCEPTION '%', p_refusal USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_role(name,text) FROM PUBLIC;
