-- mHero Console schema, migration 13: one bad inbound message never blocks the others.
--
-- Before, a message with no text and no attachment (RapidPro delivers stickers and other media
-- it does not support like that) failed message's not_empty check, and an address outside the
-- schemes contact_urn accepts failed its check: either way ingest_inbound() failed for the whole
-- page, on every poll, so nothing newer from that source was ever stored and the watermark never
-- moved (issue 12, part 4). Now:
--
--   * a message with nothing mHero can show is stored as what it is: an "unsupported" message
--     that keeps the platform's type (message.unsupported_type), so the thread shows that the
--     person wrote something, and the agent can look it up on the platform;
--   * an entry the sync engine could not use (it says why in "problem") or whose address the
--     directory cannot hold is quarantined in mhero.inbound_quarantine with its reason, for an
--     administrator to see, and the rest of the page is stored as usual.
--
-- Text with NUL characters or lone surrogates is cleaned by the sync engine before it gets here
-- (PostgreSQL's jsonb cannot even hold \u0000).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.message ADD COLUMN unsupported_type text
    CONSTRAINT unsupported_inbound_only CHECK (unsupported_type IS NULL
                                               OR (direction = 'in' AND length(unsupported_type) BETWEEN 1 AND 40));
ALTER TABLE mhero.message DROP CONSTRAINT not_empty,
    ADD CONSTRAINT not_empty CHECK (length(text) > 0 OR jsonb_array_length(attachments) > 0
                                    OR unsupported_type IS NOT NULL);

-- Inbound entries set aside, one row per platform message (seen again: reason and time updated).
CREATE TABLE mhero.inbound_quarantine (
    source_id     integer NOT NULL REFERENCES mhero.source ON DELETE CASCADE,
    external_id   text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    reason        text NOT NULL,
    entry         jsonb NOT NULL, -- what the sync engine was given, for the administrator
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, external_id)
);
GRANT SELECT ON mhero.inbound_quarantine TO mhero_supervisor, mhero_admin;
GRANT DELETE ON mhero.inbound_quarantine TO mhero_admin;

