-- mhero.ingest_inbound(integer,jsonb)
--
-- The definition in force (defined in migrations 0003, 0011, 0013; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.ingest_inbound(p_source integer, p_messages jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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

    -- "STOP" (any opt-out word, migration 20): the person is never messaged again, on any channel,
    -- until they write again and an agent lifts it.
    PERFORM mhero.mark_opted_out(array_agg(DISTINCT p.urn_id), 'stop_word', max(p.created_at))
       FROM pg_temp.inbound_page p
      WHERE EXISTS (SELECT FROM mhero.opt_out_word w WHERE w.word = mhero.opt_out_key(p.text))
     HAVING count(*) > 0;
    RETURN added;
END
$function$;

REVOKE ALL ON FUNCTION mhero.ingest_inbound(integer,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.ingest_inbound(integer,jsonb) TO mhero_service;
