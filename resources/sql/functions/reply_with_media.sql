-- mhero.reply_with_media
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").

-- A reply with one attachment: the type must be one the conversation's channel kind carries, the
-- size within its max_media_bytes, and images and PDFs must start as their type says (an agent's
-- file named .pdf that is something else is refused, not sent). The bytes are stored with the
-- message and its outbox row, in this one transaction; @p_thumbnail is the console's JPEG of an
-- image (optional; checked to be a JPEG of at most 256 KB).
CREATE OR REPLACE FUNCTION mhero.reply_with_media(p_conversation bigint, p_text text, p_template_version bigint,
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
REVOKE ALL ON FUNCTION mhero.reply_with_media(bigint, text, bigint, text, text, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reply_with_media(bigint, text, bigint, text, text, bytea, bytea) TO mhero_agent;
