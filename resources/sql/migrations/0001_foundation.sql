-- mHero Console schema, migration 1: the foundation.
--
-- Every table lives in schema "mhero". Permissions are PostgreSQL's own: four group roles carry
-- the grants, each person signs in with a login role that is a member of one of them, and state
-- changes that need rules go through SECURITY DEFINER functions that check session_user (inside a
-- SECURITY DEFINER function current_user is the function's owner, so the caller is session_user).
-- docs/security.md explains the model; tests/core/tst_security.cpp proves the refusals.
--
-- The migrator (mhero-admin migrate) runs this file in one transaction, as the database owner, who
-- needs CREATEROLE (the group roles are cluster-wide objects).

-- ---------------------------------------------------------------------------------------------
-- Group roles. Roles are cluster-wide, so another database (or a concurrent migration of one) may
-- have created them already.
DO $roles$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['mhero_agent', 'mhero_supervisor', 'mhero_admin', 'mhero_service'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- created meanwhile by a concurrent migration
            END;
        END IF;
    END LOOP;
END
$roles$;

-- Supervisors answer conversations too: they hold every agent right, plus their own.
GRANT mhero_agent TO mhero_supervisor;

-- The migrator created schema mhero (it holds schema_migrations); lock it down.
REVOKE ALL ON SCHEMA mhero FROM PUBLIC;
GRANT USAGE ON SCHEMA mhero TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;
-- Functions are executable by PUBLIC by default; in this schema every EXECUTE is granted explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA mhero REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

SET LOCAL search_path = mhero, pg_catalog;

-- ---------------------------------------------------------------------------------------------
-- Migration bookkeeping (created by the migrator before this file runs; readable by every user
-- so that a console can check the schema version it talks to).
GRANT SELECT ON schema_migrations TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;

-- ---------------------------------------------------------------------------------------------
-- People who use the console. role_name is their PostgreSQL login role.
CREATE TABLE app_user (
    role_name     name PRIMARY KEY,
    display_name  text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    kind          text NOT NULL CHECK (kind IN ('agent', 'supervisor', 'admin', 'service')),
    languages     text[] NOT NULL DEFAULT '{en}'
                  CHECK (cardinality(languages) >= 1 AND array_position(languages, NULL) IS NULL),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    name NOT NULL DEFAULT session_user
);

-- Deployment settings (default phone region, free-text policy, …), one JSON value per key.
CREATE TABLE setting (
    key           text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,62}$'),
    value         jsonb NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    name NOT NULL DEFAULT session_user
);

-- ---------------------------------------------------------------------------------------------
-- External systems: FHIR registries and messaging platforms. Secrets live apart, readable only by
-- the sync engine's role.
CREATE TABLE source (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    kind          text NOT NULL CHECK (kind IN ('fhir', 'rapidpro', 'whatsapp', 'file')),
    base_url      text CHECK (base_url ~ '^https?://'),
    config        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(config) = 'object'),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- 'file' sources are Bundle files imported by hand; every other kind is reached over HTTP(S).
    CONSTRAINT url_for_remote CHECK (kind = 'file' OR base_url IS NOT NULL)
);

CREATE TABLE source_secret (
    source_id     integer PRIMARY KEY REFERENCES source ON DELETE CASCADE,
    secret        text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    name NOT NULL DEFAULT session_user
);

-- Cursor per source and job ("practitioners", "messages", …) so syncs resume where they stopped.
CREATE TABLE sync_state (
    source_id     integer NOT NULL REFERENCES source ON DELETE CASCADE,
    job           text NOT NULL CHECK (job ~ '^[a-z][a-z0-9_]*$'),
    cursor        text,
    last_run_at   timestamptz,
    last_success_at timestamptz,
    last_error    text,
    PRIMARY KEY (source_id, job)
);

-- ---------------------------------------------------------------------------------------------
-- The directory: health workers (FHIR Practitioner) and patients (FHIR Patient).
CREATE TABLE health_worker (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     integer NOT NULL REFERENCES source,
    resource_type text NOT NULL CHECK (resource_type IN ('Practitioner', 'Patient')),
    resource_id   text NOT NULL CHECK (resource_id ~ '^[A-Za-z0-9.-]{1,64}$'),
    given_name    text,
    family_name   text,
    display_name  text NOT NULL CHECK (length(btrim(display_name)) > 0),
    gender        text CHECK (gender IN ('male', 'female', 'other', 'unknown')),
    cadre         text,
    job           text,
    facility      text,
    district      text,
    region        text,
    language      text,
    identifiers   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(identifiers) = 'array'),
    active        boolean NOT NULL DEFAULT true,
    source_updated_at timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_id, resource_type, resource_id)
);

