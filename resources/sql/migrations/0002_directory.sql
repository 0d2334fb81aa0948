-- mHero Console schema, migration 2: the health-worker directory from FHIR.
--
-- Adds what the sync engine needs to map iHRIS/OpenMRS resources (places, jobs, roles), the
-- search columns and indexes of the directory page (pg_trgm + unaccent), and the functions that
-- resolve a worker's facility, district, region, job and cadre from their current role.
-- docs/fhir-mapping.md describes the mapping; docs/performance.md the search plan.

SET LOCAL search_path = mhero, pg_catalog;

-- ---------------------------------------------------------------------------------------------
-- Extensions. pg_trgm and unaccent are "trusted" (PostgreSQL ≥ 13), so the database owner may
-- create them. When a DBA already installed them in another schema they are used from there;
-- every reference below goes through the wrappers, so no caller depends on search_path.
DO $ext$
DECLARE
    trgm text;
    acc text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm SCHEMA mhero;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'unaccent') THEN
        CREATE EXTENSION unaccent SCHEMA mhero;
    END IF;
    SELECT extnamespace::regnamespace::text INTO trgm FROM pg_catalog.pg_extension WHERE extname = 'pg_trgm';
    SELECT extnamespace::regnamespace::text INTO acc FROM pg_catalog.pg_extension WHERE extname = 'unaccent';

    -- Lower case without accents: "Zoé N'Guessan" → "zoe n'guessan". IMMUTABLE (with the
    -- dictionary named explicitly) so that it can feed a stored generated column and an index.
    EXECUTE format($f$
        CREATE FUNCTION mhero.fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS 'SELECT lower(%1$s.unaccent(''%1$s.unaccent''::regdictionary, $1))'$f$, acc);
    -- Typo tolerance (pg_trgm's "%": similar trigram sets) and its score. Plain SQL functions:
    -- the planner inlines them, so the trigram index still serves them.
    EXECUTE format($f$
        CREATE FUNCTION mhero.similar_to(a text, b text) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        AS 'SELECT $1 OPERATOR(%1$s.%%) $2'$f$, trgm);
    EXECUTE format($f$
        CREATE FUNCTION mhero.similarity_score(a text, b text) RETURNS real
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        AS 'SELECT %1$s.similarity($1, $2)'$f$, trgm);
    PERFORM set_config('mhero.trgm_ops', trgm || '.gin_trgm_ops', true);
END
$ext$;

GRANT EXECUTE ON FUNCTION fold(text), similar_to(text, text), similarity_score(text, text)
    TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;

-- ---------------------------------------------------------------------------------------------
-- Places (FHIR Location and Organization) with the facility/district/region each resolves to.
CREATE TABLE directory_place (
    source_id     integer NOT NULL REFERENCES source ON DELETE CASCADE,
    resource_type text NOT NULL CHECK (resource_type IN ('Location', 'Organization')),
    resource_id   text NOT NULL CHECK (resource_id ~ '^[A-Za-z0-9.-]{1,64}$'),
    name          text NOT NULL,
    part_of_id    text,
    type_codes    text[] NOT NULL DEFAULT '{}',
    active        boolean NOT NULL DEFAULT true,
    deleted_at    timestamptz,
    source_updated_at timestamptz,
    -- resolved by resolve_places(): the names along the partOf chain
    facility      text,
    district      text,
    region        text,
    PRIMARY KEY (source_id, resource_type, resource_id)
);

-- Jobs and cadres (iHRIS CodeSystems ihris-job and ihris-cadre, or any other code system).
CREATE TABLE directory_code (
    source_id     integer NOT NULL REFERENCES source ON DELETE CASCADE,
    system        text NOT NULL,
    code          text NOT NULL,
    display       text,
    cadre_code    text, -- for a job: the code of its cadre (in the cadre system)
    PRIMARY KEY (source_id, system, code)
);

-- PractitionerRole: a job at a facility, possibly one of several.
CREATE TABLE health_worker_role (
    source_id     integer NOT NULL REFERENCES source ON DELETE CASCADE,
    resource_id   text NOT NULL CHECK (resource_id ~ '^[A-Za-z0-9.-]{1,64}$'),
    practitioner_id text, -- the Practitioner's resource id (it may arrive later than its role)
    job_system    text,
    job_code      text,
    job_display   text,
    location_id   text,
    organization_id text,
    active        boolean NOT NULL DEFAULT true,
    period_start  date,
    period_end    date,
    deleted_at    timestamptz,
    source_updated_at timestamptz,
    -- resolved by resolve_roles()
    job           text,
    cadre         text,
    facility      text,
    district      text,
    region        text,
    PRIMARY KEY (source_id, resource_id)
);
CREATE INDEX health_worker_role_practitioner ON health_worker_role (source_id, practitioner_id);
CREATE INDEX health_worker_role_location ON health_worker_role (source_id, location_id);

-- ---------------------------------------------------------------------------------------------
-- The searchable directory.
ALTER TABLE health_worker
    ADD COLUMN email text,
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN problems text[] NOT NULL DEFAULT '{}',
    -- What the search box matches: names, facility, district and identifiers, folded.
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        -- (concat_ws is only STABLE, so plain || with coalesce)
        fold(display_name || ' ' || coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' '
             || coalesce(facility, '') || ' ' || coalesce(district, '') || ' '
             || jsonb_path_query_array(identifiers, '$[*].value')::text)) STORED,
    -- Sort key of the list, in byte order (COLLATE "C") so keyset paging is exact and indexable.
    ADD COLUMN name_key text COLLATE "C" GENERATED ALWAYS AS (fold(display_name)) STORED,
    ADD CONSTRAINT deleted_is_inactive CHECK (deleted_at IS NULL OR NOT active);

