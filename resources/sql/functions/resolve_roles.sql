-- mhero.resolve_roles(integer,text[])
--
-- The definition in force (defined in migrations 0002, 0006; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.resolve_roles(p_source integer, p_roles text[])
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.resolve_roles(integer,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.resolve_roles(integer,text[]) TO mhero_service;
