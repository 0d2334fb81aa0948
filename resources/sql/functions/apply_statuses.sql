-- mhero.apply_statuses(integer,jsonb)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.apply_statuses(p_source integer, p_statuses jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    changed integer;
BEGIN
    PERFORM require_role('mhero_service', 'only the sync engine records delivery statuses');
    WITH s AS (
        SELECT e->>'external_id' AS external_id, (e->>'external_num')::bigint AS external_num,
               e->>'status' AS status, e->>'channel_status' AS channel_status,
               coalesce((e->>'at')::timestamptz, now()) AS at, nullif(e->>'error', '') AS error,
               -- the platform's code (migration 18), what the console acts on; anything but a
               -- plain integer is left out rather than failing the batch
               CASE WHEN e->>'error_code' ~ '^-?[0-9]{1,9}$' THEN (e->>'error_code')::integer END AS error_code
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
           error = CASE WHEN s.status = 'failed' THEN coalesce(s.error, m.error) ELSE m.error END,
           error_code = CASE WHEN s.status = 'failed' THEN coalesce(s.error_code, m.error_code) ELSE m.error_code END
      FROM s, rank old_rank, rank new_rank
     WHERE m.source_id = p_source AND m.direction = 'out'
       AND (m.external_id = s.external_id OR (s.external_num IS NOT NULL AND m.external_num = s.external_num))
       AND old_rank.status = m.status AND new_rank.status = s.status
       AND (new_rank.r > old_rank.r OR (new_rank.r = old_rank.r AND m.channel_status IS DISTINCT FROM s.channel_status));
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$function$;

REVOKE ALL ON FUNCTION mhero.apply_statuses(integer,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.apply_statuses(integer,jsonb) TO mhero_service;
