-- mHero Console schema, migration 9 (sync speed, round 2): a first sync into an empty directory
-- builds the search indexes once at the end instead of row by row.
--
-- A full sync of 100,000 Practitioners spent a third of its time in the people insert, most of it
-- maintaining the trigram (GIN) index of the search text and the covering name index
-- (docs/performance.md). When the directory is empty, the sync engine now asks
-- defer_directory_indexes() to drop the secondary indexes of health_worker and
-- health_worker_phone, keeping their definitions in directory_deferred_index; at the end of the
-- run (and at the start of any later run) restore_directory_indexes() creates them again, each
-- in one pass over the table. Both are transactional (DDL is, in PostgreSQL): the definitions are
-- stored in the very transaction that drops the indexes and deleted in the one that recreates
-- them, so after a crash the rows say exactly which indexes are missing. Unique indexes and
-- primary keys stay: the sync's ON CONFLICT and key lookups need them.
--
-- While a first sync runs, the directory search reads the table sequentially (slow at 100,000
-- rows, but only on a fresh install).
SET LOCAL search_path = mhero, pg_catalog;

CREATE TABLE directory_deferred_index (
    name          text PRIMARY KEY,       -- index name (in schema mhero)
    definition    text NOT NULL,          -- pg_get_indexdef(): CREATE INDEX … ON mhero.table …
    deferred_at   timestamptz NOT NULL DEFAULT now()
);

-- Drops the secondary (non-unique) indexes of the directory's people and phones when the
-- directory holds nobody yet, remembering them; returns whether indexes are now deferred (also
-- true when an earlier first sync left them deferred). SECURITY DEFINER: only the owner may drop
-- or create indexes, and the sync engine runs as mhero_service.
CREATE FUNCTION defer_directory_indexes() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Creates the indexes defer_directory_indexes() dropped; returns how many. Nothing to do (and
-- cheap) when none are deferred, so every sync run calls it. (The sync's analyze_directory()
-- then gives the planner the loaded table's statistics.) A GIN build sorts its entries in
-- maintenance_work_mem: with the default 64 MB it spills to disk at 100,000 rows.
CREATE FUNCTION restore_directory_indexes() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog SET maintenance_work_mem = '256MB' AS $$
DECLARE
    i record;
    n integer := 0;
BEGIN
    IF NOT EXISTS (SELECT FROM directory_deferred_index) THEN
        RETURN 0;
    END IF;
    LOCK TABLE directory_deferred_index IN EXCLUSIVE MODE;
    FOR i IN SELECT name, definition FROM directory_deferred_index ORDER BY name LOOP
        -- An index of that name may exist if someone created it by hand meanwhile.
        IF to_regclass(format('mhero.%I', i.name)) IS NULL THEN
            EXECUTE i.definition;
            n := n + 1;
        END IF;
        DELETE FROM directory_deferred_index WHERE name = i.name;
    END LOOP;
    RETURN n;
END
$$;

GRANT EXECUTE ON FUNCTION defer_directory_indexes(), restore_directory_indexes() TO mhero_service, mhero_admin;
