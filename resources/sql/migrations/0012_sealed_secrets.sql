-- mHero Console schema, migration 12: source secrets sealed to the sync engine's key, and bound to
-- the origin they were entered for.
--
-- 1. Sealing. Until now set_source_secret() received the API token in clear. QPSQL inlines bound
--    values into the statement text, so with log_statement = all the token was in the server log,
--    and it sat in clear in every dump and replica. Now the sync engine (mhero-server, or the
--    console's embedded engine on this computer's database) holds a Curve25519 key pair; it
--    publishes the public half in mhero.engine_key, and mhero-admin seals each secret to it on
--    the client (libsodium crypto_box_seal) before it reaches PostgreSQL. The database, its logs,
--    dumps and replicas only ever see ciphertext; only the engine's private key file opens it.
--
-- 2. Origin binding. An administrator who changed a RapidPro source's base_url to a listener of
--    their own made the next sync send "Authorization: Token …" there. A secret is now stored with
--    the origin (scheme://host:port, default port explicit) it was entered for; the origin is also
--    inside the sealed text, where nobody can change it. Any change of base_url, by any path
--    (a direct UPDATE, a function, the owner), invalidates the secret until it is entered again,
--    and the engine refuses to send a secret to any other origin (see docs/security.md).
--
-- Secrets stored before this migration were plain text and cannot be sealed here (SQL holds no
-- key): they are wiped and marked 'upgrade', and each source reports that its secret must be
-- entered again (README, "Upgrading"). The old tokens were in clear in logs and backups: replace
-- them at the provider rather than entering the same ones again.
SET LOCAL search_path = mhero, pg_catalog;

-- ---------------------------------------------------------------------------------------------
-- The sync engine's public key. One per deployment: every mhero-server of a deployment shares the
-- same key file. Written only through publish_engine_key() by the service role; read by those who
-- seal secrets (administrators) and by the engine.
CREATE TABLE engine_key (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    key_id        text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
    public_key    text NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    published_by  name NOT NULL DEFAULT session_user
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON engine_key
    FOR EACH ROW EXECUTE FUNCTION audit_row('key_id');
GRANT SELECT ON engine_key TO mhero_admin, mhero_service;

-- ---------------------------------------------------------------------------------------------
-- The origin of an http(s) URL, as the engine compares them: lower-case scheme and host, the
-- port always written (80, 443 by default). NULL for anything else. The engine computes the
-- same in C++ (secrets::originOf); the two only need to agree for ordinary URLs, because a
-- disagreement refuses (set_source_secret() below), never allows.
CREATE FUNCTION url_origin(p_url text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT SECURITY INVOKER SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    m text[];
    scheme text;
    port integer;
BEGIN
    m := regexp_match(p_url, '^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/?#]*@)?(\[[0-9A-Fa-f:.]+\]|[^:/?#@\[\]]+)(?::([0-9]{0,5}))?(?:[/?#]|$)');
    IF m IS NULL THEN
        RETURN NULL;
    END IF;
    scheme := lower(m[1]);
    IF scheme NOT IN ('http', 'https') THEN
        RETURN NULL;
    END IF;
    port := CASE WHEN coalesce(m[3], '') = '' THEN CASE scheme WHEN 'http' THEN 80 ELSE 443 END
                 ELSE m[3]::integer END;
    IF port < 1 OR port > 65535 THEN
        RETURN NULL;
    END IF;
    RETURN scheme || '://' || lower(m[2]) || ':' || port;
END
$$;
REVOKE EXECUTE ON FUNCTION url_origin(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION url_origin(text) TO mhero_admin, mhero_service;

-- ---------------------------------------------------------------------------------------------
-- Secrets: ciphertext only. The plain-text column goes; its values are overwritten first, so the
-- live rows no longer hold them (dead row versions stay in the data files until VACUUM reuses
-- them: README asks IT to run VACUUM FULL mhero.source_secret after upgrading).
UPDATE source_secret SET secret = '';
ALTER TABLE source_secret
    DROP COLUMN secret,
    ADD COLUMN sealed text,          -- base64 of crypto_box_seal({"v":1,"source":…,"origin":…,"secret":…})
    ADD COLUMN key_id text,          -- engine_key.key_id it is sealed to
    ADD COLUMN origin text,          -- the origin it was entered for (also inside the sealed text)
    ADD COLUMN invalid_reason text;  -- why it must be entered again: 'upgrade', 'url_changed', 'key_replaced'
UPDATE source_secret SET invalid_reason = 'upgrade', updated_at = now();
ALTER TABLE source_secret
    ADD CONSTRAINT sealed_or_invalid CHECK ((sealed IS NULL) = (invalid_reason IS NOT NULL)),
    ADD CONSTRAINT sealed_complete CHECK (sealed IS NULL OR (key_id IS NOT NULL AND origin IS NOT NULL)),
    ADD CONSTRAINT invalid_reason_known CHECK (invalid_reason IN ('upgrade', 'url_changed', 'key_replaced'));
INSERT INTO audit_log (action, table_name, row_key, after)
SELECT 'invalidate_secret', 'source_secret', source_id::text, jsonb_build_object('reason', 'upgrade')
  FROM source_secret;

-- Administrators see whether a secret is set, for which origin, and why it must be entered again;
-- never the ciphertext (the service role reads the whole row, as before).
GRANT SELECT (source_id, key_id, origin, invalid_reason, updated_at, updated_by) ON source_secret TO mhero_admin;

-- ---------------------------------------------------------------------------------------------
-- The engine publishes its public key. The key id is computed here (first 8 bytes of SHA-256 of
-- the key, hex), so it cannot disagree with the key. An engine whose key differs from the
-- published one is refused unless it asks to replace it; replacing invalidates every secret
-- sealed to the old key (they can no longer be opened).
CREATE FUNCTION publish_engine_key(p_public_key text, p_replace boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
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
$$;
REVOKE EXECUTE ON FUNCTION publish_engine_key(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publish_engine_key(text, boolean) TO mhero_service;

-- ---------------------------------------------------------------------------------------------
-- Administrators store a sealed secret (or clear it with NULL). The plain-text form is gone, so
-- no client can put a token in the statement text by mistake. The row of the source is locked
-- and its current origin checked, so a secret sealed for one URL cannot land on a source whose
-- URL another administrator has just changed.
DROP FUNCTION set_source_secret(text, text);
CREATE FUNCTION set_source_secret(p_source text, p_sealed text, p_key_id text, p_origin text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
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
$$;
REVOKE EXECUTE ON FUNCTION set_source_secret(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_source_secret(text, text, text, text) TO mhero_admin;

-- ---------------------------------------------------------------------------------------------
-- A secret follows no URL: whatever changes base_url (an administrator's UPDATE, a function, the
-- owner), the secret is wiped and marked, in the same transaction. SECURITY DEFINER because the
-- one changing the URL may not write source_secret. Trigger functions need no EXECUTE grant.
CREATE FUNCTION source_url_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    UPDATE mhero.source_secret SET sealed = NULL, key_id = NULL, invalid_reason = 'url_changed',
                                   updated_at = now(), updated_by = session_user
     WHERE source_id = NEW.id AND sealed IS NOT NULL;
    IF FOUND THEN
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        VALUES ('invalidate_secret', 'source_secret', NEW.id::text,
                jsonb_build_object('source', NEW.name, 'reason', 'url_changed', 'old_url', OLD.base_url,
                                   'new_url', NEW.base_url));
    END IF;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION source_url_changed() FROM PUBLIC;
CREATE TRIGGER secret_follows_no_url AFTER UPDATE ON source
    FOR EACH ROW WHEN (OLD.base_url IS DISTINCT FROM NEW.base_url) EXECUTE FUNCTION source_url_changed();
