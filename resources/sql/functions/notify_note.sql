-- mhero.notify_note()
--
-- The definition in force (defined in migration 0005; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.notify_note()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.notify_note() FROM PUBLIC;
