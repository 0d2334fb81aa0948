-- mhero.apply_read_watermark(integer,text,timestamp with time zone)
--
-- Messenger says "read" with a watermark, not with message ids: every message the Page sent this
-- person up to that instant has been read. Marks the messages of @p_source to @p_urn sent (or
-- delivered) at or before @p_up_to as read, never going back (a failed message stays failed).
-- Returns how many changed. Defined with migration 16 (Messenger as a channel).

CREATE OR REPLACE FUNCTION mhero.apply_read_watermark(p_source integer, p_urn text, p_up_to timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    changed integer;
BEGIN
    PERFORM require_role('mhero_service', 'only the sync engine records delivery statuses');
    UPDATE message m
       SET status = 'read', channel_status = 'read', status_changed_at = p_up_to,
           delivered_at = coalesce(m.delivered_at, p_up_to), read_at = coalesce(m.read_at, p_up_to)
      FROM conversation c JOIN contact_urn u ON u.id = c.urn_id
     WHERE m.conversation_id = c.id AND u.urn = p_urn AND c.channel_source_id = p_source
       AND m.source_id = p_source AND m.direction = 'out' AND m.status IN ('sent', 'delivered')
       AND coalesce(m.sent_at, m.created_at) <= p_up_to;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$function$;

REVOKE ALL ON FUNCTION mhero.apply_read_watermark(integer,text,timestamp with time zone) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.apply_read_watermark(integer,text,timestamp with time zone) TO mhero_service;
