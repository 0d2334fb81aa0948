-- mhero.set_source_secret(text,text,text,text)
--
-- The definition in force (defined in migrations 0001, 0012; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.set_source_secret(p_source text, p_sealed text, p_key_id text, p_origin text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    sid integer;
    url text;
    expected text;
    current_id text;
    raw bytea;
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can set source credentials' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id, base_url INTO sid, url FROM mhero.source WHERE name = p_source FOR UPDATE;
    IF sid IS NULL THEN
        RAISE EXCEPTION 'no source named "%"', p_source USING ERRCODE = 'no_data_found';
    END IF;
    IF p_sealed IS NULL OR p_sealed = '' THEN
        DELETE FROM mhero.source_secret WHERE source_id = sid;
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        VALUES ('set_secret', 'source_secret', sid::text, jsonb_build_object('source', p_source, 'cleared', true));
        RETURN;
    END IF;
    SELECT key_id INTO current_id FROM mhero.engine_key;
    IF current_id IS NULL THEN
        RAISE EXCEPTION 'no sync engine key is published yet: start mhero-server once (or run mhero-server --init-key)'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF p_key_id IS DISTINCT FROM current_id THEN
        RAISE EXCEPTION 'the secret is sealed to key %, but the sync engine''s key is %', p_key_id, current_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        raw := decode(p_sealed, 'base64');
    EXCEPTION WHEN OTHERS THEN
        raw := NULL;
    END;
    -- crypto_box_seal adds 48 bytes (an ephemeral public key and a MAC) to the sealed text.
    IF raw IS NULL OR length(raw) <= 48 OR length(raw) > 65536 THEN
        RAISE EXCEPTION 'this is not a sealed secret' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    expected := mhero.url_origin(url);
    IF expected IS NULL OR p_origin IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'the secret was sealed for %, but source "%" points to %', p_origin, p_source, coalesce(expected, url)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO mhero.source_secret AS k (source_id, sealed, key_id, origin)
    VALUES (sid, replace(encode(raw, 'base64'), E'\n', ''), p_key_id, p_origin)
    ON CONFLICT (source_id) DO UPDATE
        SET sealed = EXCLUDED.sealed, key_id = EXCLUDED.key_id, origin = EXCLUDED.origin, invalid_reason = NULL,
            updated_at = now(), updated_by = session_user;
    INSERT INTO mhero.audit_log (action, table_name, row_key, after)
    VALUES ('set_secret', 'source_secret', sid::text,
            jsonb_build_object('source', p_source, 'cleared', false, 'origin', p_origin, 'key_id', p_key_id));
END
$function$;

REVOKE ALL ON FUNCTION mhero.set_source_secret(text,text,text,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.set_source_secret(text,text,text,text) TO mhero_admin;
