-- mhero.update_template(bigint,text,text,text[])
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.update_template(p_template bigint, p_name text, p_category text, p_tags text[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    t template;
BEGIN
    PERFORM require_template_editor();
    PERFORM check_template_fields(p_name, p_category, p_tags);
    t := locked_template(p_template);
    IF EXISTS (SELECT FROM template WHERE lower(name) = lower(btrim(p_name)) AND id <> p_template) THEN
        RAISE EXCEPTION 'a template named "%" already exists', btrim(p_name) USING ERRCODE = 'unique_violation';
    END IF;
    UPDATE template SET name = btrim(p_name), category = p_category, tags = clean_tags(p_tags), updated_at = now()
     WHERE id = p_template AND (name, category, tags) IS DISTINCT FROM (btrim(p_name), p_category, clean_tags(p_tags));
    IF FOUND THEN
        PERFORM log_template('template_update', 'template', p_template,
                             jsonb_build_object('name', btrim(p_name), 'category', p_category));
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.update_template(bigint,text,text,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.update_template(bigint,text,text,text[]) TO mhero_admin, mhero_agent, mhero_supervisor;
