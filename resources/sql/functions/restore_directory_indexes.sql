-- mhero.restore_directory_indexes()
--
-- The definition in force (defined in migrations 0009, 0011; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.restore_directory_indexes()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
 SET maintenance_work_mem TO '256MB'
AS $function$
DECLARE
    i record;
    n integer := 0;
BEGIN
    IF NOT EXISTS (SELECT FROM mhero.directory_deferred_index) THEN
        RETURN 0;
    END IF;
    LOCK TABLE mhero.directory_deferred_index IN EXCLUSIVE MODE;
    FOR i IN SELECT name, definition FROM mhero.directory_deferred_index ORDER BY name LOOP
        IF i.name !~ '^[a-z][a-z0-9_]{0,62}$'
           OR i.definition !~ ('^CREATE INDEX ' || i.name
                               || ' ON mhero\.(health_worker|health_worker_phone) USING (btree|gin|gist) \(')
           OR strpos(i.definition, ';') > 0 THEN
            RAISE EXCEPTION 'refusing a deferred index definition that defer_directory_indexes() cannot have written: %',
                            i.name USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- An index of that name may exist if someone created it by hand meanwhile.
        IF to_regclass(format('mhero.%I', i.name)) IS NULL THEN
            EXECUTE i.definition;
            n := n + 1;
        END IF;
        DELETE FROM mhero.directory_deferred_index WHERE name = i.name;
    END LOOP;
    RETURN n;
END
$function$;

REVOKE ALL ON FUNCTION mhero.restore_directory_indexes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.restore_directory_indexes() TO mhero_admin, mhero_service;
