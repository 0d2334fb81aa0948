-- mhero.set_template_auto_reply(bigint,boolean,real)
--
-- A supervisor turns automatic replies with a template on or off and sets the confidence they
-- need (migration 23). Audited by the template's audit trigger (action "update", the values
-- before and after). A retired template cannot be turned on; turning one off always works.
CREATE OR REPLACE FUNCTION mhero.set_template_auto_reply(p_template bigint, p_enabled boolean, p_threshold real)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    t template;
BEGIN
    PERFORM require_role('mhero_supervisor', 'only supervisors turn automatic replies on or off');
    PERFORM require_active_user();
    IF p_enabled IS NULL OR p_threshold IS NULL OR p_threshold < 0.5 OR p_threshold > 1 THEN
        RAISE EXCEPTION 'the confidence an automatic reply needs is between 0.5 and 1'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO t FROM template WHERE id = p_template FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template % does not exist', p_template USING ERRCODE = 'no_data_found';
    END IF;
    IF p_enabled AND t.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'template "%" is retired: it cannot reply automatically', t.name
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE template SET auto_reply = p_enabled, auto_reply_threshold = p_threshold WHERE id = p_template;
END
$function$;

REVOKE ALL ON FUNCTION mhero.set_template_auto_reply(bigint,boolean,real) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.set_template_auto_reply(bigint,boolean,real) TO mhero_supervisor;
