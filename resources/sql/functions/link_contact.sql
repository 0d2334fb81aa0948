-- mhero.link_contact(bigint,bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.link_contact(p_urn bigint, p_health_worker bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    before_worker bigint;
BEGIN
    PERFORM require_agent();
    SELECT health_worker_id INTO before_worker FROM contact_urn WHERE id = p_urn FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'address % does not exist', p_urn USING ERRCODE = 'no_data_found';
    END IF;
    IF p_health_worker IS NOT NULL AND NOT EXISTS (SELECT FROM health_worker WHERE id = p_health_worker) THEN
        RAISE EXCEPTION 'health worker % does not exist', p_health_worker USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE contact_urn SET health_worker_id = p_health_worker WHERE id = p_urn; -- consoles redraw (trigger)
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES ('link_contact', 'contact_urn', p_urn::text, jsonb_build_object('health_worker', before_worker),
            jsonb_build_object('health_worker', p_health_worker));
END
$function$;

REVOKE ALL ON FUNCTION mhero.link_contact(bigint,bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.link_contact(bigint,bigint) TO mhero_agent;
