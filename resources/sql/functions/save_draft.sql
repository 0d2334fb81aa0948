-- mhero.save_draft(bigint,jsonb,text[],text,text,text[])
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.save_draft(p_template bigint, p_bodies jsonb, p_example_questions text[] DEFAULT '{}'::text[], p_whatsapp_template_name text DEFAULT NULL::text, p_whatsapp_language text DEFAULT NULL::text, p_free_placeholders text[] DEFAULT '{}'::text[])
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    latest template_version;
    vid bigint;
    free text[] := coalesce(p_free_placeholders, '{}');
    questions text[];
    problem text;
    lim integer := template_max_body_chars();
    item record;
BEGIN
    PERFORM require_template_editor();
    PERFORM locked_template(p_template);

    IF p_bodies IS NULL OR jsonb_typeof(p_bodies) <> 'object' OR p_bodies = '{}'::jsonb THEN
        RAISE EXCEPTION 'a template version needs a body in at least one language' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR item IN SELECT key, value FROM jsonb_each(p_bodies) ORDER BY key LOOP
        IF item.key !~ '^[a-z]{2,3}$' THEN
            RAISE EXCEPTION 'invalid language code "%"', item.key USING ERRCODE = 'invalid_parameter_value',
                HINT = 'Use an ISO 639 code such as en, fr or pt.';
        END IF;
        IF jsonb_typeof(item.value) <> 'string' THEN
            RAISE EXCEPTION 'the % body is not text', item.key USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    IF EXISTS (SELECT FROM unnest(free) f WHERE f IS NULL OR f !~ '^[a-z][a-z0-9_]{0,63}$') THEN
        RAISE EXCEPTION 'free placeholder names are lower-case letters, digits and "_", starting with a letter'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF free && template_builtin_placeholders() THEN
        RAISE EXCEPTION 'a free placeholder cannot have the name of a built-in one' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT coalesce(array_agg(DISTINCT f ORDER BY f), '{}') INTO free FROM unnest(free) f;
    FOR item IN SELECT key, value #>> '{}' AS body FROM jsonb_each(p_bodies) ORDER BY key LOOP
        problem := template_body_problem(item.key, item.body, free, lim);
        IF problem IS NOT NULL THEN
            RAISE EXCEPTION '%', problem USING ERRCODE = 'invalid_parameter_value', HINT = 'template-validation';
        END IF;
    END LOOP;
    SELECT coalesce(array_agg(btrim(q) ORDER BY n), '{}') INTO questions
      FROM unnest(coalesce(p_example_questions, '{}')) WITH ORDINALITY AS x(q, n) WHERE btrim(q) <> '';
    IF (p_whatsapp_template_name IS NULL) <> (p_whatsapp_language IS NULL)
       OR p_whatsapp_template_name !~ '^[a-z0-9_]+$' OR length(p_whatsapp_template_name) > 512 THEN
        RAISE EXCEPTION 'a WhatsApp template needs both its name (lower case, digits, "_") and its language'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    SELECT * INTO latest FROM template_version WHERE template_id = p_template ORDER BY version DESC LIMIT 1 FOR UPDATE;
    IF FOUND AND latest.status IN ('draft', 'rejected') THEN
        vid := latest.id;
        UPDATE template_version
           SET status = 'draft', example_questions = questions, whatsapp_template_name = p_whatsapp_template_name,
               whatsapp_language = p_whatsapp_language, free_placeholders = free, last_editor = session_user,
               editors = CASE WHEN session_user = ANY (editors) THEN editors ELSE editors || session_user END,
               updated_at = now(), submitted_at = NULL, decided_by = NULL, decided_at = NULL
         WHERE id = vid;
        DELETE FROM template_body WHERE template_version_id = vid AND NOT p_bodies ? language;
    ELSE
        INSERT INTO template_version (template_id, version, example_questions, whatsapp_template_name,
                                      whatsapp_language, free_placeholders, editors)
        VALUES (p_template, coalesce(latest.version, 0) + 1, questions, p_whatsapp_template_name, p_whatsapp_language,
                free, ARRAY[session_user]::name[])
        RETURNING id INTO vid;
    END IF;
    INSERT INTO template_body (template_version_id, language, body)
    SELECT vid, key, value #>> '{}' FROM jsonb_each(p_bodies)
    ON CONFLICT (template_version_id, language) DO UPDATE SET body = EXCLUDED.body
        WHERE template_body.body IS DISTINCT FROM EXCLUDED.body;
    UPDATE template SET updated_at = now() WHERE id = p_template;
    PERFORM log_template('template_save_draft', 'template_version', vid,
                         jsonb_build_object('template_id', p_template, 'languages',
                                            (SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(p_bodies) k)));
    RETURN vid;
END
$function$;

REVOKE ALL ON FUNCTION mhero.save_draft(bigint,jsonb,text[],text,text,text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.save_draft(bigint,jsonb,text[],text,text,text[]) TO mhero_admin, mhero_agent, mhero_supervisor;
