-- mhero.audit_row()
--
-- The definition in force (defined in migration 0001; privileges or settings changed in 0005, 0012; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.audit_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NEW;
    END IF;
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES (lower(TG_OP), TG_TABLE_NAME,
            coalesce(new_row, old_row) ->> TG_ARGV[0], old_row, new_row);
    RETURN coalesce(NEW, OLD);
END
$function$;

REVOKE ALL ON FUNCTION mhero.audit_row() FROM PUBLIC;
