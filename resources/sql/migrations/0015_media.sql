-- mHero Console schema, migration 15: media kept by the engine, read by consoles from the database.
--
-- Until now the thread showed an inbound picture by downloading its URL from the console: the
-- console talked to the messaging platform (or its storage), which it must never do, and
-- WhatsApp's links need the engine's token and expire. Now:
--
--   * every attachment of a message is a row of mhero.media (message, position): an inbound one
--     starts "pending" (a trigger adds it as the message is stored), the sync engine fetches it
--     through its channel adapter, keeps the bytes here (bytea, measured against large objects:
--     docs/messaging.md, bench/media_store.cpp) and a JPEG thumbnail made once, and sets it
--     "stored"; larger than the setting media.max_inbound_bytes it is "too_large" (size kept,
--     bytes not); what cannot be fetched is retried with backoff, then "failed" with the reason;
--   * consoles read the list (no bytes) through column grants and the bytes through
--     mhero.media_content(), which serves whoever may read the message;
--   * an agent's reply may carry one attachment (mhero.reply_with_media): its type and size are
--     checked against the conversation's channel kind (mhero.channel_kind, migration 14), and the
--     bytes are written in the same transaction as the message and its outbox row.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

CREATE TABLE mhero.media (
    message_id    bigint NOT NULL REFERENCES mhero.message ON DELETE CASCADE,
    position      smallint NOT NULL CHECK (position BETWEEN 0 AND 49),
    content_type  text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
    file_name     text CHECK (length(file_name) <= 255),
    url           text, -- where the platform keeps it (inbound); never shown to consoles
    size          bigint CHECK (size >= 0), -- bytes, once known
    bytes         bytea,
    thumbnail     bytea, -- JPEG, at most 320×320, for images that could be decoded
    state         text NOT NULL CHECK (state IN ('pending', 'stored', 'failed', 'too_large')),
    error         text,
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    fetched_at    timestamptz,
    PRIMARY KEY (message_id, position),
    CONSTRAINT media_stored_has_bytes CHECK ((state = 'stored') = (bytes IS NOT NULL)),
    CONSTRAINT media_size_matches CHECK (bytes IS NULL OR size = length(bytes))
);
-- Photos and voice notes are already compressed: storing them uncompressed (still out of line,
-- in TOAST) saves PostgreSQL a useless pglz attempt on every write.
ALTER TABLE mhero.media ALTER COLUMN bytes SET STORAGE EXTERNAL, ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
CREATE INDEX media_pending ON mhero.media (next_attempt_at) WHERE state = 'pending';

-- What consoles may read directly: everything but the bytes (and the platform's URL, which may
-- carry a token). The bytes come through media_content().
GRANT SELECT (message_id, position, content_type, file_name, size, state, error, fetched_at)
    ON mhero.media TO mhero_agent, mhero_admin;
GRANT SELECT, UPDATE ON mhero.media TO mhero_service;

INSERT INTO mhero.setting_definition (key, kind, minimum, maximum, choices, description) VALUES
    ('media.max_inbound_bytes', 'integer', 0, 1073741823, NULL,
     'Largest inbound attachment the sync engine keeps, in bytes (larger ones are listed as too large).'),
    ('media.max_attempts', 'integer', 1, 100, NULL,
     'Attempts to fetch an inbound attachment before it is marked failed.')
ON CONFLICT (key) DO NOTHING;
INSERT INTO mhero.setting (key, value) VALUES
    ('media.max_inbound_bytes', to_jsonb(25 * 1024 * 1024)),
    ('media.max_attempts', '8')
ON CONFLICT (key) DO NOTHING;

-- Each attachment of a new inbound message waits for the engine. One statement may store a page
-- of messages: the trigger sees them all at once.
CREATE FUNCTION mhero.media_for_new_messages() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO mhero.media (message_id, position, content_type, url, state)
    SELECT m.id, a.n - 1,
           left(coalesce(nullif(a.e ->> 'content_type', ''), 'application/octet-stream'), 255),
           a.e ->> 'url', 'pending'
      FROM new_messages m
     CROSS JOIN LATERAL jsonb_array_elements(m.attachments) WITH ORDINALITY AS a(e, n)
     WHERE m.direction = 'in' AND a.n <= 50 AND jsonb_typeof(a.e) = 'object'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.media_for_new_messages() FROM PUBLIC;
CREATE TRIGGER media_for_new_messages AFTER INSERT ON mhero.message
    REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION mhero.media_for_new_messages();

