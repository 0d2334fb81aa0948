-- mhero.ingest_contacts(integer,jsonb)
--
-- The definition in force (defined in migrations 0003, 0011; their comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.ingest_contacts(p_source integer, p_contacts jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM mhero.require_own_temp_table('contact_page');
    RETURN mhero.ingest_contacts_page(p_source, p_contacts);
END
$function$;

REVOKE ALL ON FUNCTION mhero.ingest_contacts(integer,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.ingest_contacts(integer,jsonb) TO mhero_service;
