-- mhero.retire_template(bigint)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.retire_template(p_template bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM require_template_approver();
    PERFORM locked_template(p_template);
    UPDATE template_version SET status = 'retired', retired_at = now(), retired_by = session_user, updated_at = now()
     WHERE template_id = p_template AND status = 'approved';
    UPDATE template SET retired_at = now(), retired_by = session_user, updated_at = now() WHERE id = p_template;
    PERFORM log_template('template_retire', 'template', p_template, NULL);
END
$function$;

REVOKE ALL ON FUNCTION mhero.retire_template(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.retire_template(bigint) TO mhero_admin, mhero_agent, mhero_supervisor;
