-- mhero.publish_engine_key(text,boolean)
--
-- The definition in force (defined in migration 0012; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.publish_engine_key(p_public_key text, p_replace boolean DEFAULT false)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    raw bytea;
    kid text;
    current_id text;
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_service', 'USAGE') THEN
        RAISE EXCEPTION 'only the sync engine''s service account can publish its key'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    BEGIN
        raw := decode(p_public_key, 'base64');
    EXCEPTION WHEN OTHERS THEN
        raw := NULL;
    END;
    IF raw IS NULL OR length(raw) <> 32 THEN
        RAISE EXCEPTION 'not a public key (32 bytes, base64)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    kid := left(encode(sha256(raw), 'hex'), 16);
    SELECT key_id INTO current_id FROM mhero.engine_key FOR UPDATE;
    IF current_id = kid THEN
        RETURN kid;
    END IF;
    -- Replacing a published key is IT's break-glass act, not the engine's: an administrator can
    -- create a service login, and one that could replace the key would have every secret entered
    -- afterwards sealed to a key of its own. Only the database's owner replaces it.
    IF current_id IS NOT NULL AND coalesce(p_replace, false)
       AND NOT EXISTS (SELECT FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database()
                          AND pg_catalog.pg_has_role(session_user, d.datdba, 'USAGE')) THEN
        RAISE EXCEPTION 'only the database owner can replace the sync engine key'
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Run mhero-server --init-key --replace-key with the owner''s connection (--db "… user=<owner>").';
    END IF;
    IF current_id IS NOT NULL AND NOT coalesce(p_replace, false) THEN
        RAISE EXCEPTION 'another sync engine key (%) is published; this engine''s key is %', current_id, kid
            USING ERRCODE = 'duplicate_object',
                  HINT = 'Copy the key file of the engine that published it, or replace the key (every secret must then be entered again).';
    END IF;
    IF current_id IS NULL THEN
        INSERT INTO mhero.engine_key (key_id, public_key) VALUES (kid, encode(raw, 'base64'));
    ELSE
        UPDATE mhero.engine_key SET key_id = kid, public_key = encode(raw, 'base64'), published_at = now(),
                                    published_by = session_user;
        WITH invalidated AS (
            UPDATE mhero.source_secret SET sealed = NULL, key_id = NULL, invalid_reason = 'key_replaced',
                                           updated_at = now(), updated_by = session_user
             WHERE sealed IS NOT NULL
            RETURNING source_id)
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        SELECT 'invalidate_secret', 'source_secret', source_id::text, jsonb_build_object('reason', 'key_replaced')
          FROM invalidated;
    END IF;
    RETURN kid;
END
$function$;

REVOKE ALL ON FUNCTION mhero.publish_engine_key(text,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.publish_engine_key(text,boolean) TO mhero_service;
