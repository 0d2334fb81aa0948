-- mhero.source_url_changed()
--
-- The definition in force (defined in migration 0012; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.source_url_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    UPDATE mhero.source_secret SET sealed = NULL, key_id = NULL, invalid_reason = 'url_changed',
                                   updated_at = now(), updated_by = session_user
     WHERE source_id = NEW.id AND sealed IS NOT NULL;
    IF FOUND THEN
        INSERT INTO mhero.audit_log (action, table_name, row_key, after)
        VALUES ('invalidate_secret', 'source_secret', NEW.id::text,
                jsonb_build_object('source', NEW.name, 'reason', 'url_changed', 'old_url', OLD.base_url,
                                   'new_url', NEW.base_url));
    END IF;
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.source_url_changed() FROM PUBLIC;
