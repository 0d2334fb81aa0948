-- mhero.resolve_workers(integer,text[])
--
-- The definition in force (defined in migrations 0002, 0006; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.resolve_workers(p_source integer, p_practitioners text[])
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.resolve_workers(integer,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.resolve_workers(integer,text[]) TO mhero_service;
