-- mhero.notify_outbox()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.notify_outbox()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM pg_notify('mhero_outbox', coalesce(NEW.source_id, 0)::text);
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.notify_outbox() FROM PUBLIC;
