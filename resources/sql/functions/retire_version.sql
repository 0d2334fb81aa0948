-- mhero.retire_version(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.retire_version(p_version bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v template_version;
BEGIN
    PERFORM require_template_approver();
    v := locked_version(p_version);
    IF v.status <> 'approved' THEN
        RAISE EXCEPTION 'only an approved version can be retired; version % is %', p_version, v.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE template_version SET status = 'retired', retired_at = now(), retired_by = session_user, updated_at = now()
     WHERE id = p_version;
    UPDATE template SET updated_at = now() WHERE id = v.template_id;
    PERFORM log_template('template_retire_version', 'template_version', p_version,
                         jsonb_build_object('template_id', v.template_id));
END
$function$;

REVOKE ALL ON FUNCTION mhero.retire_version(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.retire_version(bigint) TO mhero_admin, mhero_agent, mhero_supervisor;
