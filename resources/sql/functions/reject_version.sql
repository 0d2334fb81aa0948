-- mhero.reject_version(bigint,text)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.reject_version(p_version bigint, p_reason text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v template_version;
BEGIN
    PERFORM require_template_approver();
    IF p_reason IS NULL OR length(btrim(p_reason)) NOT BETWEEN 1 AND 2000 THEN
        RAISE EXCEPTION 'a rejection needs a reason (up to 2000 characters)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v := locked_version(p_version);
    IF v.status <> 'submitted' THEN
        RAISE EXCEPTION 'only a submitted version can be rejected; version % is %', p_version, v.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM require_other_eyes(v);
    UPDATE template_version
       SET status = 'rejected', decided_by = session_user, decided_at = now(), rejection_reason = btrim(p_reason),
           updated_at = now()
     WHERE id = p_version;
    UPDATE template SET updated_at = now() WHERE id = v.template_id;
    PERFORM log_template('template_reject', 'template_version', p_version,
                         jsonb_build_object('template_id', v.template_id, 'reason', btrim(p_reason)));
END
$function$;

REVOKE ALL ON FUNCTION mhero.reject_version(bigint,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reject_version(bigint,text) TO mhero_admin, mhero_agent, mhero_supervisor;