-- Attachments received before this migration: fetched like new ones (a link that expired
-- meanwhile ends as "failed" with the platform's answer).
INSERT INTO mhero.media (message_id, position, content_type, url, state)
SELECT m.id, a.n - 1, left(coalesce(nullif(a.e ->> 'content_type', ''), 'application/octet-stream'), 255),
       a.e ->> 'url', 'pending'
  FROM mhero.message m
 CROSS JOIN LATERAL jsonb_array_elements(m.attachments) WITH ORDINALITY AS a(e, n)
 WHERE m.direction = 'in' AND a.n <= 50 AND jsonb_typeof(a.e) = 'object';

-- The engine stored (or gave up on) an attachment: consoles showing the thread redraw it. The
-- payload is the conversation id, as for every other message change (mhero_message).
CREATE FUNCTION mhero.notify_media() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('mhero_media', m.conversation_id::text) FROM mhero.message m WHERE m.id = NEW.message_id;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.notify_media() FROM PUBLIC;
CREATE TRIGGER notify AFTER UPDATE OF state ON mhero.media
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION mhero.notify_media();

-- The bytes of one attachment (or its thumbnail) for whoever may read its message: the roles
-- that read mhero.message (agents, supervisors, administrators), signed in as active users.
-- Empty when the attachment is not stored (or has no thumbnail).
CREATE FUNCTION mhero.media_content(p_message bigint, p_position integer, p_thumbnail boolean DEFAULT false)
RETURNS TABLE (content_type text, file_name text, bytes bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM mhero.require_active_user();
    IF NOT has_table_privilege(session_user, 'mhero.message', 'SELECT') THEN
        RAISE EXCEPTION 'you may not read messages' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT md.content_type, md.file_name, CASE WHEN p_thumbnail THEN md.thumbnail ELSE md.bytes END
          FROM mhero.media md
         WHERE md.message_id = p_message AND md.position = p_position AND md.state = 'stored'
           AND (NOT p_thumbnail OR md.thumbnail IS NOT NULL);
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.media_content(bigint, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.media_content(bigint, integer, boolean) TO mhero_agent, mhero_admin;

-- Whether a channel kind carries a content type: its media_types list holds it, or "type/*".
CREATE FUNCTION mhero.channel_accepts_media(p_kind text, p_content_type text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = mhero, pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT FROM mhero.channel_kind k, unnest(k.media_types) AS t
                    WHERE k.kind = p_kind
                      AND (lower(t) = lower(p_content_type)
                           OR (t LIKE '%/*' AND lower(split_part(p_content_type, '/', 1)) = lower(split_part(t, '/', 1)))))
$$;
REVOKE EXECUTE ON FUNCTION mhero.channel_accepts_media(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.channel_accepts_media(text, text) TO mhero_agent, mhero_admin, mhero_service;

-- A reply, as migration 3's reply(), with attachments (a JSON array of {content_type, file_name})
-- for the message row. Empty text is allowed when there is an attachment. The body is migration
-- 3's (search path fixed); reply() and reply_with_media() both call it.
CREATE FUNCTION mhero.queue_reply(p_conversation bigint, p_text text, p_template_version bigint, p_attachments jsonb)
RETURNS bigint
LANGUAGE plpgsql SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    c mhero.conversation;
    urn_status text;
    contact_status text;
    policy text;
    mid bigint;
    has_media boolean := jsonb_array_length(coalesce(p_attachments, '[]')) > 0;
BEGIN
    PERFORM mhero.require_agent();
    c := mhero.locked_conversation(p_conversation);
    PERFORM mhero.require_handler(c);
    IF c.status = 'resolved' THEN
        RAISE EXCEPTION 'conversation % is resolved; reopen it to reply', p_conversation
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF c.channel_source_id IS NULL THEN
        RAISE EXCEPTION 'this conversation has no channel to reply through' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF NOT has_media AND (p_text IS NULL OR btrim(p_text) = '') THEN
        RAISE EXCEPTION 'the reply is empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(p_text) > 4096 THEN
        RAISE EXCEPTION 'the reply is longer than 4096 characters' USING ERRCODE = 'string_data_right_truncation';
    END IF;

    SELECT u.status, cc.status INTO urn_status, contact_status
      FROM mhero.contact_urn u
      LEFT JOIN mhero.channel_contact cc ON cc.urn_id = u.id AND cc.source_id = c.channel_source_id
     WHERE u.id = c.urn_id;
    IF urn_status IN ('stopped', 'blocked') OR contact_status IN ('stopped', 'blocked') THEN
        RAISE EXCEPTION 'this person has opted out (%); no message can be sent', coalesce(nullif(contact_status, 'active'), urn_status)
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'opted-out';
    END IF;

    -- Under "templates_only" an attachment goes with an approved template's words, never alone.
    SELECT value #>> '{}' INTO policy FROM mhero.setting WHERE key = 'messaging.free_text_policy';
    IF p_template_version IS NOT NULL THEN
        IF NOT EXISTS (SELECT FROM mhero.template_version v JOIN mhero.template t ON t.id = v.template_id
                        WHERE v.id = p_template_version AND v.status = 'approved' AND t.retired_at IS NULL) THEN
            RAISE EXCEPTION 'template version % is not approved for sending', p_template_version
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT FROM mhero.template_body b WHERE b.template_version_id = p_template_version
                                                           AND mhero.text_follows_template(b.body, p_text)) THEN
            RAISE EXCEPTION 'the text does not follow the approved wording of template version %', p_template_version
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF coalesce(policy, 'templates_only') <> 'free_text' THEN
        RAISE EXCEPTION 'this deployment sends approved templates only'
            USING ERRCODE = 'insufficient_privilege', HINT = 'templates-only';
    END IF;

    IF c.assignee IS NULL THEN
        UPDATE mhero.conversation SET assignee = session_user WHERE id = p_conversation;
    END IF;
    INSERT INTO mhero.message (conversation_id, direction, text, attachments, template_version_id, author, source_id,
                               status)
    VALUES (p_conversation, 'out', coalesce(p_text, ''), coalesce(p_attachments, '[]'), p_template_version,
            session_user, c.channel_source_id, 'queued')
    RETURNING id INTO mid;
    INSERT INTO mhero.outbox (message_id, source_id) VALUES (mid, c.channel_source_id);
    UPDATE mhero.conversation SET unread_count = 0 WHERE id = p_conversation AND unread_count > 0;
    RETURN mid;
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.queue_reply(bigint, text, bigint, jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION mhero.reply(p_conversation bigint, p_text text, p_template_version bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    RETURN mhero.queue_reply(p_conversation, p_text, p_template_version, '[]');
END
$$;

-- A reply with one attachment: the type must be one the conversation's channel kind carries, the
-- size within its max_media_bytes, and images and PDFs must start as their type says (an agent's
-- file named .pdf that is something else is refused, not sent). The bytes are stored with the
-- message and its outbox row, in this one transaction; @p_thumbnail is the console's JPEG of an
-- image (optional; checked to be a JPEG of at most 256 KB).
CREATE FUNCTION mhero.reply_with_media(p_conversation bigint, p_text text, p_template_version bigint,
                                       p_content_type text, p_file_name text, p_bytes bytea,
                                       p_thumbnail bytea DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    k mhero.channel_kind;
    content_type text := lower(btrim(coalesce(p_content_type, '')));
    file_name text := nullif(left(btrim(coalesce(p_file_name, '')), 255), '');
    head bytea := substring(p_bytes FROM 1 FOR 8);
    mid bigint;
BEGIN
    PERFORM mhero.require_agent();
    SELECT ck.* INTO k FROM mhero.conversation c JOIN mhero.source s ON s.id = c.channel_source_id
      JOIN mhero.channel_kind ck ON ck.kind = s.kind
     WHERE c.id = p_conversation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this conversation has no channel that carries attachments'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'media-type';
    END IF;
    IF p_bytes IS NULL OR length(p_bytes) = 0 THEN
        RAISE EXCEPTION 'the attachment is empty' USING ERRCODE = 'invalid_parameter_value', HINT = 'media-empty';
    END IF;
    IF content_type !~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$' OR NOT mhero.channel_accepts_media(k.kind, content_type) THEN
        RAISE EXCEPTION '% cannot send % attachments', k.platform, coalesce(nullif(content_type, ''), 'untyped')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'media-type';
    END IF;
    IF length(p_bytes) > k.max_media_bytes THEN
        RAISE EXCEPTION 'the attachment is % bytes; % takes at most %', length(p_bytes), k.platform, k.max_media_bytes
            USING ERRCODE = 'program_limit_exceeded', HINT = 'media-size:' || k.max_media_bytes;
    END IF;
    IF (content_type = 'image/jpeg' AND substring(head FROM 1 FOR 3) <> '\xffd8ff'::bytea)
       OR (content_type = 'image/png' AND head <> '\x89504e470d0a1a0a'::bytea)
       OR (content_type = 'application/pdf' AND substring(head FROM 1 FOR 5) <> '\x255044462d'::bytea) THEN
        RAISE EXCEPTION 'the attachment is not the % it claims to be', content_type
            USING ERRCODE = 'invalid_parameter_value', HINT = 'media-type';
    END IF;
    IF p_thumbnail IS NOT NULL AND (length(p_thumbnail) > 262144
                                    OR substring(p_thumbnail FROM 1 FOR 3) <> '\xffd8ff'::bytea) THEN
        RAISE EXCEPTION 'the thumbnail is not a small JPEG' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    mid := mhero.queue_reply(p_conversation, p_text, p_template_version,
                             jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('content_type', content_type,
                                                                                    'file_name', file_name))));
    INSERT INTO mhero.media (message_id, position, content_type, file_name, size, bytes, thumbnail, state, fetched_at)
    VALUES (mid, 0, content_type, file_name, length(p_bytes), p_bytes, p_thumbnail, 'stored', now());
    RETURN mid;
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.reply_with_media(bigint, text, bigint, text, text, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reply_with_media(bigint, text, bigint, text, text, bytea, bytea) TO mhero_agent;
