-- mhero.start_conversation(bigint,integer)
--
-- The definition in force (defined in migrations 0003, 0005; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.start_conversation(p_health_worker bigint, p_source integer DEFAULT NULL::integer)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    channel integer := p_source;
    address bigint;
    address_status text;
    existing bigint;
BEGIN
    PERFORM require_agent();
    IF NOT EXISTS (SELECT FROM health_worker WHERE id = p_health_worker) THEN
        RAISE EXCEPTION 'health worker % does not exist', p_health_worker USING ERRCODE = 'no_data_found';
    END IF;
    IF channel IS NULL THEN
        -- The one enabled channel; when none is enabled, the only one there is (a channel
        -- switched off for maintenance, or the demo's): the reply waits in the outbox.
        SELECT min(id) INTO channel FROM source WHERE kind IN (SELECT kind FROM channel_kind) AND enabled HAVING count(*) = 1;
        IF channel IS NULL AND NOT EXISTS (SELECT FROM source WHERE kind IN (SELECT kind FROM channel_kind) AND enabled) THEN
            SELECT min(id) INTO channel FROM source WHERE kind IN (SELECT kind FROM channel_kind) HAVING count(*) = 1;
            -- The demo has WhatsApp and Messenger sources too: its SMS one is the phone number's.
            IF channel IS NULL THEN
                SELECT min(id) INTO channel FROM source WHERE kind = 'rapidpro' HAVING count(*) = 1;
            END IF;
        END IF;
        IF channel IS NULL THEN
            RAISE EXCEPTION 'choose the channel to write through (there is not exactly one messaging source)'
                USING ERRCODE = 'invalid_parameter_value', HINT = 'no-channel';
        END IF;
    ELSIF NOT EXISTS (SELECT FROM source WHERE id = channel AND kind IN (SELECT kind FROM channel_kind)) THEN
        RAISE EXCEPTION 'source % is not a messaging channel', channel USING ERRCODE = 'invalid_parameter_value';
    END IF;

    SELECT c.id INTO existing FROM conversation c JOIN contact_urn u ON u.id = c.urn_id
     WHERE u.health_worker_id = p_health_worker AND c.channel_source_id = channel AND c.status <> 'resolved'
     ORDER BY c.last_activity_at DESC LIMIT 1;
    IF existing IS NOT NULL THEN
        RETURN existing;
    END IF;

    SELECT u.id, u.status INTO address, address_status
      FROM contact_urn u
      LEFT JOIN LATERAL (SELECT max(c.last_activity_at) AS last FROM conversation c
                          WHERE c.urn_id = u.id AND c.channel_source_id = channel) l ON true
      LEFT JOIN health_worker_phone p ON p.health_worker_id = u.health_worker_id AND u.urn = 'tel:' || p.e164
     WHERE u.health_worker_id = p_health_worker AND u.scheme IN ('tel', 'whatsapp')
     ORDER BY l.last DESC NULLS LAST, (u.scheme = 'tel') DESC, (p.use = 'mobile') DESC NULLS LAST, u.id
     LIMIT 1;
    IF address IS NULL THEN
        RAISE EXCEPTION 'this person has no valid phone number to write to'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'no-address';
    END IF;
    IF address_status IN ('stopped', 'blocked') THEN
        RAISE EXCEPTION 'this person has opted out (%); no message can be sent', address_status
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'opted-out';
    END IF;
    INSERT INTO conversation (urn_id, channel_source_id, assignee)
    VALUES (address, channel, session_user)
    ON CONFLICT (urn_id, coalesce(channel_source_id, 0)) WHERE status <> 'resolved' DO NOTHING
    RETURNING id INTO existing;
    IF existing IS NULL THEN -- opened meanwhile by an inbound message
        SELECT id INTO existing FROM conversation
         WHERE urn_id = address AND channel_source_id = channel AND status <> 'resolved';
    ELSE
        INSERT INTO audit_log (action, table_name, row_key, after)
        VALUES ('start', 'conversation', existing::text,
                jsonb_build_object('health_worker', p_health_worker, 'assignee', session_user));
    END IF;
    RETURN existing;
END
$function$;

REVOKE ALL ON FUNCTION mhero.start_conversation(bigint,integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.start_conversation(bigint,integer) TO mhero_agent;
