-- mHero Console schema, migration 11: every function runs with the caller's temporary schema
-- searched last, and is executable only by the roles it is granted to.
--
-- Two holes a hostile review found (issue 12, classes 1 and 2):
--
-- 1. Migrations 1–10 pinned `search_path = mhero, pg_catalog`. When pg_temp is not named,
--    PostgreSQL searches the caller's temporary schema FIRST, so inside a SECURITY DEFINER function
--    a caller's `CREATE TEMP TABLE audit_log (…)` (or setting, template_body, app_user,
--    directory_deferred_index) stood in for the real table: audit rows vanished, "templates only"
--    was lifted, arbitrary wording was stored under an approved version, and
--    restore_directory_indexes() EXECUTEd an agent's `ALTER ROLE … SUPERUSER`. PostgreSQL's
--    documentation ("Writing SECURITY DEFINER Functions Safely") says to name pg_temp last. This
--    migration re-pins every function that sets a search_path, so unqualified names inside them
--    resolve to mhero, then pg_catalog, and only then to a temporary table (functions and
--    operators are never looked up in pg_temp at all).
--
-- 2. Migration 1's `ALTER DEFAULT PRIVILEGES IN SCHEMA mhero REVOKE EXECUTE ON FUNCTIONS FROM
--    PUBLIC` did nothing (its comment there is wrong and cannot be edited: shipped migrations are
--    checksummed): PostgreSQL cannot revoke a global default per schema. The working form is the
--    global one for the role that creates the functions, below. Every existing function loses
--    PUBLIC's EXECUTE; the roles that need one keep the explicit grants migrations 1–10 gave them.
--    Trigger functions need no EXECUTE grant (PostgreSQL checks it when the trigger is created,
--    not when it fires), and helpers called only from inside definer functions run as the owner.
--
-- The functions of the trusted extensions (pg_trgm, unaccent) installed in schema mhero are left
-- as their extension scripts made them: C functions that run as the caller and read no mHero
-- data, and that every role needs for the directory search.
--
-- tests/core/tst_security.cpp (`functionCatalogue…`) holds every later migration to both rules:
-- a definer function without pg_temp last, or a function PUBLIC may execute without being on its
-- commented allow-list, fails the suite.
--
-- The database-wide part of the hardening (no TEMPORARY for PUBLIC) lives in pg_database, not in
-- the schema, so it is not copied by CREATE DATABASE … TEMPLATE nor restored by a plain
-- pg_restore: the migrator applies it on every `mhero-admin migrate` (Migrator::lockDownDatabase).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

-- Functions the migrating role creates from now on (in any schema of this database) are not
-- executable by PUBLIC; each migration grants what it means to.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

DO $pin$
DECLARE
    f record;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure AS signature,
               p.prosecdef OR EXISTS (SELECT FROM unnest(p.proconfig) AS c WHERE c LIKE 'search\_path=%') AS pin
        FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'mhero'::regnamespace
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f.signature);
        -- Only functions that already set a search_path (every definer function does): a SET
        -- clause would stop the planner from inlining the small SQL wrappers of migration 2
        -- (fold, similar_to, similarity_score), which the trigram index depends on.
        IF f.pin THEN
            EXECUTE format('ALTER FUNCTION %s SET search_path = mhero, pg_catalog, pg_temp', f.signature);
        END IF;
    END LOOP;
END
$pin$;

-- Definer functions that stage a page in a temporary table (ingest_inbound, ingest_contacts) run
-- `CREATE TEMP TABLE IF NOT EXISTS pg_temp.x`: a caller with TEMPORARY (the sync engine's role)
-- could create that table first, with a trigger calling a function of its own in pg_temp and
-- ALL granted to PUBLIC, and the definer's INSERT would fire the trigger as the owner (found in
-- this review: mhero_owner holds CREATEROLE, so the engine's login could grant itself any group).
-- Such functions now call require_own_temp_table() first: a temporary relation of that name made
-- by anyone but the owner stops them. (tst_security: catalogueDefinersUseOnlyTheirOwnTemporaryTables
-- holds every definer that mentions pg_temp to it.)
CREATE FUNCTION mhero.require_own_temp_table(p_table text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_class c
                WHERE c.oid = pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(p_table))
                  AND c.relowner IS DISTINCT FROM (SELECT r.oid FROM pg_catalog.pg_roles r
                                                    WHERE r.rolname = current_user)) THEN
        RAISE EXCEPTION 'refusing to use the temporary table "%": this session made it, not mHero', p_table
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.require_own_temp_table(text) FROM PUBLIC;

-- ingest_contacts keeps its body (migration 3) under another name, behind a guarded front door.
ALTER FUNCTION mhero.ingest_contacts(integer, jsonb) RENAME TO ingest_contacts_page;
REVOKE EXECUTE ON FUNCTION mhero.ingest_contacts_page(integer, jsonb) FROM mhero_service;
CREATE FUNCTION mhero.ingest_contacts(p_source integer, p_contacts jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM mhero.require_own_temp_table('contact_page');
    RETURN mhero.ingest_contacts_page(p_source, p_contacts);
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.ingest_contacts(integer, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.ingest_contacts(integer, jsonb) TO mhero_service;

-- ingest_inbound: migration 13 rewrites it; until then (the same `migrate` run) the same door.
ALTER FUNCTION mhero.ingest_inbound(integer, jsonb) RENAME TO ingest_inbound_page;
REVOKE EXECUTE ON FUNCTION mhero.ingest_inbound_page(integer, jsonb) FROM mhero_service;
CREATE FUNCTION mhero.ingest_inbound(p_source integer, p_messages jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM mhero.require_own_temp_table('inbound_page');
    RETURN mhero.ingest_inbound_page(p_source, p_messages);
END
$$;
REVOKE EXECUTE ON FUNCTION mhero.ingest_inbound(integer, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.ingest_inbound(integer, jsonb) TO mhero_service;

-- restore_directory_indexes() EXECUTEs the index definitions defer_directory_indexes() saved. The
-- table holding them is written only by those two owner functions (no role has a grant on it),
-- and with the search path above no temporary table can stand in for it. As a second wall, a
-- definition is executed only when it is what defer_directory_indexes() can have written: one
-- CREATE INDEX statement of that very name on one of the two directory tables.
CREATE OR REPLACE FUNCTION restore_directory_indexes() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp SET maintenance_work_mem = '256MB' AS $$
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
$$;
REVOKE EXECUTE ON FUNCTION restore_directory_indexes() FROM PUBLIC;
