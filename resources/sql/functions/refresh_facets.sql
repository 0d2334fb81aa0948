-- mhero.refresh_facets()
--
-- The definition in force (defined in migrations 0002, 0006; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.refresh_facets()
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.refresh_facets() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.refresh_facets() TO mhero_admin, mhero_service;
