-- mHero Console schema, migration 4: the template lifecycle, enforced by the database.
--
-- Migration 1 made the tables (template, template_version, template_body), their row audit and
-- the four-eyes CHECK; migration 3 made reply() refuse anything but an approved version of a
-- template that is not retired. This adds the only way to write templates: SECURITY DEFINER
-- functions that check session_user (the caller; inside them current_user is the owner).
--
--   create_template(name, category, tags) → id            supervisors and administrators
--   update_template(template, name, category, tags)        supervisors and administrators
--   save_draft(template, bodies, questions, wa name, wa language, free placeholders) → version
--                                                          supervisors and administrators
--   submit_version(version)                                supervisors and administrators
--   approve_version(version) / reject_version(version, reason)     supervisors only, four eyes
--   retire_version(version) / retire_template(template)    supervisors only
--
-- Agents author nothing: the wording a ministry sends is the responsibility of the people who
-- answer for it (supervisors). Administrators may write drafts so that `mhero-admin templates
-- import` can load a library, but never approve: a draft from anyone still needs a supervisor
-- who did not write it. Nobody gets INSERT/UPDATE/DELETE on the tables (migration 1 granted
-- SELECT only), and the triggers below keep submitted and approved wording unchanged even for
-- the functions and the owner. docs/templates.md describes the lifecycle.
SET LOCAL search_path = mhero, pg_catalog;

-- ---------------------------------------------------------------------------------------------
-- Columns the lifecycle needs.
ALTER TABLE template ADD COLUMN retired_by name;
ALTER TABLE template ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Free placeholders: names the agent fills in when sending ({{code}}, {{deadline}}), declared per
-- version so that a typo ({{givne_name}}) is an error, not a gap in a sent message.
ALTER TABLE template_version ADD COLUMN free_placeholders text[] NOT NULL DEFAULT '{}';
-- Everyone who changed the wording of this version: none of them may approve it (the four-eyes
-- CHECK of migration 1 covers the author and the last editor only).
ALTER TABLE template_version ADD COLUMN editors name[] NOT NULL DEFAULT '{}';
ALTER TABLE template_version ADD COLUMN retired_at timestamptz;
ALTER TABLE template_version ADD COLUMN retired_by name;
UPDATE template_version SET editors = ARRAY[author, last_editor]::name[];
CREATE INDEX template_version_status ON template_version (status, submitted_at);

-- The longest body a version may have, in characters.
INSERT INTO setting (key, value) VALUES ('templates.max_body_chars', '1000') ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Validation, the same rules as core/templates/TemplateText (validate()): the first problem of a
-- body as a sentence, or NULL. Positions are in characters, counted from 1.
CREATE FUNCTION template_builtin_placeholders() RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = mhero, pg_catalog AS $$
    SELECT ARRAY['given_name', 'family_name', 'cadre', 'facility', 'district', 'agent_name', 'date']
$$;

