-- mhero.start_sms_conversation(bigint)
--
-- Defined with migration 18 (issue 14); it changes in this file only: mhero-admin migrate applies
-- a changed file again (docs/architecture.md, "Migrations").

-- "Write by SMS" from a WhatsApp conversation whose number cannot receive WhatsApp messages
-- (Meta's 131026): the open conversation with the same number's tel: address on the SMS channel
-- (a RapidPro source), or a new one assigned to the caller, as start_conversation() does from
-- the directory. It works for unknown contacts too, which start_conversation() cannot reach:
-- the address is derived from the WhatsApp one ('tel:+' || its digits — WhatsApp ids are E.164
-- without "+"), made when missing and linked to the same health worker. The SMS channel is the
-- enabled RapidPro source with the lowest id; with none enabled, the only one there is (the
-- demo's, switched off: the reply waits in the outbox).
CREATE OR REPLACE FUNCTION mhero.start_sms_conversation(p_conversation bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    c mhero.conversation;
    whatsapp_urn text;
    worker bigint;
    tel text;
    channel integer;
    address bigint;
    address_status text;
    contact_status text;
    existing bigint;
BEGIN
    PERFORM mhero.require_agent();
    SELECT * INTO c FROM mhero.conversation WHERE id = p_conversation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'conversation % does not exist', p_conversation USING ERRCODE = 'no_data_found';
    END IF;
    SELECT u.urn, u.health_worker_id INTO whatsapp_urn, worker FROM mhero.contact_urn u WHERE u.id = c.urn_id;
    IF whatsapp_urn !~ '^whatsapp:[0-9]{6,15}$' THEN
        RAISE EXCEPTION 'this conversation is not with a WhatsApp number' USING ERRCODE = 'invalid_parameter_value',
            HINT = 'not-whatsapp';
    END IF;
    tel := 'tel:+' || substr(whatsapp_urn, 10);

    SELECT min(id) INTO channel FROM mhero.source WHERE kind = 'rapidpro' AND enabled;
    IF channel IS NULL THEN
        SELECT min(id) INTO channel FROM mhero.source WHERE kind = 'rapidpro' HAVING count(*) = 1;
    END IF;
    IF channel IS NULL THEN
        RAISE EXCEPTION 'no SMS channel (RapidPro source) is set up to write through'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'no-sms-channel';
    END IF;

    INSERT INTO mhero.contact_urn (urn, health_worker_id) VALUES (tel, worker) ON CONFLICT (urn) DO NOTHING;
    SELECT id, status INTO address, address_status FROM mhero.contact_urn WHERE urn = tel FOR UPDATE;
    -- The same number is the same person: an address nobody was linked to follows the WhatsApp one.
    UPDATE mhero.contact_urn SET health_worker_id = worker
     WHERE id = address AND health_worker_id IS NULL AND worker IS NOT NULL;
    SELECT cc.status INTO contact_status FROM mhero.channel_contact cc WHERE cc.urn_id = address AND cc.source_id = channel;
    IF address_status IN ('stopped', 'blocked') OR contact_status IN ('stopped', 'blocked') THEN
        RAISE EXCEPTION 'this person has opted out of SMS (%); no message can be sent',
            coalesce(nullif(contact_status, 'active'), address_status)
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'opted-out';
    END IF;

    SELECT id INTO existing FROM mhero.conversation
     WHERE urn_id = address AND channel_source_id = channel AND status <> 'resolved';
    IF existing IS NOT NULL THEN
        RETURN existing;
    END IF;
    INSERT INTO mhero.conversation (urn_id, channel_source_id, assignee, language)
    VALUES (address, channel, session_user, c.language)
    ON CONFLICT (urn_id, coalesce(channel_source_id, 0)) WHERE status <> 'resolved' DO NOTHING
    RETURNING id INTO existing;
    IF existing IS NULL THEN -- opened meanwhile by an inbound message
        SELECT id INTO existing FROM mhero.conversation
         WHERE urn_id = address AND channel_source_id = channel AND status <> 'resolved';
    ELSE
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        VALUES ('start', 'conversation', existing::text,
                jsonb_build_object('health_worker', worker, 'assignee', session_user,
                                   'instead_of', p_conversation, 'reason', 'not-on-whatsapp'));
    END IF;
    RETURN existing;
END
$$;
REVOKE ALL ON FUNCTION mhero.start_sms_conversation(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.start_sms_conversation(bigint) TO mhero_agent;
