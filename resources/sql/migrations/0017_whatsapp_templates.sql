-- mHero Console schema, migration 17: WhatsApp's own templates and the reply window as the
-- database enforces it (issue 14).
--
--   * mhero.whatsapp_template: the message templates of each WhatsApp number's Business Account
--     as Meta last reported them (the template list, and the message_template_status_update
--     webhook): name, language, status (APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …),
--     category, components. Only the sync engine writes it; agents read it (the composer offers
--     only what is APPROVED).
--   * channel_kind.agent_window_seconds: how long after the person last wrote a person (an agent,
--     not automation) may still reply: WhatsApp 24 hours like any message; Messenger 7 days with
--     the HUMAN_AGENT tag (Meta's Messenger Platform policy). queue_reply() (its file) refuses a
--     reply outside it unless it is an approved WhatsApp template of that number.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.channel_kind ADD COLUMN agent_window_seconds integer CHECK (agent_window_seconds > 0);
UPDATE mhero.channel_kind SET agent_window_seconds = 86400 WHERE kind = 'whatsapp';
UPDATE mhero.channel_kind SET agent_window_seconds = 7 * 86400 WHERE kind = 'messenger';

CREATE TABLE mhero.whatsapp_template (
    source_id   integer NOT NULL REFERENCES mhero.source ON DELETE CASCADE,
    name        text NOT NULL CHECK (name ~ '^[a-z0-9_]+$' AND length(name) <= 512),
    language    text NOT NULL CHECK (language ~ '^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$'),
    status      text NOT NULL CHECK (status ~ '^[A-Z_]{1,40}$'),
    category    text CHECK (category ~ '^[A-Z_]{1,40}$'),
    template_id text CHECK (length(template_id) <= 64),
    components  jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(components) = 'array'),
    reason      text CHECK (length(reason) <= 500), -- Meta's reason for a rejection or a pause
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, name, language)
);
GRANT SELECT ON mhero.whatsapp_template TO mhero_agent, mhero_admin, mhero_service;
GRANT INSERT, UPDATE, DELETE ON mhero.whatsapp_template TO mhero_service;
