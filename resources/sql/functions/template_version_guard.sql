-- mhero.template_version_guard()
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.template_version_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- deleting a whole template (owner only) takes its versions with it
        IF OLD.status IN ('submitted', 'approved', 'retired') AND EXISTS (SELECT FROM template WHERE id = OLD.template_id) THEN
            RAISE EXCEPTION 'template version % is % and cannot be deleted', OLD.id, OLD.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'retired' THEN
        RAISE EXCEPTION 'template version % is retired and cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status IN ('submitted', 'approved')
       AND (NEW.template_id, NEW.version, NEW.example_questions, NEW.whatsapp_template_name, NEW.whatsapp_language,
            NEW.free_placeholders, NEW.author, NEW.last_editor, NEW.editors, NEW.created_at)
           IS DISTINCT FROM
           (OLD.template_id, OLD.version, OLD.example_questions, OLD.whatsapp_template_name, OLD.whatsapp_language,
            OLD.free_placeholders, OLD.author, OLD.last_editor, OLD.editors, OLD.created_at) THEN
        RAISE EXCEPTION 'template version % is % and cannot be changed', OLD.id, OLD.status
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Save a new draft version; the approved one stays in use until the new one is approved.';
    END IF;
    IF OLD.status = 'approved' AND NEW.status NOT IN ('approved', 'retired') THEN
        RAISE EXCEPTION 'an approved template version can only be retired' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status = 'approved' AND (NEW.decided_by, NEW.decided_at) IS DISTINCT FROM (OLD.decided_by, OLD.decided_at) THEN
        RAISE EXCEPTION 'the approval of template version % cannot be rewritten', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$function$;

REVOKE ALL ON FUNCTION mhero.template_version_guard() FROM PUBLIC;
