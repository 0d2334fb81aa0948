-- mhero.set_user_active(text,boolean)
--
-- The definition in force (defined in migration 0001; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.set_user_active(p_name text, p_active boolean)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can enable or disable users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT FROM app_user WHERE role_name = p_name) THEN
        RAISE EXCEPTION 'no mHero user named "%"', p_name USING ERRCODE = 'no_data_found';
    END IF;
    IF p_name = session_user AND NOT p_active THEN
        RAISE EXCEPTION 'you cannot disable your own account' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', p_name, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE app_user SET active = p_active WHERE role_name = p_name;
END
$function$;

REVOKE ALL ON FUNCTION mhero.set_user_active(text,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.set_user_active(text,boolean) TO mhero_admin;
