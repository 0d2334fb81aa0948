-- mHero Console schema, migration 16: WhatsApp (Meta's Cloud API) and Facebook Messenger as
-- channels of their own, and the webhook events they push (issue 14).
--
--   * source.kind may be 'messenger' ('whatsapp' was foreseen in migration 1);
--   * both are channel kinds, with what each carries (Meta's limits: WhatsApp text 4,096
--     characters, Messenger 2,000; the 24-hour customer-service window — Messenger's HUMAN_AGENT
--     tag stretches it to 7 days for a person's reply, handled by its adapter);
--   * mhero.webhook_event keeps each webhook body exactly as it arrived and was verified, stored
--     before Meta gets its 200, processed afterwards: a crash after the answer loses nothing, and
--     a body Meta delivers twice is kept once (its SHA-256 per source is unique).
-- Functions live in resources/sql/functions/ (apply_read_watermark).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.source DROP CONSTRAINT source_kind_check,
    ADD CONSTRAINT source_kind_check CHECK (kind IN ('fhir', 'rapidpro', 'whatsapp', 'messenger', 'file'));

INSERT INTO mhero.channel_kind (kind, platform, reply_window_seconds, media_types, max_media_bytes, templates,
                                max_text_length)
VALUES ('whatsapp', 'WhatsApp', 86400,
        ARRAY['image/jpeg', 'image/png', 'audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg',
              'video/mp4', 'video/3gpp', 'application/pdf'],
        16 * 1024 * 1024, true, 4096),
       ('messenger', 'Messenger', 86400,
        ARRAY['image/jpeg', 'image/png', 'image/gif', 'audio/mpeg', 'audio/mp4', 'video/mp4', 'application/pdf'],
        25 * 1024 * 1024, false, 2000);

CREATE TABLE mhero.webhook_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id    integer NOT NULL REFERENCES mhero.source ON DELETE CASCADE,
    received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    body         bytea NOT NULL CHECK (length(body) BETWEEN 1 AND 1048576),
    body_sha256  bytea NOT NULL GENERATED ALWAYS AS (sha256(body)) STORED,
    processed_at timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    error        text, -- why it could not be (fully) used, for the administrator
    UNIQUE (source_id, body_sha256)
);
CREATE INDEX webhook_event_pending ON mhero.webhook_event (id) WHERE processed_at IS NULL;
CREATE INDEX webhook_event_processed ON mhero.webhook_event (processed_at) WHERE processed_at IS NOT NULL;
-- The engine receives and processes; administrators may look. Consoles never see raw events.
GRANT SELECT, INSERT, UPDATE, DELETE ON mhero.webhook_event TO mhero_service;
GRANT SELECT ON mhero.webhook_event TO mhero_admin;