-- Phone numbers as the registry holds them, with their E.164 form when libphonenumber accepts them.
CREATE TABLE health_worker_phone (
    health_worker_id bigint NOT NULL REFERENCES health_worker ON DELETE CASCADE,
    raw           text NOT NULL CHECK (length(raw) BETWEEN 1 AND 64),
    e164          text CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    valid         boolean NOT NULL GENERATED ALWAYS AS (e164 IS NOT NULL) STORED,
    use           text, -- FHIR ContactPoint.use: work, mobile, home…
    PRIMARY KEY (health_worker_id, raw)
);
CREATE INDEX health_worker_phone_e164 ON health_worker_phone (e164) WHERE e164 IS NOT NULL;

-- Addresses on messaging platforms, in RapidPro's URN forms: tel:+231770123456,
-- whatsapp:231770123456, facebook:…, telegram:…. An inbound URN with no known person stays
-- unlinked ("unknown contact") until an agent links it.
CREATE TABLE contact_urn (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    urn           text NOT NULL UNIQUE CHECK (urn ~ '^(tel|whatsapp|facebook|telegram|viber|line|ext|mailto):[^[:space:]]+$'),
    scheme        text NOT NULL GENERATED ALWAYS AS (split_part(urn, ':', 1)) STORED,
    health_worker_id bigint REFERENCES health_worker ON DELETE SET NULL,
    display       text,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'blocked')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_urn_health_worker ON contact_urn (health_worker_id);

-- ---------------------------------------------------------------------------------------------
-- Templates: government-approved wording. A template has versions; a version has one body per
-- language. The four-eyes rule is also a constraint, so not even a definer function can break it.
CREATE TABLE template (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    category      text NOT NULL CHECK (category IN ('clinical', 'hr_payroll', 'outbreak', 'training', 'general')),
    tags          text[] NOT NULL DEFAULT '{}',
    retired_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    name NOT NULL DEFAULT session_user
);

CREATE TABLE template_version (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id   bigint NOT NULL REFERENCES template ON DELETE CASCADE,
    version       integer NOT NULL CHECK (version >= 1),
    status        text NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'retired')),
    example_questions text[] NOT NULL DEFAULT '{}',
    whatsapp_template_name text,
    whatsapp_language text,
    author        name NOT NULL DEFAULT session_user,
    last_editor   name NOT NULL DEFAULT session_user,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    decided_by    name,
    decided_at    timestamptz,
    rejection_reason text,
    UNIQUE (template_id, version),
    CONSTRAINT rejection_has_reason CHECK (status <> 'rejected' OR length(btrim(rejection_reason)) > 0),
    CONSTRAINT decision_recorded CHECK (status NOT IN ('approved', 'rejected', 'retired')
                                        OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CONSTRAINT four_eyes CHECK (decided_by IS NULL OR (decided_by <> author AND decided_by <> last_editor))
);
-- At most one approved version per template at a time.
CREATE UNIQUE INDEX template_version_one_approved ON template_version (template_id) WHERE status = 'approved';

CREATE TABLE template_body (
    template_version_id bigint NOT NULL REFERENCES template_version ON DELETE CASCADE,
    language      text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    body          text NOT NULL CHECK (length(btrim(body)) > 0),
    PRIMARY KEY (template_version_id, language)
);

