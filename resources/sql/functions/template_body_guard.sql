-- mhero.template_body_guard()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.template_body_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT tv.id, tv.status, tv.xmin::text = (pg_current_xact_id()::xid)::text AS fresh
               FROM template_version tv
              WHERE tv.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.template_version_id END,
                              CASE WHEN TG_OP <> 'DELETE' THEN NEW.template_version_id END) LOOP
        IF v.status IN ('submitted', 'approved', 'retired') AND NOT (TG_OP = 'INSERT' AND v.fresh) THEN
            RAISE EXCEPTION 'template version % is % and its wording cannot be changed', v.id, v.status
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Save a new draft version; the approved one stays in use until the new one is approved.';
        END IF;
    END LOOP;
    RETURN coalesce(NEW, OLD);
END
$function$;

REVOKE ALL ON FUNCTION mhero.template_body_guard() FROM PUBLIC;
