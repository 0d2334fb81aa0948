-- mhero.auto_reply(bigint,bigint,text,real)
--
-- The engine answers an inbound question on its own with an approved template (migration 23),
-- after ranking it with confidence P_CONFIDENCE (0–1). Refused — nothing written — unless the
-- template opted in to automatic replies and the confidence reaches its threshold, the version is
-- the template's approved one, P_TEXT follows one of its bodies word for word (placeholders
-- filled), the person has not opted out on that address or channel, the conversation is open and
-- the platform's reply window is open. Queued as queue_reply() does (message and outbox), marked
-- automatic, and audited (auto_reply, with the confidence and the threshold). Each refusal has
-- its HINT, for the engine's log: auto-reply-off, below-threshold, not-approved, wording,
-- opted-out, resolved, no-channel, window-closed, empty.
CREATE OR REPLACE FUNCTION mhero.auto_reply(p_conversation bigint, p_template_version bigint, p_text text,
                                            p_confidence real)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
    t template;
    urn_status text;
    contact_status text;
    k channel_kind;
    reply_window integer;
    mid bigint;
BEGIN
    PERFORM require_role('mhero_service', 'only the engine sends automatic replies');
    IF p_confidence IS NULL OR p_confidence < 0 OR p_confidence > 1 THEN
        RAISE EXCEPTION 'a confidence is between 0 and 1' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_text IS NULL OR btrim(p_text) = '' OR length(p_text) > 4096 THEN
        RAISE EXCEPTION 'an automatic reply has 1 to 4096 characters'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'empty';
    END IF;
    c := locked_conversation(p_conversation);
    IF c.status = 'resolved' THEN
        RAISE EXCEPTION 'conversation % is resolved', p_conversation
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'resolved';
    END IF;
    IF c.channel_source_id IS NULL THEN
        RAISE EXCEPTION 'this conversation has no channel to reply through'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'no-channel';
    END IF;

    SELECT tp.* INTO t FROM template_version v JOIN template tp ON tp.id = v.template_id
     WHERE v.id = p_template_version AND v.status = 'approved' AND tp.retired_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template version % is not approved for sending', p_template_version
            USING ERRCODE = 'insufficient_privilege', HINT = 'not-approved';
    END IF;
    IF NOT t.auto_reply THEN
        RAISE EXCEPTION 'template "%" does not reply automatically', t.name
            USING ERRCODE = 'insufficient_privilege', HINT = 'auto-reply-off';
    END IF;
    IF p_confidence < t.auto_reply_threshold THEN
        RAISE EXCEPTION 'confidence % is below the % template "%" needs to reply automatically',
            p_confidence, t.auto_reply_threshold, t.name
            USING ERRCODE = 'insufficient_privilege', HINT = 'below-threshold';
    END IF;
    IF NOT EXISTS (SELECT FROM template_body b WHERE b.template_version_id = p_template_version
                                               AND text_follows_template(b.body, p_text)) THEN
        RAISE EXCEPTION 'the text does not follow the approved wording of template version %', p_template_version
            USING ERRCODE = 'insufficient_privilege', HINT = 'wording';
    END IF;

    SELECT u.status, cc.status INTO urn_status, contact_status
      FROM contact_urn u
      LEFT JOIN channel_contact cc ON cc.urn_id = u.id AND cc.source_id = c.channel_source_id
     WHERE u.id = c.urn_id;
    IF urn_status IN ('stopped', 'blocked') OR contact_status IN ('stopped', 'blocked') THEN
        RAISE EXCEPTION 'this person has opted out (%); no message can be sent',
            coalesce(nullif(contact_status, 'active'), urn_status)
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'opted-out';
    END IF;

    -- An automatic reply answers a message just received: it never needs the platform's own
    -- templates that queue_reply() allows outside the window.
    SELECT ck.* INTO k FROM source s JOIN channel_kind ck ON ck.kind = s.kind WHERE s.id = c.channel_source_id;
    reply_window := coalesce(k.agent_window_seconds, k.reply_window_seconds);
    IF reply_window IS NOT NULL
       AND (c.last_inbound_at IS NULL OR c.last_inbound_at < now() - make_interval(secs => reply_window)) THEN
        RAISE EXCEPTION '% replies are free only within % hours of the person''s last message', k.platform,
            reply_window / 3600
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'window-closed';
    END IF;

    INSERT INTO message (conversation_id, direction, text, template_version_id, author, source_id, status, automatic)
    VALUES (p_conversation, 'out', p_text, p_template_version, session_user, c.channel_source_id, 'queued', true)
    RETURNING id INTO mid;
    INSERT INTO outbox (message_id, source_id) VALUES (mid, c.channel_source_id);
    PERFORM log_template('auto_reply', 'message', mid,
                         jsonb_build_object('conversation_id', p_conversation, 'template_id', t.id,
                                            'template_version_id', p_template_version, 'confidence', p_confidence,
                                            'threshold', t.auto_reply_threshold));
    RETURN mid;
END
$function$;

REVOKE ALL ON FUNCTION mhero.auto_reply(bigint,bigint,text,real) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.auto_reply(bigint,bigint,text,real) TO mhero_service;