CREATE FUNCTION template_body_problem(p_language text, p_body text, p_free text[], p_max integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = mhero, pg_catalog AS $$
DECLARE
    n integer := length(p_body);
    i integer := 1;
    j integer;
    ch text;
    open_at integer := 0;
    inner_name text;
BEGIN
    IF p_body IS NULL OR btrim(p_body, E' \t\r\n') = '' THEN
        RETURN format('the %s body is empty', p_language);
    END IF;
    IF p_max > 0 AND n > p_max THEN
        RETURN format('the %s body has %s characters; the limit is %s', p_language, n, p_max);
    END IF;
    WHILE i <= n LOOP
        ch := substr(p_body, i, 1);
        IF ch IN ('{', '}') THEN
            j := i;
            WHILE j <= n AND substr(p_body, j, 1) = ch LOOP
                j := j + 1;
            END LOOP;
            IF j - i >= 3 THEN
                RETURN format('the %s body has unbalanced braces at character %s (%s in a row)', p_language, i, j - i);
            ELSIF j - i = 2 AND ch = '{' THEN
                IF open_at > 0 THEN
                    RETURN format('the %s body has unbalanced braces: "{{" at character %s is not closed', p_language, open_at);
                END IF;
                open_at := i;
            ELSIF j - i = 2 THEN
                IF open_at = 0 THEN
                    RETURN format('the %s body has unbalanced braces: "}}" at character %s closes nothing', p_language, i);
                END IF;
                inner_name := btrim(substr(p_body, open_at + 2, i - open_at - 2), ' ');
                IF inner_name !~ '^[a-z][a-z0-9_]{0,63}$' THEN
                    RETURN format('the %s body has an invalid placeholder "{{%s}}" at character %s', p_language,
                                  substr(p_body, open_at + 2, i - open_at - 2), open_at);
                END IF;
                IF NOT inner_name = ANY (template_builtin_placeholders() || coalesce(p_free, '{}')) THEN
                    RETURN format('the %s body uses the unknown placeholder {{%s}} at character %s', p_language,
                                  inner_name, open_at);
                END IF;
                open_at := 0;
            END IF;
            i := j;
        ELSE
            i := i + 1;
        END IF;
    END LOOP;
    IF open_at > 0 THEN
        RETURN format('the %s body has unbalanced braces: "{{" at character %s is not closed', p_language, open_at);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION template_max_body_chars() RETURNS integer
LANGUAGE sql STABLE SET search_path = mhero, pg_catalog AS $$
    SELECT coalesce((SELECT (value #>> '{}')::integer FROM setting WHERE key = 'templates.max_body_chars'), 1000)
$$;

-- Refuses a version whose bodies break a rule (used on save, submit and approve: the limit may
-- have changed meanwhile).
CREATE FUNCTION check_version_bodies(p_version bigint) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
DECLARE
    problem text;
    lim integer := template_max_body_chars();
BEGIN
    IF NOT EXISTS (SELECT FROM template_body WHERE template_version_id = p_version) THEN
        RAISE EXCEPTION 'template version % has no body in any language', p_version
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT template_body_problem(b.language, b.body, v.free_placeholders, lim) INTO problem
      FROM template_body b JOIN template_version v ON v.id = b.template_version_id
     WHERE b.template_version_id = p_version
       AND template_body_problem(b.language, b.body, v.free_placeholders, lim) IS NOT NULL
     ORDER BY b.language LIMIT 1;
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION '%', problem USING ERRCODE = 'invalid_parameter_value', HINT = 'template-validation';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Immutability, below the functions: once submitted, a version's wording never changes (the
-- approver approves what they read); approved and retired versions change only by retiring.
-- The one exception is a version inserted by the current transaction (a data load such as the
-- demo set, run by the owner): its bodies may be added in that same transaction.
CREATE FUNCTION template_body_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT tv.id, tv.status, tv.xmin::text = (pg_current_xact_id()::xid)::text AS fresh
               FROM template_version tv
              WHERE tv.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.template_version_id END,
                              CASE WHEN TG_OP <> 'DELETE' THEN NEW.template_version_id END) LOOP
        IF v.status IN ('submitted', 'approved', 'retired') AND NOT (TG_OP = 'INSERT' AND v.fresh) THEN
            RAISE EXCEPTION 'template version % is % and its wording cannot be changed', v.id, v.status
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Save a new draft version; the approved one stays in use until the new one is approved.';
        END IF;
    END LOOP;
    RETURN coalesce(NEW, OLD);
END
$$;
CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON template_body
    FOR EACH ROW EXECUTE FUNCTION template_body_guard();

CREATE FUNCTION template_version_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
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
$$;
CREATE TRIGGER guard BEFORE UPDATE OR DELETE ON template_version
    FOR EACH ROW EXECUTE FUNCTION template_version_guard();

-- ---------------------------------------------------------------------------------------------
-- Who may do what.
-- require_role() and require_active_user() come from migration 3.
CREATE FUNCTION require_template_editor() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'mhero_supervisor', 'USAGE') OR pg_has_role(session_user, 'mhero_admin', 'USAGE')) THEN
        RAISE EXCEPTION 'only supervisors write templates' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM require_active_user();
END
$$;

CREATE FUNCTION require_template_approver() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    PERFORM require_role('mhero_supervisor', 'only supervisors approve, reject or retire templates');
    PERFORM require_active_user();
END
$$;

-- One audit entry per transition, named after it (template_create, template_submit,
-- template_approve, …); the row triggers of migration 1 add the rows' before/after.
CREATE FUNCTION log_template(p_action text, p_table text, p_key bigint, p_after jsonb) RETURNS void
LANGUAGE sql SET search_path = mhero, pg_catalog AS $$
    INSERT INTO audit_log (action, table_name, row_key, after) VALUES (p_action, p_table, p_key::text, p_after)
$$;

CREATE FUNCTION locked_template(p_template bigint) RETURNS template
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    t template;
BEGIN
    SELECT * INTO t FROM template WHERE id = p_template FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template % does not exist', p_template USING ERRCODE = 'no_data_found';
    END IF;
    IF t.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'template "%" is retired', t.name USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN t;
END
$$;

-- Locks a version and its template (in that order everywhere: template first), refusing retired
-- templates.
CREATE FUNCTION locked_version(p_version bigint) RETURNS template_version
LANGUAGE plpgsql SET search_path = mhero, pg_catalog AS $$
DECLARE
    tid bigint;
    v template_version;
BEGIN
    SELECT template_id INTO tid FROM template_version WHERE id = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'template version % does not exist', p_version USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM locked_template(tid);
    SELECT * INTO v FROM template_version WHERE id = p_version FOR UPDATE;
    RETURN v;
END
$$;

