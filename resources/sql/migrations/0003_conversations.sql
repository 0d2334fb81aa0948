-- mHero Console schema, migration 3: conversations over messaging platforms (RapidPro first).
--
-- What this adds to the tables of migration 1:
--   * channel_contact: the platform's contact behind a URN (RapidPro contact UUID, opt-out status),
--     so replies can be addressed and opted-out people are never messaged;
--   * message: the platform's numeric id (old RapidPro servers have no UUID), a preview on the
--     conversation kept by a statement trigger, and the outbox's "attempt in flight" marker;
--   * definer functions for everything an agent does to a conversation: reply (message + outbox
--     row in one transaction), claim, assign, release, resolve, reopen, mark read, retry, link an
--     unknown contact — each checks who calls, so a client that skips the UI is refused the same;
--   * NOTIFY on every change (channels mhero_conversation and mhero_message, payload = the
--     conversation id; mhero_outbox, payload = the source id, wakes the sender).
SET LOCAL search_path = mhero, pg_catalog;

-- ---------------------------------------------------------------------------------------------
-- A platform's contact per URN. One RapidPro contact may own several URNs (tel and whatsapp), so
-- the key is the URN; contact_uuid addresses replies (POST /api/v2/messages.json wants it).
CREATE TABLE channel_contact (
    source_id     integer NOT NULL REFERENCES source ON DELETE CASCADE,
    urn_id        bigint NOT NULL REFERENCES contact_urn ON DELETE CASCADE,
    contact_uuid  text NOT NULL CHECK (contact_uuid ~ '^[0-9A-Za-z-]{1,64}$'),
    name          text,
    language      text,
    -- RapidPro: active, blocked (by the workspace), stopped (the person opted out), archived.
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'stopped', 'archived')),
    modified_on   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, urn_id)
);
CREATE INDEX channel_contact_uuid ON channel_contact (source_id, contact_uuid);

-- ---------------------------------------------------------------------------------------------
-- Messages: the platform's numeric id next to its UUID. Old RapidPro servers send only "id";
-- newer ones both. external_id holds the UUID when there is one, else the id in decimal, and an
-- upgraded server's UUID replaces the decimal id in place (matched by external_num).
ALTER TABLE message ADD COLUMN external_num bigint;
ALTER TABLE message ADD CONSTRAINT message_external_num_unique UNIQUE (source_id, external_num);
ALTER TABLE message ADD COLUMN channel_status text; -- the platform's own word (wired, errored…)
ALTER TABLE message ADD COLUMN status_changed_at timestamptz;
ALTER TABLE message ADD CONSTRAINT message_text_length CHECK (length(text) <= 4096);
CREATE INDEX message_unsettled ON message (source_id, created_at)
    WHERE direction = 'out' AND status IN ('queued', 'sent') AND external_id IS NOT NULL;

-- A conversation row carries what its queue line shows, kept by the message trigger below.
ALTER TABLE conversation ADD COLUMN last_message_text text;
ALTER TABLE conversation ADD COLUMN last_message_direction text CHECK (last_message_direction IN ('in', 'out'));
ALTER TABLE conversation ADD COLUMN message_count integer NOT NULL DEFAULT 0;
CREATE INDEX conversation_open_activity ON conversation (last_activity_at DESC, id DESC) WHERE status <> 'resolved';
CREATE INDEX conversation_resolved_activity ON conversation (last_activity_at DESC, id DESC) WHERE status = 'resolved';
CREATE INDEX conversation_assignee ON conversation (assignee, last_activity_at DESC, id DESC) WHERE status <> 'resolved';
CREATE INDEX conversation_urn ON conversation (urn_id);

-- Outbox: attempt_started_at is set, and committed, right before a sender hands the message to
-- the platform, and cleared when the outcome is recorded. A row claimed again while it is still
-- set had an attempt whose outcome nobody knows (the process died, or the answer was lost): the
-- sender first looks the message up on the platform, and sends again only if it is not there.
ALTER TABLE outbox ADD COLUMN attempt_started_at timestamptz;
ALTER TABLE outbox ADD COLUMN source_id integer REFERENCES source;
CREATE INDEX outbox_source_due ON outbox (source_id, next_attempt_at);

