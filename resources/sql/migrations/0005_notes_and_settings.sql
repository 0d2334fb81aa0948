-- mHero Console schema, migration 5: deployment settings with known keys and checked values, and
-- agents' notes that colleagues see as they are written; the directory's "Message" may write
-- through a messaging channel that is switched off (the reply waits in the outbox).
--
-- Settings were free key/value pairs: a typo ("messaging.free_text_polcy") or a wrong value
-- ("yes") was stored and silently ignored, and the database then applied its default. Every
-- key is now declared in setting_definition (kind, bounds or choices, what it does), and a
-- trigger refuses unknown keys and bad values with a sentence an administrator can act on.
-- `mhero-admin setting list|get|set` reads and writes them; the audit log keeps each change.
SET LOCAL search_path = mhero, pg_catalog;

CREATE TABLE setting_definition (
    key           text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,62}$'),
    kind          text NOT NULL CHECK (kind IN ('integer', 'choice', 'region')),
    minimum       integer,
    maximum       integer,
    choices       text[],
    description   text NOT NULL,
    CONSTRAINT setting_definition_bounds CHECK (kind <> 'integer' OR (minimum IS NOT NULL AND maximum >= minimum)),
    CONSTRAINT setting_definition_choices CHECK (kind <> 'choice' OR cardinality(choices) >= 1)
);
GRANT SELECT ON setting_definition TO mhero_agent, mhero_admin, mhero_service;

INSERT INTO setting_definition (key, kind, minimum, maximum, choices, description) VALUES
    ('phone.default_region', 'region', NULL, NULL, NULL,
     'Country whose local phone numbers (0770 123 456) are read when a source gives none (ISO 3166 code, e.g. LR).'),
    ('messaging.free_text_policy', 'choice', NULL, NULL, '{templates_only,free_text}',
     'templates_only: agents send approved templates only; free_text: agents may also type their own replies.'),
    ('messaging.max_attempts', 'integer', 1, 100, NULL,
     'Attempts to hand a message to its channel before it is marked failed.'),
    ('messaging.retry_first_seconds', 'integer', 0, 3600, NULL,
     'Wait before the second attempt; it doubles after each failure.'),
    ('messaging.uncertain_retry_seconds', 'integer', 0, 3600, NULL,
     'Wait before looking up a message whose hand-over had no answer (was it received?).'),
    ('messaging.claim_lease_seconds', 'integer', 1, 86400, NULL,
     'How long a sender holds a message it took from the outbox before another may take it over.'),
    ('messaging.retry_max_seconds', 'integer', 1, 86400, NULL,
     'Longest wait between two attempts.'),
    ('directory.sync_interval_minutes', 'integer', 1, 10080, NULL,
     'How often the sync engine reads each directory source.'),
    ('templates.max_body_chars', 'integer', 20, 4096, NULL,
     'Longest template body, in characters, in any language.');

CREATE FUNCTION setting_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    d setting_definition;
    known text;
BEGIN
    SELECT * INTO d FROM setting_definition WHERE key = NEW.key;
    IF NOT FOUND THEN
        SELECT string_agg(key, ', ' ORDER BY key) INTO known FROM setting_definition;
        RAISE EXCEPTION 'unknown setting "%"', NEW.key USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Known settings: ' || coalesce(known, 'none') || '.';
    END IF;
    IF d.kind = 'integer' THEN
        IF jsonb_typeof(NEW.value) <> 'number' OR (NEW.value #>> '{}') !~ '^-?[0-9]+$'
           OR (NEW.value #>> '{}')::numeric NOT BETWEEN d.minimum AND d.maximum THEN
            RAISE EXCEPTION 'setting "%" takes a whole number from % to %; % is not one', NEW.key, d.minimum,
                d.maximum, NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSIF d.kind = 'choice' THEN
        IF jsonb_typeof(NEW.value) <> 'string' OR NOT (NEW.value #>> '{}') = ANY (d.choices) THEN
            RAISE EXCEPTION 'setting "%" takes one of: %; % is not one', NEW.key, array_to_string(d.choices, ', '),
                NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSIF d.kind = 'region' THEN
        IF jsonb_typeof(NEW.value) <> 'string' OR (NEW.value #>> '{}') !~ '^[A-Z]{2}$' THEN
            RAISE EXCEPTION 'setting "%" takes a two-letter country code such as LR or SL; % is not one', NEW.key,
                NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER setting_guard BEFORE INSERT OR UPDATE ON setting FOR EACH ROW EXECUTE FUNCTION setting_guard();

-- ---------------------------------------------------------------------------------------------
-- Notes: a colleague's console redraws the notes beside an open conversation when one is added,
-- edited or deleted (payload: the conversation id). Edits and deletions are audited; a new note
-- is its own record (author and time are columns).
CREATE FUNCTION notify_note() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    n note := coalesce(NEW, OLD);
BEGIN
    IF n.conversation_id IS NOT NULL THEN
        PERFORM pg_notify('mhero_note', n.conversation_id::text);
    END IF;
    -- Notes on the person show beside each of their conversations.
    PERFORM pg_notify('mhero_note', c.id::text)
       FROM conversation c JOIN contact_urn u ON u.id = c.urn_id
      WHERE n.health_worker_id IS NOT NULL AND u.health_worker_id = n.health_worker_id
        AND c.id IS DISTINCT FROM n.conversation_id AND c.status <> 'resolved';
    RETURN NULL;
END
$$;
CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON note FOR EACH ROW EXECUTE FUNCTION notify_note();
CREATE TRIGGER audit AFTER UPDATE OR DELETE ON note FOR EACH ROW EXECUTE FUNCTION audit_row('id');

-- ---------------------------------------------------------------------------------------------
-- The directory's "Message" (migration 3's start_conversation) refused to write when the only
-- messaging channel was switched off; it now writes through it and the reply waits in the
-- outbox until the channel is on again. A refusal for want of a channel carries HINT 'no-channel'
-- so the console can say what to do. Privileges are kept by CREATE OR REPLACE.
CREATE OR REPLACE FUNCTION start_conversation(p_health_worker bigint, p_source integer DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
        SELECT min(id) INTO channel FROM source WHERE kind = 'rapidpro' AND enabled HAVING count(*) = 1;
        IF channel IS NULL AND NOT EXISTS (SELECT FROM source WHERE kind = 'rapidpro' AND enabled) THEN
            SELECT min(id) INTO channel FROM source WHERE kind = 'rapidpro' HAVING count(*) = 1;
        END IF;
        IF channel IS NULL THEN
            RAISE EXCEPTION 'choose the channel to write through (there is not exactly one messaging source)'
                USING ERRCODE = 'invalid_parameter_value', HINT = 'no-channel';
        END IF;
    ELSIF NOT EXISTS (SELECT FROM source WHERE id = channel AND kind = 'rapidpro') THEN
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
$$;
