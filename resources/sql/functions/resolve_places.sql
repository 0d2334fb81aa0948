-- mhero.resolve_places(integer)
--
-- The definition in force (defined in migration 0002; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.resolve_places(p_source integer)
 RETURNS integer
 LANGUAGE sql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.resolve_places(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.resolve_places(integer) TO mhero_service;
