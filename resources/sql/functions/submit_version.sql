-- mhero.submit_version(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.submit_version(p_version bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v template_version;
BEGIN
    PERFORM require_template_editor();
    v := locked_version(p_version);
    IF v.status <> 'draft' THEN
        RAISE EXCEPTION 'only a draft can be submitted; version % is %', p_version, v.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM check_version_bodies(p_version);
    UPDATE template_version SET status = 'submitted', submitted_at = now(), rejection_reason = NULL WHERE id = p_version;
    UPDATE template SET updated_at = now() WHERE id = v.template_id;
    PERFORM log_template('template_submit', 'template_version', p_version, jsonb_build_object('template_id', v.template_id));
END
$function$;

REVOKE ALL ON FUNCTION mhero.submit_version(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.submit_version(bigint) TO mhero_admin, mhero_agent, mhero_supervisor;
