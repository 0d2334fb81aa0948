-- mhero.audit_conversation()
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.audit_conversation()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    action text;
BEGIN
    action := CASE
        WHEN OLD.status IS DISTINCT FROM NEW.status AND NEW.status = 'resolved' THEN 'resolve'
        WHEN OLD.status = 'resolved' AND NEW.status <> 'resolved' THEN 'reopen'
        WHEN OLD.status IS DISTINCT FROM NEW.status THEN 'status'
        WHEN OLD.assignee IS NULL AND NEW.assignee = session_user THEN 'claim'
        WHEN NEW.assignee IS NULL THEN 'release'
        ELSE 'assign' END;
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES (action, 'conversation', NEW.id::text,
            jsonb_build_object('status', OLD.status, 'assignee', OLD.assignee),
            jsonb_build_object('status', NEW.status, 'assignee', NEW.assignee));
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.audit_conversation() FROM PUBLIC;