ALTER TABLE health_worker_phone
    ADD COLUMN problem text;

-- The words of the directory (names, facilities, districts): a few thousand even for a million
-- people, since names repeat. A misspelt word is corrected against this small list, then
-- searched for exactly (pg_trgm's documented way to do spelling suggestions at scale).
CREATE TABLE directory_word (
    word          text PRIMARY KEY
);

DO $idx$
BEGIN
    EXECUTE format('CREATE INDEX health_worker_search ON mhero.health_worker USING gin (search_text %s)',
                   current_setting('mhero.trgm_ops'));
    EXECUTE format('CREATE INDEX directory_word_similar ON mhero.directory_word USING gin (word %s)',
                   current_setting('mhero.trgm_ops'));
END
$idx$;
CREATE INDEX health_worker_name ON health_worker (name_key, id);
-- Partial phone numbers are prefixes of the national number: "0770 12" is "+23177012…".
CREATE INDEX health_worker_phone_prefix ON health_worker_phone (e164 text_pattern_ops);
CREATE INDEX health_worker_district ON health_worker (district, name_key, id);
CREATE INDEX health_worker_facility ON health_worker (facility, name_key, id);
CREATE INDEX health_worker_cadre ON health_worker (cadre, name_key, id);

-- Filter choices for the directory page (districts, facilities, cadres with their counts), kept
-- by refresh_facets() after each sync: a DISTINCT over a million rows is too slow to run on
-- every page open.
CREATE TABLE directory_facet (
    kind          text NOT NULL CHECK (kind IN ('district', 'facility', 'cadre')),
    value         text NOT NULL,
    workers       integer NOT NULL,
    PRIMARY KEY (kind, value)
);

-- ---------------------------------------------------------------------------------------------
-- Resolution: places → roles → workers. SECURITY INVOKER: only roles that may write the
-- directory (the sync engine, the database owner) can run them.

-- For each place, walk partOf upwards: the place itself is the facility; the district and the
-- region are the nearest ancestors typed as such (iHRIS: Location.type codes), else the first
-- and second ancestors, the root (the country) never counting as a region.
CREATE FUNCTION resolve_places(p_source integer) RETURNS integer
LANGUAGE sql SET search_path = mhero, pg_catalog AS $$
    WITH RECURSIVE up AS (
        SELECT p.resource_type, p.resource_id AS start_id, p.name, p.type_codes, p.part_of_id,
               0 AS depth, ARRAY[p.resource_id] AS path
        FROM directory_place p WHERE p.source_id = p_source
        UNION ALL
        SELECT up.resource_type, up.start_id, q.name, q.type_codes, q.part_of_id, up.depth + 1, up.path || q.resource_id
        FROM up JOIN directory_place q
          ON q.source_id = p_source AND q.resource_type = up.resource_type AND q.resource_id = up.part_of_id
        WHERE up.depth < 12 AND NOT q.resource_id = ANY (up.path)
    ), resolved AS (
        SELECT resource_type, start_id,
               (array_agg(name ORDER BY depth))[1] AS facility,
               coalesce((array_agg(name ORDER BY depth) FILTER (
                            WHERE depth >= 1 AND type_codes && ARRAY['district', 'health-district', 'dist', 'subcounty', 'sub-county']))[1],
                        (array_agg(name ORDER BY depth) FILTER (WHERE depth = 1 AND part_of_id IS NOT NULL))[1]) AS district,
               coalesce((array_agg(name ORDER BY depth) FILTER (
                            WHERE depth >= 1 AND type_codes && ARRAY['region', 'county', 'province', 'state', 'prefecture']))[1],
                        (array_agg(name ORDER BY depth) FILTER (WHERE depth = 2 AND part_of_id IS NOT NULL))[1]) AS region
        FROM up GROUP BY resource_type, start_id
    ), changed AS (
        UPDATE directory_place p
           SET facility = r.facility, district = nullif(r.district, r.region), region = r.region
          FROM resolved r
         WHERE p.source_id = p_source AND p.resource_type = r.resource_type AND p.resource_id = r.start_id
           AND (p.facility, p.district, p.region) IS DISTINCT FROM (r.facility, nullif(r.district, r.region), r.region)
        RETURNING 1
    )
    SELECT count(*)::integer FROM changed
$$;

-- Job, cadre and place of roles (all of a source when p_roles is NULL).
CREATE FUNCTION resolve_roles(p_source integer, p_roles text[]) RETURNS integer
LANGUAGE sql SET search_path = mhero, pg_catalog AS $$
    WITH resolved AS (
        SELECT r.resource_id,
               coalesce(j.display, r.job_display, r.job_code) AS job,
               coalesce(c.display, j.cadre_code, CASE WHEN j.code IS NULL THEN r.job_display END) AS cadre,
               l.facility, l.district, l.region
        FROM health_worker_role r
        LEFT JOIN directory_code j ON j.source_id = r.source_id AND j.system = r.job_system AND j.code = r.job_code
        LEFT JOIN directory_code c ON c.source_id = r.source_id AND c.code = j.cadre_code
              AND c.system = 'http://ihris.org/fhir/CodeSystem/ihris-cadre'
        LEFT JOIN directory_place l ON l.source_id = r.source_id AND l.resource_type = 'Location' AND l.resource_id = r.location_id
        -- IN (SELECT unnest…) is hashed; "= ANY (parameter)" would scan the whole array for every row.
        WHERE r.source_id = p_source AND (p_roles IS NULL OR r.resource_id IN (SELECT unnest(p_roles)))
    ), changed AS (
        UPDATE health_worker_role r
           SET job = s.job, cadre = s.cadre, facility = s.facility, district = s.district, region = s.region
          FROM resolved s
         WHERE r.source_id = p_source AND r.resource_id = s.resource_id
           AND (r.job, r.cadre, r.facility, r.district, r.region)
               IS DISTINCT FROM (s.job, s.cadre, s.facility, s.district, s.region)
        RETURNING 1
    )
    SELECT count(*)::integer FROM changed
$$;

-- A worker's job, cadre and place come from their primary role: a current one (active, period
-- covering today) before others, the most recently started first.
CREATE FUNCTION resolve_workers(p_source integer, p_practitioners text[]) RETURNS integer
LANGUAGE sql SET search_path = mhero, pg_catalog AS $$
    WITH resolved AS (
        SELECT h.id, r.job, r.cadre, r.facility, r.district, r.region
        FROM health_worker h
        LEFT JOIN LATERAL (
            SELECT * FROM health_worker_role r
            WHERE r.source_id = h.source_id AND r.practitioner_id = h.resource_id AND r.deleted_at IS NULL
            ORDER BY (r.active AND coalesce(r.period_start <= current_date, true)
                      AND coalesce(r.period_end >= current_date, true)) DESC,
                     r.period_start DESC NULLS LAST, r.resource_id
            LIMIT 1) r ON true
        WHERE h.source_id = p_source AND h.resource_type = 'Practitioner'
          AND (p_practitioners IS NULL OR h.resource_id IN (SELECT unnest(p_practitioners)))
    ), changed AS (
        UPDATE health_worker h
           SET job = s.job, cadre = s.cadre, facility = s.facility, district = s.district, region = s.region,
               updated_at = now()
          FROM resolved s
         WHERE h.id = s.id
           AND (h.job, h.cadre, h.facility, h.district, h.region)
               IS DISTINCT FROM (s.job, s.cadre, s.facility, s.district, s.region)
        RETURNING 1
    )
    SELECT count(*)::integer FROM changed
