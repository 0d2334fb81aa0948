-- mhero.resolve_roles_changed(integer,text[])
--
-- The definition in force (defined in migration 0006; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.resolve_roles_changed(p_source integer, p_roles text[])
 RETURNS TABLE(role_id text, practitioner_id text)
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

REVOKE ALL ON FUNCTION mhero.resolve_roles_changed(integer,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.resolve_roles_changed(integer,text[]) TO mhero_service;