-- As in migration 3, plus: "problem" entries and unusable addresses go to the quarantine,
-- "unsupported": "<type>" marks a message with nothing to show.
CREATE OR REPLACE FUNCTION mhero.ingest_inbound(p_source integer, p_messages jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    added integer;
BEGIN
    PERFORM mhero.require_role('mhero_service', 'only the sync engine stores inbound messages');
    -- The caller's own table of that name would run its triggers as the owner (migration 11).
    PERFORM mhero.require_own_temp_table('inbound_page');
    IF jsonb_typeof(p_messages) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'ingest_inbound expects a JSON array' USING ERRCODE = 'invalid_parameter_value';
    END IF;

    CREATE TEMP TABLE IF NOT EXISTS inbound_page (
        external_id text, external_num bigint, urn text, contact_uuid text, contact_name text,
        text text, attachments jsonb, created_at timestamptz, urn_id bigint, conversation_id bigint,
        unsupported_type text
    ) ON COMMIT DROP;
    TRUNCATE pg_temp.inbound_page;

    -- Set aside what cannot be stored, with why; it never stops the rest of the page.
    INSERT INTO mhero.inbound_quarantine AS q (source_id, external_id, reason, entry)
    SELECT DISTINCT ON (e->>'external_id') p_source, left(e->>'external_id', 200),
           CASE WHEN e ? 'problem' THEN e->>'problem'
                WHEN e->>'created_at' IS NULL THEN 'the message has no time'
                ELSE 'the address "' || left(coalesce(e->>'urn', ''), 80) || '" is not one mHero can store' END,
           e
      FROM jsonb_array_elements(p_messages) e
     WHERE nullif(e->>'external_id', '') IS NOT NULL
       AND (e ? 'problem' OR e->>'created_at' IS NULL
            OR NOT coalesce(e->>'urn', '') ~ '^(tel|whatsapp|facebook|telegram|viber|line|ext|mailto):[^[:space:]]+$')
     ORDER BY e->>'external_id'
    ON CONFLICT (source_id, external_id) DO UPDATE
       SET reason = EXCLUDED.reason, entry = EXCLUDED.entry, last_seen_at = now();

    INSERT INTO pg_temp.inbound_page (external_id, external_num, urn, contact_uuid, contact_name, text,
                                      attachments, created_at, unsupported_type)
    SELECT DISTINCT ON (e->>'external_id')
           e->>'external_id', (e->>'external_num')::bigint, e->>'urn', e->>'contact_uuid',
           left(nullif(btrim(e->>'contact_name'), ''), 200), left(coalesce(e->>'text', ''), 4096),
           coalesce(e->'attachments', '[]'), (e->>'created_at')::timestamptz,
           CASE WHEN coalesce(e->>'text', '') = '' AND jsonb_array_length(coalesce(e->'attachments', '[]')) = 0
                THEN left(coalesce(nullif(btrim(e->>'unsupported'), ''), 'unknown'), 40) END
      FROM jsonb_array_elements(p_messages) e
     WHERE nullif(e->>'external_id', '') IS NOT NULL AND NOT e ? 'problem' AND e->>'created_at' IS NOT NULL
       AND coalesce(e->>'urn', '') ~ '^(tel|whatsapp|facebook|telegram|viber|line|ext|mailto):[^[:space:]]+$'
       AND jsonb_typeof(coalesce(e->'attachments', '[]')) = 'array'
     ORDER BY e->>'external_id';
    -- Without statistics the planner guesses a thousand rows and scans message and conversation.
    ANALYZE pg_temp.inbound_page;

    -- An upgraded server: the UUID replaces the decimal id stored before.
    UPDATE mhero.message m SET external_id = p.external_id
      FROM pg_temp.inbound_page p
     WHERE m.source_id = p_source AND p.external_num IS NOT NULL AND m.external_num = p.external_num
       AND m.external_id IS DISTINCT FROM p.external_id;

    -- Only what is new goes on.
    DELETE FROM pg_temp.inbound_page p
     WHERE EXISTS (SELECT FROM mhero.message m WHERE m.source_id = p_source AND m.external_id = p.external_id)
        OR (p.external_num IS NOT NULL
            AND EXISTS (SELECT FROM mhero.message m WHERE m.source_id = p_source AND m.external_num = p.external_num));

    -- A message stored now is no longer in quarantine (a later version could read it).
    DELETE FROM mhero.inbound_quarantine q
     USING pg_temp.inbound_page p
     WHERE q.source_id = p_source AND q.external_id = p.external_id;

    -- Addresses: known ones lead to their health worker (the directory wrote them); new ones are
    -- "unknown contacts" until an agent links them.
    INSERT INTO mhero.contact_urn (urn, display)
    SELECT DISTINCT ON (urn) urn, contact_name FROM pg_temp.inbound_page ORDER BY urn, created_at DESC
    ON CONFLICT (urn) DO NOTHING;
    UPDATE pg_temp.inbound_page p SET urn_id = u.id FROM mhero.contact_urn u WHERE u.urn = p.urn;

    INSERT INTO mhero.channel_contact AS cc (source_id, urn_id, contact_uuid, name)
    SELECT DISTINCT ON (urn_id) p_source, urn_id, contact_uuid, contact_name
      FROM pg_temp.inbound_page WHERE contact_uuid IS NOT NULL ORDER BY urn_id, created_at DESC
    ON CONFLICT (source_id, urn_id) DO UPDATE
       SET contact_uuid = EXCLUDED.contact_uuid, name = coalesce(EXCLUDED.name, cc.name), updated_at = now()
     WHERE (cc.contact_uuid, cc.name) IS DISTINCT FROM (EXCLUDED.contact_uuid, coalesce(EXCLUDED.name, cc.name));

    -- Each address has at most one open conversation per channel: join it, or open one.
    INSERT INTO mhero.conversation (urn_id, channel_source_id, opened_at, last_activity_at)
    SELECT urn_id, p_source, min(created_at), min(created_at) FROM pg_temp.inbound_page GROUP BY urn_id
    ON CONFLICT (urn_id, coalesce(channel_source_id, 0)) WHERE status <> 'resolved' DO NOTHING;
    UPDATE pg_temp.inbound_page p SET conversation_id = c.id
      FROM mhero.conversation c
     WHERE c.urn_id = p.urn_id AND c.channel_source_id = p_source AND c.status <> 'resolved';

    INSERT INTO mhero.message (conversation_id, direction, text, attachments, source_id, external_id, external_num,
                               status, created_at, unsupported_type)
    SELECT conversation_id, 'in', text, attachments, p_source, external_id, external_num, 'received', created_at,
           unsupported_type
      FROM pg_temp.inbound_page
     ORDER BY created_at, external_num NULLS LAST, external_id
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END
$$;
-- Migration 11 kept migration 3's body behind a guarded front door; this one replaces both.
DROP FUNCTION mhero.ingest_inbound_page(integer, jsonb);
REVOKE EXECUTE ON FUNCTION mhero.ingest_inbound(integer, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.ingest_inbound(integer, jsonb) TO mhero_service;

-- The queue line of an unsupported message says so ("⚠ sticker") instead of "📎 attachment".
CREATE OR REPLACE FUNCTION mhero.message_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    UPDATE mhero.conversation c
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
                                   WHEN m.unsupported_type IS NOT NULL THEN '⚠ ' || m.unsupported_type
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
REVOKE EXECUTE ON FUNCTION mhero.message_inserted() FROM PUBLIC;