CREATE FUNCTION clean_tags(p_tags text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = mhero, pg_catalog AS $$
    SELECT coalesce(array_agg(DISTINCT lower(btrim(t)) ORDER BY lower(btrim(t))), '{}')
      FROM unnest(coalesce(p_tags, '{}')) AS t WHERE btrim(t) <> ''
$$;

CREATE FUNCTION check_template_fields(p_name text, p_category text, p_tags text[]) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF p_name IS NULL OR length(btrim(p_name)) NOT BETWEEN 1 AND 200 THEN
        RAISE EXCEPTION 'a template needs a name of 1 to 200 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_category IS NULL OR p_category NOT IN ('clinical', 'hr_payroll', 'outbreak', 'training', 'general') THEN
        RAISE EXCEPTION 'unknown template category "%"', p_category USING ERRCODE = 'invalid_parameter_value',
            HINT = 'clinical, hr_payroll, outbreak, training or general';
    END IF;
    IF EXISTS (SELECT FROM unnest(clean_tags(p_tags)) t WHERE length(t) > 40) THEN
        RAISE EXCEPTION 'a tag has more than 40 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The functions.
CREATE FUNCTION create_template(p_name text, p_category text, p_tags text[] DEFAULT '{}') RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Name, category and tags describe the template, not its wording: they are not versioned.
CREATE FUNCTION update_template(p_template bigint, p_name text, p_category text, p_tags text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Saves the wording: p_bodies is {"en": "…", "fr": "…"}. Edits the newest version when it is a
-- draft or was rejected (it becomes a draft again); otherwise (submitted, approved, retired, or
-- no version yet) starts a new draft version, and whatever is approved stays in use.
CREATE FUNCTION save_draft(p_template bigint, p_bodies jsonb, p_example_questions text[] DEFAULT '{}',
                           p_whatsapp_template_name text DEFAULT NULL, p_whatsapp_language text DEFAULT NULL,
                           p_free_placeholders text[] DEFAULT '{}')
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

CREATE FUNCTION submit_version(p_version bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Four eyes: nobody approves or rejects wording they wrote or edited.
CREATE FUNCTION require_other_eyes(v template_version) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF session_user IN (v.author, v.last_editor) OR session_user = ANY (v.editors) THEN
        RAISE EXCEPTION 'you wrote or edited template version %; another supervisor must decide on it', v.id
            USING ERRCODE = 'insufficient_privilege', HINT = 'four-eyes';
    END IF;
END
$$;

-- Approving makes this version the one in use; the previously approved version is retired
-- (superseded) in the same transaction, so there is never a moment with two or none.
CREATE FUNCTION approve_version(p_version bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

CREATE FUNCTION reject_version(p_version bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Withdraws an approved version from use; the template then has nothing to send until a new
-- version is approved.
CREATE FUNCTION retire_version(p_version bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
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
$$;

-- Retires a whole template: nothing of it can be sent or edited any more (history is kept).
CREATE FUNCTION retire_template(p_template bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    PERFORM require_template_approver();
    PERFORM locked_template(p_template);
    UPDATE template_version SET status = 'retired', retired_at = now(), retired_by = session_user, updated_at = now()
     WHERE template_id = p_template AND status = 'approved';
    UPDATE template SET retired_at = now(), retired_by = session_user, updated_at = now() WHERE id = p_template;
    PERFORM log_template('template_retire', 'template', p_template, NULL);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants. Every signed-in console role may call the functions, so a refused caller gets the
-- function's own sentence ("only supervisors approve…") rather than a bare permission error;
-- the functions decide.
REVOKE EXECUTE ON FUNCTION template_builtin_placeholders(), template_body_problem(text, text, text[], integer),
                           template_max_body_chars(), check_version_bodies(bigint), template_body_guard(),
                           template_version_guard(), require_template_editor(),
                           require_template_approver(), log_template(text, text, bigint, jsonb),
                           locked_template(bigint), locked_version(bigint), clean_tags(text[]),
                           check_template_fields(text, text, text[]), require_other_eyes(template_version),
                           create_template(text, text, text[]), update_template(bigint, text, text, text[]),
                           save_draft(bigint, jsonb, text[], text, text, text[]), submit_version(bigint),
                           approve_version(bigint), reject_version(bigint, text), retire_version(bigint),
                           retire_template(bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION create_template(text, text, text[]), update_template(bigint, text, text, text[]),
                          save_draft(bigint, jsonb, text[], text, text, text[]), submit_version(bigint),
                          approve_version(bigint), reject_version(bigint, text), retire_version(bigint),
                          retire_template(bigint)
    TO mhero_agent, mhero_supervisor, mhero_admin;
-- The editor checks a body the way the server will.
GRANT EXECUTE ON FUNCTION template_body_problem(text, text, text[], integer), template_builtin_placeholders(),
                          template_max_body_chars()
    TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;
