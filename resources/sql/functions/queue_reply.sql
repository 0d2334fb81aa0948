-- mhero.queue_reply
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").

-- A reply, as migration 3's reply(), with attachments (a JSON array of {content_type, file_name})
-- for the message row. Empty text is allowed when there is an attachment. The body is migration
-- 3's (search path fixed); reply() and reply_with_media() both call it.
CREATE OR REPLACE FUNCTION mhero.queue_reply(p_conversation bigint, p_text text, p_template_version bigint, p_attachments jsonb)
RETURNS bigint
LANGUAGE plpgsql SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    c mhero.conversation;
    urn_status text;
    contact_status text;
    policy text;
    mid bigint;
    k mhero.channel_kind;
    reply_window integer;
    template_problem text;
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

    -- The platform's window (migration 17): outside it a reply is refused here, before anything
    -- leaves, unless it is one of the platform's own approved templates (WhatsApp: the version's
    -- WhatsApp template, usable for this number as whatsapp_template_problem() decides — approved,
    -- and its parameters filled from our placeholders — without an attachment).
    SELECT ck.* INTO k FROM mhero.source s JOIN mhero.channel_kind ck ON ck.kind = s.kind
     WHERE s.id = c.channel_source_id;
    reply_window := coalesce(k.agent_window_seconds, k.reply_window_seconds);
    IF reply_window IS NOT NULL
       AND (c.last_inbound_at IS NULL OR c.last_inbound_at < now() - make_interval(secs => reply_window)) THEN
        IF k.templates AND p_template_version IS NOT NULL THEN
            template_problem := mhero.whatsapp_template_problem(p_template_version, c.channel_source_id);
        END IF;
        IF NOT (k.templates AND NOT has_media AND p_template_version IS NOT NULL AND template_problem IS NULL) THEN
            RAISE EXCEPTION '% replies are free only within % hours of the person''s last message; outside it only an approved % template can be sent%',
                k.platform, reply_window / 3600, k.platform,
                CASE WHEN template_problem IS NOT NULL THEN ' (this one: ' || template_problem || ')'
                     WHEN has_media AND p_template_version IS NOT NULL THEN ', without an attachment' ELSE '' END
                USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'window-closed';
        END IF;
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
REVOKE ALL ON FUNCTION mhero.queue_reply(bigint, text, bigint, jsonb) FROM PUBLIC;
