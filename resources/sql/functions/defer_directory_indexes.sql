-- mhero.defer_directory_indexes()
--
-- The definition in force (defined in migration 0009; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.defer_directory_indexes()
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    i record;
BEGIN
    -- One caller at a time (two sources may start their first sync together).
    LOCK TABLE directory_deferred_index IN EXCLUSIVE MODE;
    IF EXISTS (SELECT FROM directory_deferred_index) THEN
        RETURN true;
    END IF;
    IF EXISTS (SELECT FROM health_worker) THEN
        RETURN false;
    END IF;
    FOR i IN
        SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
        FROM pg_index x
        JOIN pg_class c ON c.oid = x.indexrelid
        WHERE x.indrelid IN ('mhero.health_worker'::regclass, 'mhero.health_worker_phone'::regclass)
          AND NOT x.indisunique AND NOT x.indisprimary
          AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = x.indexrelid)
    LOOP
        INSERT INTO directory_deferred_index (name, definition) VALUES (i.name, i.definition);
        EXECUTE format('DROP INDEX mhero.%I', i.name);
    END LOOP;
    RETURN true;
END
$function$;

REVOKE ALL ON FUNCTION mhero.defer_directory_indexes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.defer_directory_indexes() TO mhero_admin, mhero_service;
