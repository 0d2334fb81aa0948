-- mhero.create_template(text,text,text[])
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.create_template(p_name text, p_category text, p_tags text[] DEFAULT '{}'::text[])
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    tid bigint;
BEGIN
    PERFORM require_template_editor();
    PERFORM check_template_fields(p_name, p_category, p_tags);
    IF EXISTS (SELECT FROM template WHERE lower(name) = lower(btrim(p_name))) THEN
        RAISE EXCEPTION 'a template named "%" already exists', btrim(p_name) USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO template (name, category, tags) VALUES (btrim(p_name), p_category, clean_tags(p_tags))
    RETURNING id INTO tid;
    PERFORM log_template('template_create', 'template', tid,
                         jsonb_build_object('name', btrim(p_name), 'category', p_category));
    RETURN tid;
END
$function$;

REVOKE ALL ON FUNCTION mhero.create_template(text,text,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.create_template(text,text,text[]) TO mhero_admin, mhero_agent, mhero_supervisor;
