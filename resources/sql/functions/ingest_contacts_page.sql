-- mhero.ingest_contacts_page(integer,jsonb)
--
-- The definition in force (defined in migration ; privileges or settings changed in 0011; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.ingest_contacts_page(p_source integer, p_contacts jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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

    -- The address itself carries the opt-out, so every channel and the directory see it. The
    -- platform's "stopped" stops the person everywhere (migration 20); its "active" again (RapidPro
    -- reactivates a contact who writes again) lifts only what the platform itself stopped, never
    -- a STOP the person sent to mHero.
    PERFORM mark_opted_out(array_agg(cc.urn_id), 'platform', now())
       FROM channel_contact cc JOIN contact_urn u ON u.id = cc.urn_id
      WHERE cc.source_id = p_source AND cc.status = 'stopped' AND u.status <> 'stopped'
        AND u.id IN (SELECT cu.id FROM contact_urn cu JOIN pg_temp.contact_page p ON p.urn = cu.urn)
     HAVING count(*) > 0;
    UPDATE contact_urn u SET status = CASE cc.status WHEN 'blocked' THEN 'blocked' ELSE 'active' END,
                             opted_out_at = NULL, opt_out_reason = NULL
      FROM channel_contact cc
     WHERE cc.source_id = p_source AND cc.urn_id = u.id AND cc.status <> 'stopped'
       AND u.id IN (SELECT cu.id FROM contact_urn cu JOIN pg_temp.contact_page p ON p.urn = cu.urn)
       AND u.opt_out_reason IS DISTINCT FROM 'stop_word'
       AND u.status IS DISTINCT FROM CASE cc.status WHEN 'blocked' THEN 'blocked' ELSE 'active' END;
    RETURN changed;
END
$function$;

REVOKE ALL ON FUNCTION mhero.ingest_contacts_page(integer,jsonb) FROM PUBLIC;
