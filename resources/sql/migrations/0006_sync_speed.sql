-- mHero Console schema, migration 6: a directory sync that does only the work its changes need.
--
-- An incremental sync took 20 s for 100 changed Practitioners out of 100,000 (docs/performance.md):
-- every page holding a place or a code (the iHRIS CodeSystems are read on every run, and the last
-- Location and Organization come back on every run, since cursors are inclusive) re-resolved every
-- role and every worker of the source, and resolve_roles()/resolve_workers() with a list scanned
-- the whole source instead of looking the listed rows up. Now:
--   * resolve_places_changed() tells which Locations' facility/district/region changed, and
--     resolve_roles_changed() re-resolves the given roles and tells whose resolution changed, so
--     a page re-resolves only the roles at changed places, of changed jobs or cadres, and the
--     workers holding them (core/directory/DirectoryStore.cpp);
--   * resolve_roles() and resolve_workers() with a list use their primary/unique keys;
--   * refresh_facets() reads health_worker once for the three kinds of facets and writes only what
--     differs, and builds the word list from the names and from the distinct facility/district
--     pairs (a few hundred) rather than folding those of every row, again writing only the
--     difference, so the trigram index of the words is left alone when nothing changed.
SET LOCAL search_path = mhero, pg_catalog;

-- Resolves every place of a source (as resolve_places() does) and returns the Locations whose
-- facility, district or region changed: roles only refer to Locations.
CREATE FUNCTION resolve_places_changed(p_source integer) RETURNS SETOF text
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
        RETURNING p.resource_type, p.resource_id
    )
    SELECT resource_id FROM changed WHERE resource_type = 'Location'
$$;

-- Job, cadre and place of the listed roles (looked up by key); returns the roles whose job,
-- cadre, facility, district or region changed, with their practitioners (for resolve_workers()).
CREATE FUNCTION resolve_roles_changed(p_source integer, p_roles text[])
RETURNS TABLE (role_id text, practitioner_id text)
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF coalesce(cardinality(p_roles), 0) = 0 THEN
        RETURN;
    END IF;
    RETURN QUERY
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
        WHERE r.source_id = p_source AND r.resource_id = ANY (p_roles)
    ), changed AS (
        UPDATE health_worker_role r
           SET job = s.job, cadre = s.cadre, facility = s.facility, district = s.district, region = s.region
          FROM resolved s
         WHERE r.source_id = p_source AND r.resource_id = s.resource_id
           AND (r.job, r.cadre, r.facility, r.district, r.region)
               IS DISTINCT FROM (s.job, s.cadre, s.facility, s.district, s.region)
        RETURNING r.resource_id, r.practitioner_id
    )
    SELECT * FROM changed;
END
$$;

-- As in migration 2, but a list is looked up by key (an SQL function is planned for any list, so
-- it scanned the whole source and filtered): the sync passes a page's few practitioners.
CREATE OR REPLACE FUNCTION resolve_roles(p_source integer, p_roles text[]) RETURNS integer
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    n integer;
BEGIN
    IF p_roles IS NOT NULL THEN
        SELECT count(*)::integer INTO n FROM resolve_roles_changed(p_source, p_roles);
        RETURN n;
    END IF;
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
        WHERE r.source_id = p_source
    ), changed AS (
        UPDATE health_worker_role r
           SET job = s.job, cadre = s.cadre, facility = s.facility, district = s.district, region = s.region
          FROM resolved s
         WHERE r.source_id = p_source AND r.resource_id = s.resource_id
           AND (r.job, r.cadre, r.facility, r.district, r.region)
               IS DISTINCT FROM (s.job, s.cadre, s.facility, s.district, s.region)
        RETURNING 1
    )
    SELECT count(*)::integer INTO n FROM changed;
    RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION resolve_workers(p_source integer, p_practitioners text[]) RETURNS integer
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    n integer;
BEGIN
    IF p_practitioners IS NOT NULL AND cardinality(p_practitioners) = 0 THEN
        RETURN 0;
    END IF;
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
          AND (p_practitioners IS NULL OR h.resource_id = ANY (p_practitioners))
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
    SELECT count(*)::integer INTO n FROM changed;
    RETURN n;
END
$$;

-- Same result as migration 2's, written as a difference.
CREATE OR REPLACE FUNCTION refresh_facets() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
    WITH counted AS (
        SELECT CASE WHEN GROUPING(district) = 0 THEN 'district'
                    WHEN GROUPING(facility) = 0 THEN 'facility' ELSE 'cadre' END AS kind,
               coalesce(district, facility, cadre) AS value, count(*)::integer AS workers
        FROM health_worker WHERE active
        GROUP BY GROUPING SETS ((district), (facility), (cadre))
        HAVING coalesce(district, facility, cadre) IS NOT NULL
    ), gone AS (
        DELETE FROM directory_facet f
         WHERE NOT EXISTS (SELECT FROM counted c WHERE c.kind = f.kind AND c.value = f.value)
    )
    INSERT INTO directory_facet AS f (kind, value, workers)
    SELECT kind, value, workers FROM counted
    ON CONFLICT (kind, value) DO UPDATE SET workers = EXCLUDED.workers WHERE f.workers <> EXCLUDED.workers;

    WITH words AS (
        SELECT w AS word FROM health_worker h, regexp_split_to_table(h.name_key, '[^[:alnum:]]+') AS w
        WHERE length(w) >= 2
        UNION
        SELECT w FROM (SELECT DISTINCT facility, district FROM health_worker) p,
               regexp_split_to_table(fold(coalesce(p.facility, '') || ' ' || coalesce(p.district, '')),
                                     '[^[:alnum:]]+') AS w
        WHERE length(w) >= 2
    ), gone AS (
        DELETE FROM directory_word d WHERE NOT EXISTS (SELECT FROM words w WHERE w.word = d.word)
    )
    INSERT INTO directory_word SELECT word FROM words ON CONFLICT DO NOTHING;
$$;

-- Fresh statistics for the directory's tables after a sync wrote many rows: autovacuum analyses
-- them only a minute or more later, and meanwhile the planner joins a page of 1,000 against
-- "a few hundred rows" by scanning 100,000. SECURITY DEFINER: only a table's owner may ANALYZE it.
CREATE FUNCTION analyze_directory() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    ANALYZE health_worker, health_worker_role, health_worker_phone, contact_urn;
END
$$;

GRANT EXECUTE ON FUNCTION resolve_places_changed(integer), resolve_roles_changed(integer, text[]), analyze_directory()
    TO mhero_service;
