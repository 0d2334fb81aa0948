-- mhero.analyze_directory()
--
-- The definition in force (defined in migration 0006; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.analyze_directory()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    ANALYZE health_worker, health_worker_role, health_worker_phone, contact_urn;
END
$function$;

REVOKE ALL ON FUNCTION mhero.analyze_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.analyze_directory() TO mhero_service;