-- ---------------------------------------------------------------------------------------------
-- Conversations and messages.
CREATE TABLE conversation (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    urn_id        bigint NOT NULL REFERENCES contact_urn,
    channel_source_id integer REFERENCES source,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved')),
    assignee      name REFERENCES app_user (role_name) ON UPDATE CASCADE,
    language      text,
    opened_at     timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    last_inbound_at timestamptz,
    window_ends_at timestamptz, -- WhatsApp customer-service window (24 h after the last inbound)
    unread_count  integer NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
    resolved_at   timestamptz,
    CONSTRAINT resolved_when CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
-- One conversation is open per contact address and channel; resolved ones are history.
CREATE UNIQUE INDEX conversation_one_open ON conversation (urn_id, coalesce(channel_source_id, 0))
    WHERE status <> 'resolved';
CREATE INDEX conversation_queue ON conversation (status, assignee, last_activity_at DESC, id DESC);

CREATE TABLE message (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint NOT NULL REFERENCES conversation ON DELETE CASCADE,
    direction     text NOT NULL CHECK (direction IN ('in', 'out')),
    text          text NOT NULL DEFAULT '',
    attachments   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
    template_version_id bigint REFERENCES template_version,
    author        name,
    source_id     integer REFERENCES source,
    external_id   text,
    status        text NOT NULL CHECK (status IN ('received', 'queued', 'sent', 'delivered', 'read', 'failed')),
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    delivered_at  timestamptz,
    read_at       timestamptz,
    failed_at     timestamptz,
    -- Polling twice or a retried webhook never duplicates a message.
    CONSTRAINT message_external_unique UNIQUE (source_id, external_id),
    CONSTRAINT direction_status CHECK ((direction = 'in') = (status = 'received')),
    CONSTRAINT author_only_outbound CHECK (direction = 'out' OR author IS NULL),
    CONSTRAINT not_empty CHECK (length(text) > 0 OR jsonb_array_length(attachments) > 0)
);
CREATE INDEX message_thread ON message (conversation_id, created_at DESC, id DESC);

-- Transactional outbox: a row per outbound message still to be handed to its platform.
CREATE TABLE outbox (
    message_id    bigint PRIMARY KEY REFERENCES message ON DELETE CASCADE,
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error    text,
    claimed_by    text,
    claimed_at    timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at);

-- Notes agents leave on a conversation or a person. Never sent.
CREATE TABLE note (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint REFERENCES conversation ON DELETE CASCADE,
    health_worker_id bigint REFERENCES health_worker ON DELETE CASCADE,
    author        name NOT NULL DEFAULT session_user,
    body          text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 10000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT note_has_subject CHECK (conversation_id IS NOT NULL OR health_worker_id IS NOT NULL)
);
CREATE INDEX note_conversation ON note (conversation_id);

-- ---------------------------------------------------------------------------------------------
-- The audit log: written only by triggers and definer functions, never changed afterwards.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor         name NOT NULL DEFAULT session_user,
    action        text NOT NULL,
    table_name    text,
    row_key       text,
    before        jsonb,
    after         jsonb,
    client_addr   inet DEFAULT inet_client_addr(),
    application   text DEFAULT current_setting('application_name', true)
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_row ON audit_log (table_name, row_key);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Generic row audit: TG_ARGV[0] names the key column. Secrets never reach the log: tables holding
-- them are simply not audited by row (source_secret changes are logged by set_source_secret()).
CREATE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NEW;
    END IF;
    INSERT INTO audit_log (action, table_name, row_key, before, after)
    VALUES (lower(TG_OP), TG_TABLE_NAME,
            coalesce(new_row, old_row) ->> TG_ARGV[0], old_row, new_row);
    RETURN coalesce(NEW, OLD);
END
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION audit_row('role_name');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON setting
    FOR EACH ROW EXECUTE FUNCTION audit_row('key');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON source
    FOR EACH ROW EXECUTE FUNCTION audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON template
    FOR EACH ROW EXECUTE FUNCTION audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON template_version
    FOR EACH ROW EXECUTE FUNCTION audit_row('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON template_body
    FOR EACH ROW EXECUTE FUNCTION audit_row('template_version_id');
-- Conversations change often (every message); only assignment and status are worth an entry.
CREATE TRIGGER audit AFTER UPDATE OF assignee, status ON conversation
    FOR EACH ROW WHEN (OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION audit_row('id');

-- ---------------------------------------------------------------------------------------------
-- Who am I? The console calls this right after signing in.
CREATE FUNCTION whoami(
    OUT role_name name, OUT display_name text, OUT kind text, OUT languages text[], OUT active boolean,
    OUT is_agent boolean, OUT is_supervisor boolean, OUT is_admin boolean, OUT is_service boolean)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = mhero, pg_catalog AS $$
    SELECT session_user, u.display_name, u.kind, u.languages, coalesce(u.active, false),
           pg_has_role(session_user, 'mhero_agent', 'USAGE'),
           pg_has_role(session_user, 'mhero_supervisor', 'USAGE'),
           pg_has_role(session_user, 'mhero_admin', 'USAGE'),
           pg_has_role(session_user, 'mhero_service', 'USAGE')
    FROM (SELECT) AS one
    LEFT JOIN app_user u ON u.role_name = session_user
$$;

-- User administration. Only members of mhero_admin may call these; they create login roles that
-- belong to exactly one mhero group, with a password the client has already turned into a SCRAM
-- verifier, so no plain password ever reaches the server or its logs.
CREATE FUNCTION create_user(p_name text, p_kind text, p_display_name text, p_languages text[],
                            p_password_verifier text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can add users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_name IS NULL OR p_name !~ '^[a-z][a-z0-9_.]{1,62}$' OR p_name ~ '^(pg_|mhero_)' THEN
        RAISE EXCEPTION 'invalid user name "%"', p_name
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use 2 to 63 lower-case letters, digits, "_" or "."; names starting with pg_ or mhero_ are reserved.';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('agent', 'supervisor', 'admin', 'service') THEN
        RAISE EXCEPTION 'invalid user kind "%"', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_password_verifier IS NULL OR p_password_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password must be sent as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
        RAISE EXCEPTION 'a database role named "%" already exists', p_name USING ERRCODE = 'duplicate_object';
    END IF;

    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD %L',
                   p_name, p_password_verifier);
    EXECUTE format('GRANT %I TO %I', 'mhero_' || p_kind, p_name);
    INSERT INTO app_user (role_name, display_name, kind, languages)
    VALUES (p_name, coalesce(nullif(btrim(p_display_name), ''), p_name), p_kind,
            coalesce(nullif(p_languages, '{}'), '{en}'));
END
$$;

CREATE FUNCTION set_user_active(p_name text, p_active boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can enable or disable users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT FROM app_user WHERE role_name = p_name) THEN
        RAISE EXCEPTION 'no mHero user named "%"', p_name USING ERRCODE = 'no_data_found';
    END IF;
    IF p_name = session_user AND NOT p_active THEN
        RAISE EXCEPTION 'you cannot disable your own account' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', p_name, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE app_user SET active = p_active WHERE role_name = p_name;
END
$$;

-- Source secrets (API tokens, passwords): administrators may set them, only the sync engine reads.
CREATE FUNCTION set_source_secret(p_source text, p_secret text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog AS $$
DECLARE
    sid integer;
BEGIN
    IF NOT pg_has_role(session_user, 'mhero_admin', 'USAGE') THEN
        RAISE EXCEPTION 'only mHero administrators can set source credentials' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT id INTO sid FROM source WHERE name = p_source;
    IF sid IS NULL THEN
        RAISE EXCEPTION 'no source named "%"', p_source USING ERRCODE = 'no_data_found';
    END IF;
    IF p_secret IS NULL OR p_secret = '' THEN
        DELETE FROM source_secret WHERE source_id = sid;
    ELSE
        INSERT INTO source_secret (source_id, secret) VALUES (sid, p_secret)
        ON CONFLICT (source_id) DO UPDATE SET secret = EXCLUDED.secret, updated_at = now(), updated_by = session_user;
    END IF;
    INSERT INTO audit_log (action, table_name, row_key, after)
    VALUES ('set_secret', 'source_secret', sid::text, jsonb_build_object('source', p_source, 'cleared', p_secret IS NULL OR p_secret = ''));
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Row-level security where rows differ by person: a note belongs to its author.
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_read ON note FOR SELECT USING (true);
CREATE POLICY note_write ON note FOR INSERT WITH CHECK (author = session_user);
CREATE POLICY note_edit ON note FOR UPDATE USING (author = session_user) WITH CHECK (author = session_user);
CREATE POLICY note_delete ON note FOR DELETE USING (author = session_user);

-- ---------------------------------------------------------------------------------------------
-- Grants: each group can do exactly its job. Anything not granted here is refused (42501).

-- Everyone who signs in can read the people and settings the console shows.
GRANT SELECT ON app_user, setting TO mhero_agent, mhero_admin, mhero_service;
GRANT SELECT (id, name, kind, base_url, config, enabled, created_at, updated_at) ON source
    TO mhero_agent, mhero_admin, mhero_service;
GRANT EXECUTE ON FUNCTION whoami() TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;

-- Agents (and, through membership, supervisors): read the directory, the conversations and the
-- templates; write their own notes. Replies, claims and template changes go through functions
-- that later migrations add.
GRANT SELECT ON health_worker, health_worker_phone, contact_urn, conversation, message,
                template, template_version, template_body, note
    TO mhero_agent;
GRANT INSERT (conversation_id, health_worker_id, body), UPDATE (body, updated_at), DELETE ON note TO mhero_agent;

-- Supervisors: read the audit log.
GRANT SELECT ON audit_log TO mhero_supervisor;

-- Administrators (IT): users, settings and sources; read everything needed to support users.
GRANT SELECT ON audit_log, sync_state, health_worker, health_worker_phone, contact_urn,
                conversation, message, outbox, template, template_version, template_body TO mhero_admin;
GRANT INSERT, UPDATE, DELETE ON setting TO mhero_admin;
GRANT INSERT (name, kind, base_url, config, enabled), UPDATE (base_url, config, enabled, updated_at), DELETE
    ON source TO mhero_admin;
GRANT EXECUTE ON FUNCTION create_user(text, text, text, text[], text), set_user_active(text, boolean),
                          set_source_secret(text, text)
    TO mhero_admin;

-- The sync engine: writes the directory, messages and the outbox; the only reader of secrets.
GRANT SELECT ON source_secret TO mhero_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON sync_state, health_worker, health_worker_phone, contact_urn,
                                        conversation, message, outbox
    TO mhero_service;
GRANT SELECT ON template, template_version, template_body TO mhero_service;

-- Nobody but the owner writes to the audit log; the triggers above refuse even the owner.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Defaults the console reads.
INSERT INTO setting (key, value) VALUES
    ('phone.default_region', '"LR"'),
    ('messaging.free_text_policy', '"templates_only"');
