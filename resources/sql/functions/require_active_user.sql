-- mhero.require_active_user()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_active_user()
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF NOT EXISTS (SELECT FROM app_user WHERE role_name = session_user AND active) THEN
        RAISE EXCEPTION 'you are not an active mHero user' USING ERRCODE = 'insufficient_privilege',
            HINT = 'Sign in with your own mHero account, not the database owner.';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_active_user() FROM PUBLIC;
