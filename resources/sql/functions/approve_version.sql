-- mhero.approve_version(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.approve_version(p_version bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v template_version;
    current_approved template_version;
BEGIN
    PERFORM require_template_approver();
    v := locked_version(p_version);
    IF v.status <> 'submitted' THEN
        RAISE EXCEPTION 'only a submitted version can be approved; version % is %', p_version, v.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM require_other_eyes(v);
    PERFORM check_version_bodies(p_version);
    SELECT * INTO current_approved FROM template_version WHERE template_id = v.template_id AND status = 'approved' FOR UPDATE;
    IF FOUND THEN
        IF current_approved.version > v.version THEN
            RAISE EXCEPTION 'version % is older than the approved version %', v.version, current_approved.version
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        UPDATE template_version SET status = 'retired', retired_at = now(), retired_by = session_user, updated_at = now()
         WHERE id = current_approved.id;
        PERFORM log_template('template_supersede', 'template_version', current_approved.id,
                             jsonb_build_object('template_id', v.template_id, 'superseded_by', p_version));
    END IF;
    UPDATE template_version SET status = 'approved', decided_by = session_user, decided_at = now(), updated_at = now()
     WHERE id = p_version;
    UPDATE template SET updated_at = now() WHERE id = v.template_id;
    PERFORM log_template('template_approve', 'template_version', p_version, jsonb_build_object('template_id', v.template_id));
END
$function$;

REVOKE ALL ON FUNCTION mhero.approve_version(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.approve_version(bigint) TO mhero_admin, mhero_agent, mhero_supervisor;