$$;

-- Recounts the filter choices. SECURITY DEFINER so the sync engine (which cannot delete facets
-- it did not write) and the demo loader can both call it.
CREATE FUNCTION refresh_facets() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
    DELETE FROM directory_facet;
    INSERT INTO directory_facet (kind, value, workers)
    SELECT 'district', district, count(*) FROM health_worker WHERE active AND district IS NOT NULL GROUP BY district
    UNION ALL
    SELECT 'facility', facility, count(*) FROM health_worker WHERE active AND facility IS NOT NULL GROUP BY facility
    UNION ALL
    SELECT 'cadre', cadre, count(*) FROM health_worker WHERE active AND cadre IS NOT NULL GROUP BY cadre;
    DELETE FROM directory_word;
    INSERT INTO directory_word
    SELECT DISTINCT w FROM health_worker h,
           regexp_split_to_table(h.name_key || ' ' || fold(coalesce(h.facility, '') || ' ' || coalesce(h.district, '')),
                                 '[^[:alnum:]]+') AS w
    WHERE length(w) >= 2;
$$;

-- For each word of a query, the directory words spelt most like it (typo tolerance).
CREATE FUNCTION spelling_alternatives(query text) RETURNS TABLE (word text, alternatives text[])
LANGUAGE sql STABLE SET search_path = mhero, pg_catalog AS $$
    SELECT w, ARRAY(SELECT d.word FROM directory_word d WHERE similar_to(d.word, w)
                    ORDER BY similarity_score(d.word, w) DESC, d.word LIMIT 4)
    FROM unnest(regexp_split_to_array(fold(query), '[^[:alnum:]]+')) AS w
    WHERE length(w) >= 2
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants.
GRANT SELECT ON directory_place, directory_code, health_worker_role, directory_facet, directory_word
    TO mhero_agent, mhero_admin;
GRANT EXECUTE ON FUNCTION spelling_alternatives(text) TO mhero_agent, mhero_admin, mhero_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON directory_place, directory_code, health_worker_role TO mhero_service;
GRANT SELECT ON directory_facet TO mhero_service;
-- Everyone may see when the directory was last synced and whether it failed (not the cursors).
GRANT SELECT (source_id, job, last_run_at, last_success_at, last_error) ON sync_state TO mhero_agent;
GRANT EXECUTE ON FUNCTION resolve_places(integer), resolve_roles(integer, text[]), resolve_workers(integer, text[])
    TO mhero_service;
GRANT EXECUTE ON FUNCTION refresh_facets() TO mhero_service, mhero_admin;

-- A FHIR source's default phone region lives in source.config ("region"); this is the fallback.
INSERT INTO setting (key, value) VALUES ('directory.sync_interval_minutes', '15') ON CONFLICT DO NOTHING;

-- Filter choices for the people already in the directory.
SELECT refresh_facets();
