-- mhero.mark_opted_out(bigint[],text,timestamptz)
--
-- Stops the addresses @p_urns and every other address of their health workers (migration 20):
-- an opt-out is the person's, whichever channel they said it on. Called by the engine's definers
-- (ingest_inbound, ingest_contacts_page) only; nobody may call it directly. Returns how many
-- addresses stopped; each person (or unknown address) gets one audit row.
CREATE OR REPLACE FUNCTION mhero.mark_opted_out(p_urns bigint[], p_reason text, p_at timestamptz)
RETURNS integer
LANGUAGE plpgsql
SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    changed integer;
BEGIN
    WITH targets AS (
        SELECT DISTINCT t.id, t.health_worker_id
          FROM mhero.contact_urn s
          JOIN mhero.contact_urn t ON t.id = s.id OR (s.health_worker_id IS NOT NULL
                                                      AND t.health_worker_id = s.health_worker_id)
         WHERE s.id = ANY (p_urns)),
    stopped AS (
        UPDATE mhero.contact_urn u
           SET status = 'stopped', opted_out_at = coalesce(p_at, now()), opt_out_reason = p_reason
          FROM targets t
         WHERE u.id = t.id AND u.status <> 'stopped'
        RETURNING u.id, u.urn, u.health_worker_id),
    audited AS (
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        SELECT 'opt_out', CASE WHEN health_worker_id IS NULL THEN 'contact_urn' ELSE 'health_worker' END,
               coalesce(health_worker_id::text, min(id)::text),
               jsonb_build_object('reason', p_reason, 'urns', jsonb_agg(urn ORDER BY urn))
          FROM stopped GROUP BY health_worker_id, CASE WHEN health_worker_id IS NULL THEN id END
        RETURNING 1)
    SELECT count(*) INTO changed FROM stopped;
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION mhero.mark_opted_out(bigint[], text, timestamptz) FROM PUBLIC;