-- ---------------------------------------------------------------------------------------------
-- The queue line of a conversation follows its newest message. One statement may insert many
-- messages (a polled page): the trigger sees them all at once.
CREATE FUNCTION message_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    UPDATE conversation c
       SET last_activity_at = greatest(c.last_activity_at, n.newest_at),
           -- ties go to what is already there: pages arrive newest first
           last_message_text = CASE WHEN n.newest_at > c.last_activity_at OR c.last_message_text IS NULL
                                    THEN n.newest_text ELSE c.last_message_text END,
           last_message_direction = CASE WHEN n.newest_at > c.last_activity_at OR c.last_message_direction IS NULL
                                         THEN n.newest_direction ELSE c.last_message_direction END,
           last_inbound_at = CASE WHEN n.newest_in_at IS NULL THEN c.last_inbound_at
                                  ELSE greatest(c.last_inbound_at, n.newest_in_at) END,
           window_ends_at = CASE WHEN n.newest_in_at IS NULL THEN c.window_ends_at
                                 ELSE greatest(c.window_ends_at, n.newest_in_at + interval '24 hours') END,
           unread_count = c.unread_count + n.inbound,
           message_count = c.message_count + n.total,
           -- a person writing again puts a pending conversation back in front of the agents
           status = CASE WHEN n.inbound > 0 AND c.status = 'pending' THEN 'open' ELSE c.status END
      FROM (SELECT m.conversation_id,
                   max(m.created_at) AS newest_at,
                   max(m.created_at) FILTER (WHERE m.direction = 'in') AS newest_in_at,
                   (array_agg(CASE WHEN m.text <> '' THEN left(m.text, 200)
                                   ELSE '📎 ' || coalesce(m.attachments -> 0 ->> 'content_type', 'attachment') END
                              ORDER BY m.created_at DESC, m.external_num DESC NULLS LAST, m.id DESC))[1] AS newest_text,
                   (array_agg(m.direction ORDER BY m.created_at DESC, m.external_num DESC NULLS LAST, m.id DESC))[1]
                       AS newest_direction,
                   count(*) FILTER (WHERE m.direction = 'in') AS inbound,
                   count(*) AS total
              FROM new_messages m GROUP BY m.conversation_id) n
     WHERE c.id = n.conversation_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER message_inserted AFTER INSERT ON message
    REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION message_inserted();

-- Live updates. Payloads are conversation ids; PostgreSQL folds identical notifications of one
-- transaction into one, so a page of 250 messages in one conversation wakes consoles once.
CREATE FUNCTION notify_conversation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mhero_conversation', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER notify AFTER INSERT OR UPDATE ON conversation
    FOR EACH ROW EXECUTE FUNCTION notify_conversation();

CREATE FUNCTION notify_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mhero_message', NEW.conversation_id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER notify AFTER INSERT OR UPDATE ON message
    FOR EACH ROW EXECUTE FUNCTION notify_message();

-- An address that opts out, or is linked to a health worker, changes how its conversations show
-- (the composer is blocked, the card names the person): every console redraws them.
CREATE FUNCTION notify_urn_conversations() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
BEGIN
    PERFORM pg_notify('mhero_conversation', c.id::text) FROM conversation c WHERE c.urn_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER notify AFTER UPDATE OF status, health_worker_id ON contact_urn
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.health_worker_id IS DISTINCT FROM NEW.health_worker_id)
    EXECUTE FUNCTION notify_urn_conversations();

CREATE FUNCTION notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mhero_outbox', coalesce(NEW.source_id, 0)::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER notify AFTER INSERT ON outbox
    FOR EACH ROW EXECUTE FUNCTION notify_outbox();

-- ---------------------------------------------------------------------------------------------
-- Who may call the functions below (and those of later migrations). They check session_user:
-- inside a definer function current_user is the owner.
CREATE FUNCTION require_role(p_role name, p_refusal text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF NOT pg_has_role(session_user, p_role, 'USAGE') THEN
        RAISE EXCEPTION '%', p_refusal USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

CREATE FUNCTION require_active_user() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM app_user WHERE role_name = session_user AND active) THEN
        RAISE EXCEPTION 'you are not an active mHero user' USING ERRCODE = 'insufficient_privilege',
            HINT = 'Sign in with your own mHero account, not the database owner.';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Inbound messages from a platform, a page at a time (the sync engine calls this once per page).
