-- mhero.reply(bigint,text,bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.reply(p_conversation bigint, p_text text, p_template_version bigint DEFAULT NULL::bigint)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
    urn_status text;
    contact_status text;
    policy text;
    mid bigint;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    PERFORM require_handler(c);
    IF c.status = 'resolved' THEN
        RAISE EXCEPTION 'conversation % is resolved; reopen it to reply', p_conversation
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF c.channel_source_id IS NULL THEN
        RAISE EXCEPTION 'this conversation has no channel to reply through' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF p_text IS NULL OR btrim(p_text) = '' THEN
        RAISE EXCEPTION 'the reply is empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(p_text) > 4096 THEN
        RAISE EXCEPTION 'the reply is longer than 4096 characters' USING ERRCODE = 'string_data_right_truncation';
    END IF;

    SELECT u.status, cc.status INTO urn_status, contact_status
      FROM contact_urn u LEFT JOIN channel_contact cc ON cc.urn_id = u.id AND cc.source_id = c.channel_source_id
     WHERE u.id = c.urn_id;
    IF urn_status IN ('stopped', 'blocked') OR contact_status IN ('stopped', 'blocked') THEN
        RAISE EXCEPTION 'this person has opted out (%); no message can be sent', coalesce(nullif(contact_status, 'active'), urn_status)
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'opted-out';
    END IF;

    SELECT value #>> '{}' INTO policy FROM setting WHERE key = 'messaging.free_text_policy';
    IF p_template_version IS NOT NULL THEN
        IF NOT EXISTS (SELECT FROM template_version v JOIN template t ON t.id = v.template_id
                        WHERE v.id = p_template_version AND v.status = 'approved' AND t.retired_at IS NULL) THEN
            RAISE EXCEPTION 'template version % is not approved for sending', p_template_version
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT FROM template_body b WHERE b.template_version_id = p_template_version
                                                     AND text_follows_template(b.body, p_text)) THEN
            RAISE EXCEPTION 'the text does not follow the approved wording of template version %', p_template_version
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF coalesce(policy, 'templates_only') <> 'free_text' THEN
        RAISE EXCEPTION 'this deployment sends approved templates only'
            USING ERRCODE = 'insufficient_privilege', HINT = 'templates-only';
    END IF;

    IF c.assignee IS NULL THEN
        UPDATE conversation SET assignee = session_user WHERE id = p_conversation;
    END IF;
    INSERT INTO message (conversation_id, direction, text, template_version_id, author, source_id, status)
    VALUES (p_conversation, 'out', p_text, p_template_version, session_user, c.channel_source_id, 'queued')
    RETURNING id INTO mid;
    INSERT INTO outbox (message_id, source_id) VALUES (mid, c.channel_source_id);
    UPDATE conversation SET unread_count = 0 WHERE id = p_conversation AND unread_count > 0;
    RETURN mid;
END
$function$;

REVOKE ALL ON FUNCTION mhero.reply(bigint,text,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reply(bigint,text,bigint) TO mhero_agent;
