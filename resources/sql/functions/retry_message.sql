-- mhero.retry_message(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.retry_message(p_message bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    m message;
    c conversation;
BEGIN
    PERFORM require_agent();
    SELECT * INTO m FROM message WHERE id = p_message FOR UPDATE;
    IF NOT FOUND OR m.direction <> 'out' THEN
        RAISE EXCEPTION 'message % is not an outgoing message', p_message USING ERRCODE = 'no_data_found';
    END IF;
    c := locked_conversation(m.conversation_id);
    PERFORM require_handler(c);
    IF m.status <> 'failed' THEN
        RAISE EXCEPTION 'only failed messages can be sent again' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF m.external_id IS NOT NULL THEN
        RAISE EXCEPTION 'the platform accepted this message and then failed it; write a new reply'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE message SET status = 'queued', error = NULL, error_code = NULL, failed_at = NULL, status_changed_at = now() WHERE id = p_message;
    INSERT INTO outbox (message_id, source_id) VALUES (p_message, m.source_id)
    ON CONFLICT (message_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), last_error = NULL,
                                           claimed_by = NULL, claimed_at = NULL;
    INSERT INTO audit_log (action, table_name, row_key, after)
    VALUES ('retry', 'message', p_message::text, jsonb_build_object('conversation', m.conversation_id));
END
$function$;

REVOKE ALL ON FUNCTION mhero.retry_message(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.retry_message(bigint) TO mhero_agent;
