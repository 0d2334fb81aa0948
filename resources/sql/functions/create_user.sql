-- mhero.create_user(text,text,text,text[],text)
--
-- The definition in force (defined in migration 0001; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.create_user(p_name text, p_kind text, p_display_name text, p_languages text[], p_password_verifier text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can add users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_name IS NULL OR p_name !~ '^[a-z][a-z0-9_.]{1,62}$' OR p_name ~ '^(pg_|mhero_)' THEN
        RAISE EXCEPTION 'invalid user name "%"', p_name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use 2 to 63 lower-case letters, digits, "_" or "."; names starting with pg_ or mhero_ are reserved.';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('agent', 'supervisor', 'admin', 'service') THEN
        RAISE EXCEPTION 'invalid user kind "%"', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_password_verifier IS NULL OR p_password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password must be sent as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
        RAISE EXCEPTION 'a database role named "%" already exists', p_name USING ERRCODE = 'duplicate_object';
    END IF;

    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD %L',
                   p_name, p_password_verifier);
    EXECUTE format('GRANT %I TO %I', 'mhero_' || p_kind, p_name);
    INSERT INTO app_user (role_name, display_name, kind, languages)
    VALUES (p_name, coalesce(nullif(btrim(p_display_name), ''), p_name), p_kind,
            coalesce(nullif(p_languages, '{}'), '{en}'));
END
$function$;

REVOKE ALL ON FUNCTION mhero.create_user(text,text,text,text[],text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.create_user(text,text,text,text[],text) TO mhero_admin;
