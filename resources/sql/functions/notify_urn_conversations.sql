-- mhero.notify_urn_conversations()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.notify_urn_conversations()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM pg_notify('mhero_conversation', c.id::text) FROM conversation c WHERE c.urn_id = NEW.id;
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.notify_urn_conversations() FROM PUBLIC;