-- p_messages is a JSON array of
--   {"external_id": "uuid or decimal id", "external_num": 123 | null, "urn": "tel:+231…",
--    "contact_uuid": "…", "contact_name": "…", "text": "…", "attachments": [{content_type,url}],
--    "created_at": "ISO 8601"}
-- with URNs already normalised by the caller (libphonenumber). A message already stored (same
-- source and external id, or same numeric id) is left alone, so polling twice adds nothing;
-- only new messages open conversations. Returns how many messages were new.
CREATE FUNCTION ingest_inbound(p_source integer, p_messages jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    added integer;
BEGIN
    PERFORM require_role('mhero_service', 'only the sync engine stores inbound messages');
    IF jsonb_typeof(p_messages) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'ingest_inbound expects a JSON array' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    CREATE TEMP TABLE IF NOT EXISTS pg_temp.inbound_page (
        external_id text, external_num bigint, urn text, contact_uuid text, contact_name text,
        text text, attachments jsonb, created_at timestamptz, urn_id bigint, conversation_id bigint
    ) ON COMMIT DROP;
    TRUNCATE pg_temp.inbound_page;

    INSERT INTO pg_temp.inbound_page (external_id, external_num, urn, contact_uuid, contact_name, text,
                                      attachments, created_at)
    SELECT DISTINCT ON (e->>'external_id')
           e->>'external_id', (e->>'external_num')::bigint, e->>'urn', e->>'contact_uuid',
           left(nullif(btrim(e->>'contact_name'), ''), 200), left(coalesce(e->>'text', ''), 4096),
           coalesce(e->'attachments', '[]'), (e->>'created_at')::timestamptz
      FROM jsonb_array_elements(p_messages) e
     ORDER BY e->>'external_id';
    -- Without statistics the planner guesses a thousand rows and scans message and conversation.
    ANALYZE pg_temp.inbound_page;

    -- An upgraded server: the UUID replaces the decimal id stored before.
    UPDATE message m SET external_id = p.external_id
      FROM pg_temp.inbound_page p
     WHERE m.source_id = p_source AND p.external_num IS NOT NULL AND m.external_num = p.external_num
       AND m.external_id IS DISTINCT FROM p.external_id;

    -- Only what is new goes on.
    DELETE FROM pg_temp.inbound_page p
     WHERE EXISTS (SELECT FROM message m WHERE m.source_id = p_source AND m.external_id = p.external_id)
        OR (p.external_num IS NOT NULL
            AND EXISTS (SELECT FROM message m WHERE m.source_id = p_source AND m.external_num = p.external_num));

    -- Addresses: known ones lead to their health worker (the directory wrote them); new ones are
    -- "unknown contacts" until an agent links them.
    INSERT INTO contact_urn (urn, display)
    SELECT DISTINCT ON (urn) urn, contact_name FROM pg_temp.inbound_page ORDER BY urn, created_at DESC
    ON CONFLICT (urn) DO NOTHING;
    UPDATE pg_temp.inbound_page p SET urn_id = u.id FROM contact_urn u WHERE u.urn = p.urn;

    INSERT INTO channel_contact AS cc (source_id, urn_id, contact_uuid, name)
    SELECT DISTINCT ON (urn_id) p_source, urn_id, contact_uuid, contact_name
      FROM pg_temp.inbound_page WHERE contact_uuid IS NOT NULL ORDER BY urn_id, created_at DESC
    ON CONFLICT (source_id, urn_id) DO UPDATE
       SET contact_uuid = EXCLUDED.contact_uuid, name = coalesce(EXCLUDED.name, cc.name), updated_at = now()
     WHERE (cc.contact_uuid, cc.name) IS DISTINCT FROM (EXCLUDED.contact_uuid, coalesce(EXCLUDED.name, cc.name));

    -- Each address has at most one open conversation per channel: join it, or open one.
    INSERT INTO conversation (urn_id, channel_source_id, opened_at, last_activity_at)
    SELECT urn_id, p_source, min(created_at), min(created_at) FROM pg_temp.inbound_page GROUP BY urn_id
    ON CONFLICT (urn_id, coalesce(channel_source_id, 0)) WHERE status <> 'resolved' DO NOTHING;
    UPDATE pg_temp.inbound_page p SET conversation_id = c.id
      FROM conversation c
     WHERE c.urn_id = p.urn_id AND c.channel_source_id = p_source AND c.status <> 'resolved';

    INSERT INTO message (conversation_id, direction, text, attachments, source_id, external_id, external_num,
                         status, created_at)
    SELECT conversation_id, 'in', text, attachments, p_source, external_id, external_num, 'received', created_at
      FROM pg_temp.inbound_page
     ORDER BY created_at, external_num NULLS LAST, external_id
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END
$$;

-- Contacts polled from the platform: names, languages and, above all, opt-outs.
-- p_contacts: [{"contact_uuid": "…", "name": "…", "language": "fra", "status": "stopped",
--               "urns": ["tel:+231…", "whatsapp:231…"], "modified_on": "…"}]
CREATE FUNCTION ingest_contacts(p_source integer, p_contacts jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    changed integer;
BEGIN
    PERFORM require_role('mhero_service', 'only the sync engine stores contacts');
    CREATE TEMP TABLE IF NOT EXISTS pg_temp.contact_page (
        contact_uuid text, name text, language text, status text, urn text, modified_on timestamptz
    ) ON COMMIT DROP;
    TRUNCATE pg_temp.contact_page;
    INSERT INTO pg_temp.contact_page
    SELECT e->>'contact_uuid', left(nullif(btrim(e->>'name'), ''), 200), nullif(e->>'language', ''),
           CASE WHEN e->>'status' IN ('active', 'blocked', 'stopped', 'archived') THEN e->>'status' ELSE 'active' END,
           u.urn, (e->>'modified_on')::timestamptz
      FROM jsonb_array_elements(p_contacts) e
      CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(e->'urns', '[]')) AS u(urn)
     WHERE u.urn ~ '^(tel|whatsapp|facebook|telegram|viber|line|ext|mailto):[^[:space:]]+$';
    ANALYZE pg_temp.contact_page;

    INSERT INTO contact_urn (urn, display)
    SELECT DISTINCT ON (urn) urn, name FROM pg_temp.contact_page ORDER BY urn, modified_on DESC
    ON CONFLICT (urn) DO NOTHING;

    INSERT INTO channel_contact AS cc (source_id, urn_id, contact_uuid, name, language, status, modified_on)
    SELECT DISTINCT ON (u.id) p_source, u.id, p.contact_uuid, p.name, p.language, p.status, p.modified_on
      FROM pg_temp.contact_page p JOIN contact_urn u ON u.urn = p.urn
     ORDER BY u.id, p.modified_on DESC
    ON CONFLICT (source_id, urn_id) DO UPDATE
       SET contact_uuid = EXCLUDED.contact_uuid, name = EXCLUDED.name, language = EXCLUDED.language,
           status = EXCLUDED.status, modified_on = EXCLUDED.modified_on, updated_at = now()
     WHERE cc.modified_on IS NULL OR EXCLUDED.modified_on IS NULL OR cc.modified_on <= EXCLUDED.modified_on;
    GET DIAGNOSTICS changed = ROW_COUNT;

    -- The address itself carries the opt-out, so every channel and the directory see it.
    UPDATE contact_urn u SET status = CASE cc.status WHEN 'stopped' THEN 'stopped'
                                                     WHEN 'blocked' THEN 'blocked' ELSE 'active' END
      FROM channel_contact cc
     WHERE cc.source_id = p_source AND cc.urn_id = u.id
       AND u.id IN (SELECT cu.id FROM contact_urn cu JOIN pg_temp.contact_page p ON p.urn = cu.urn)
       AND u.status IS DISTINCT FROM CASE cc.status WHEN 'stopped' THEN 'stopped'
                                                    WHEN 'blocked' THEN 'blocked' ELSE 'active' END;
    RETURN changed;
END
$$;

-- Status changes of outgoing messages, as the platform reports them.
-- p_statuses: [{"external_id": "…", "external_num": 123, "status": "delivered",
--               "channel_status": "delivered", "at": "…", "error": "…"}]
-- Statuses only move forward (queued → sent → delivered → read); failed is final unless retried.
CREATE FUNCTION apply_statuses(p_source integer, p_statuses jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    changed integer;
BEGIN
    PERFORM require_role('mhero_service', 'only the sync engine records delivery statuses');
    WITH s AS (
        SELECT e->>'external_id' AS external_id, (e->>'external_num')::bigint AS external_num,
               e->>'status' AS status, e->>'channel_status' AS channel_status,
               coalesce((e->>'at')::timestamptz, now()) AS at, nullif(e->>'error', '') AS error
          FROM jsonb_array_elements(p_statuses) e
         WHERE e->>'status' IN ('queued', 'sent', 'delivered', 'read', 'failed')),
    rank(status, r) AS (VALUES ('queued', 1), ('sent', 2), ('delivered', 3), ('read', 4), ('failed', 5))
    UPDATE message m
       SET status = s.status,
           channel_status = s.channel_status,
           status_changed_at = s.at,
           sent_at = CASE WHEN s.status IN ('sent', 'delivered', 'read') THEN coalesce(m.sent_at, s.at) ELSE m.sent_at END,
           delivered_at = CASE WHEN s.status IN ('delivered', 'read') THEN coalesce(m.delivered_at, s.at) ELSE m.delivered_at END,
           read_at = CASE WHEN s.status = 'read' THEN coalesce(m.read_at, s.at) ELSE m.read_at END,
           failed_at = CASE WHEN s.status = 'failed' THEN s.at ELSE m.failed_at END,
           error = CASE WHEN s.status = 'failed' THEN coalesce(s.error, m.error) ELSE m.error END
      FROM s, rank old_rank, rank new_rank
     WHERE m.source_id = p_source AND m.direction = 'out'
       AND (m.external_id = s.external_id OR (s.external_num IS NOT NULL AND m.external_num = s.external_num))
       AND old_rank.status = m.status AND new_rank.status = s.status
       AND (new_rank.r > old_rank.r OR (new_rank.r = old_rank.r AND m.channel_status IS DISTINCT FROM s.channel_status));
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- What agents do to conversations. Helpers first.
CREATE FUNCTION is_supervisor() RETURNS boolean
LANGUAGE sql STABLE SET search_path = mhero, pg_catalog AS $$
    SELECT pg_has_role(session_user, 'mhero_supervisor', 'USAGE')
$$;

CREATE FUNCTION require_agent() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    PERFORM require_role('mhero_agent', 'only call-center agents and supervisors work on conversations');
    PERFORM require_active_user();
END
$$;

CREATE FUNCTION locked_conversation(p_conversation bigint) RETURNS conversation
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    c conversation;
BEGIN
    SELECT * INTO c FROM conversation WHERE id = p_conversation FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'conversation % does not exist', p_conversation USING ERRCODE = 'no_data_found';
    END IF;
    RETURN c;
END
$$;

-- Assignment and status changes are audited by a trigger, whoever makes them (the functions
-- below, the sync engine, an administrator at the psql prompt), under a name that says what
-- happened; migration 1's generic row trigger logged them as whole rows under "update".
DROP TRIGGER audit ON conversation;
CREATE FUNCTION audit_conversation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    action text;
BEGIN
    action := CASE
        WHEN OLD.status IS DISTINCT FROM NEW.status AND NEW.status = 'resolved' THEN 'resolve'
        WHEN OLD.status = 'resolved' AND NEW.status <> 'resolved' THEN 'reopen'
        WHEN OLD.status IS DISTINCT FROM NEW.status THEN 'status'
        WHEN OLD.assignee IS NULL AND NEW.assignee = session_user THEN 'claim'
        WHEN NEW.assignee IS NULL THEN 'release'
        ELSE 'assign' END;
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES (action, 'conversation', NEW.id::text,
            jsonb_build_object('status', OLD.status, 'assignee', OLD.assignee),
            jsonb_build_object('status', NEW.status, 'assignee', NEW.assignee));
    RETURN NULL;
END
$$;
CREATE TRIGGER audit AFTER UPDATE OF assignee, status ON conversation
    FOR EACH ROW WHEN (OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION audit_conversation();

-- Claim: take an unassigned conversation. Returns who has it afterwards: the caller when the
-- claim succeeded, or the agent who was faster (the console tells the user who).
CREATE FUNCTION claim_conversation(p_conversation bigint) RETURNS name
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    c conversation;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    IF c.assignee IS NOT NULL THEN
        RETURN c.assignee;
    END IF;
    IF c.status = 'resolved' THEN
        RAISE EXCEPTION 'conversation % is resolved; reopen it first', p_conversation
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE conversation SET assignee = session_user WHERE id = p_conversation;
    RETURN session_user;
END
$$;

-- Assign to someone (supervisors), or hand back to the queue (p_assignee NULL: the assignee or a
-- supervisor).
CREATE FUNCTION assign_conversation(p_conversation bigint, p_assignee name) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    c conversation;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    IF p_assignee IS NULL THEN
        IF c.assignee IS DISTINCT FROM session_user AND NOT is_supervisor() THEN
            RAISE EXCEPTION 'only % or a supervisor can release this conversation', coalesce(c.assignee, 'nobody')
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        IF NOT is_supervisor() THEN
            RAISE EXCEPTION 'only supervisors assign conversations to others' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT FROM app_user WHERE role_name = p_assignee AND active AND kind IN ('agent', 'supervisor')) THEN
            RAISE EXCEPTION '"%" is not an active agent or supervisor', p_assignee USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF c.assignee IS NOT DISTINCT FROM p_assignee THEN
        RETURN;
    END IF;
    UPDATE conversation SET assignee = p_assignee WHERE id = p_conversation;
END
$$;

CREATE FUNCTION require_handler(c conversation) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF c.assignee IS NOT NULL AND c.assignee <> session_user AND NOT is_supervisor() THEN
        RAISE EXCEPTION 'this conversation is handled by %', c.assignee
            USING ERRCODE = 'insufficient_privilege', HINT = 'assigned:' || c.assignee;
    END IF;
END
$$;

CREATE FUNCTION resolve_conversation(p_conversation bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    c conversation;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    PERFORM require_handler(c);
    IF c.status = 'resolved' THEN
        RETURN;
    END IF;
    UPDATE conversation SET status = 'resolved', resolved_at = now(), unread_count = 0,
                            assignee = coalesce(assignee, session_user)
     WHERE id = p_conversation;
END
$$;

-- Reopen a resolved conversation; refused when the person has since opened a new one (the one
-- open conversation per address and channel is where work continues).
CREATE FUNCTION reopen_conversation(p_conversation bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    c conversation;
    other bigint;
BEGIN
    PERFORM require_agent();
    c := locked_conversation(p_conversation);
    IF c.status <> 'resolved' THEN
        RETURN;
    END IF;
    SELECT id INTO other FROM conversation
     WHERE urn_id = c.urn_id AND coalesce(channel_source_id, 0) = coalesce(c.channel_source_id, 0)
       AND status <> 'resolved';
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'this person has a newer open conversation (%); continue there', other
            USING ERRCODE = 'unique_violation', HINT = 'conversation:' || other;
    END IF;
    UPDATE conversation SET status = 'open', resolved_at = NULL, assignee = session_user WHERE id = p_conversation;
END
$$;

-- Opening a thread marks it read for its assignee (or for anyone while nobody has it), so a
-- supervisor looking over an agent's shoulder does not clear the agent's unread mark.
CREATE FUNCTION mark_conversation_read(p_conversation bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    PERFORM require_agent();
    UPDATE conversation SET unread_count = 0
     WHERE id = p_conversation AND unread_count > 0 AND (assignee IS NULL OR assignee = session_user);
END
$$;

-- Does a sent text follow a template body? Placeholders ({{name}}) may stand for any non-empty
-- text; everything else must be exactly the approved wording. (In PostgreSQL's regular
-- expressions "." also matches a newline.)
CREATE FUNCTION text_follows_template(p_body text, p_text text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = mhero, pg_catalog AS $$
    SELECT p_text ~ ('^' || string_agg(regexp_replace(part, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'), '.+'
                                       ORDER BY n) || '$')
      FROM unnest(regexp_split_to_array(p_body, '\{\{\s*[a-z][a-z0-9_]*\s*\}\}')) WITH ORDINALITY AS t(part, n)
$$;

-- Reply: the message and its outbox row in one transaction. Replying to an unassigned
-- conversation claims it; someone else's is refused (supervisors may step in). Opted-out people
-- are never messaged. The deployment's policy (setting messaging.free_text_policy) decides
-- whether free text may be sent: "templates_only" (default) requires an approved, current
-- template version whose wording the text follows; "free_text" allows any text.
CREATE FUNCTION reply(p_conversation bigint, p_text text, p_template_version bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Start (or continue) a conversation with a health worker of the directory: the directory's
-- "Message" button. Reuses the open conversation with any of the person's addresses on the
-- channel; otherwise opens one on the address they last wrote from, else their first valid
-- mobile number (tel:), assigned to the caller. Returns the conversation id.
CREATE FUNCTION start_conversation(p_health_worker bigint, p_source integer DEFAULT NULL) RETURNS bigint
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
        SELECT min(id) INTO channel FROM source WHERE kind = 'rapidpro' AND enabled HAVING count(*) = 1;
        IF channel IS NULL THEN
            RAISE EXCEPTION 'choose the channel to write through (there is not exactly one messaging source)'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSIF NOT EXISTS (SELECT FROM source WHERE id = channel AND kind = 'rapidpro' AND enabled) THEN
        RAISE EXCEPTION 'source % is not an enabled messaging channel', channel USING ERRCODE = 'invalid_parameter_value';
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

-- Send a failed message again (a new attempt of the same message, not a copy).
CREATE FUNCTION retry_message(p_message bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
    UPDATE message SET status = 'queued', error = NULL, failed_at = NULL, status_changed_at = now() WHERE id = p_message;
    INSERT INTO outbox (message_id, source_id) VALUES (p_message, m.source_id)
    ON CONFLICT (message_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), last_error = NULL,
                                           claimed_by = NULL, claimed_at = NULL;
    INSERT INTO audit_log (action, table_name, row_key, after)
    VALUES ('retry', 'message', p_message::text, jsonb_build_object('conversation', m.conversation_id));
END
$$;

-- An agent links an unknown contact's address to a health worker of the directory.
CREATE FUNCTION link_contact(p_urn bigint, p_health_worker bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    before_worker bigint;
BEGIN
    PERFORM require_agent();
    SELECT health_worker_id INTO before_worker FROM contact_urn WHERE id = p_urn FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'address % does not exist', p_urn USING ERRCODE = 'no_data_found';
    END IF;
    IF p_health_worker IS NOT NULL AND NOT EXISTS (SELECT FROM health_worker WHERE id = p_health_worker) THEN
        RAISE EXCEPTION 'health worker % does not exist', p_health_worker USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE contact_urn SET health_worker_id = p_health_worker WHERE id = p_urn; -- consoles redraw (trigger)
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES ('link_contact', 'contact_urn', p_urn::text, jsonb_build_object('health_worker', before_worker),
            jsonb_build_object('health_worker', p_health_worker));
END
$$;

-- Queue counts for the Conversations page (one round trip).
CREATE FUNCTION conversation_counts(OUT unassigned bigint, OUT mine bigint, OUT open bigint, OUT resolved bigint,
                                    OUT mine_unread bigint)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = mhero, pg_catalog AS $$
    SELECT count(*) FILTER (WHERE status <> 'resolved' AND assignee IS NULL),
           count(*) FILTER (WHERE status <> 'resolved' AND assignee = session_user),
           count(*) FILTER (WHERE status <> 'resolved'),
           count(*) FILTER (WHERE status = 'resolved'),
           count(*) FILTER (WHERE status <> 'resolved' AND unread_count > 0
                                  AND (assignee = session_user OR assignee IS NULL))
      FROM conversation
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants.
GRANT SELECT ON channel_contact TO mhero_agent, mhero_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON channel_contact TO mhero_service;
GRANT EXECUTE ON FUNCTION ingest_inbound(integer, jsonb), ingest_contacts(integer, jsonb),
                          apply_statuses(integer, jsonb) TO mhero_service;
REVOKE EXECUTE ON FUNCTION ingest_inbound(integer, jsonb), ingest_contacts(integer, jsonb),
                           apply_statuses(integer, jsonb), claim_conversation(bigint),
                           assign_conversation(bigint, name), resolve_conversation(bigint),
                           reopen_conversation(bigint), mark_conversation_read(bigint),
                           reply(bigint, text, bigint), retry_message(bigint), link_contact(bigint, bigint),
                           start_conversation(bigint, integer)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_conversation(bigint), assign_conversation(bigint, name),
                          resolve_conversation(bigint), reopen_conversation(bigint),
                          mark_conversation_read(bigint), reply(bigint, text, bigint), retry_message(bigint),
                          link_contact(bigint, bigint), start_conversation(bigint, integer), conversation_counts()
    TO mhero_agent;
GRANT EXECUTE ON FUNCTION text_follows_template(text, text) TO mhero_agent, mhero_service;
REVOKE EXECUTE ON FUNCTION locked_conversation(bigint), require_handler(conversation), require_role(name, text),
                           require_active_user() FROM PUBLIC;

-- How the sender retries: attempts before a message is marked failed, first delay, longest delay.
INSERT INTO setting (key, value) VALUES
    ('messaging.max_attempts', '10'),
    ('messaging.retry_first_seconds', '5'),
    ('messaging.retry_max_seconds', '900')
ON CONFLICT DO NOTHING;
