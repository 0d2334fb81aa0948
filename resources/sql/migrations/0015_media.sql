-- mHero Console schema, migration 15: media kept by the engine, read by consoles from the database.
--
-- Until now the thread showed an inbound picture by downloading its URL from the console: the
-- console talked to the messaging platform (or its storage), which it must never do, and
-- WhatsApp's links need the engine's token and expire. Now:
--
--   * every attachment of a message is a row of mhero.media (message, position): an inbound one
--     starts "pending" (a trigger adds it as the message is stored), the sync engine fetches it
--     through its channel adapter, keeps the bytes here (bytea, measured against large objects:
--     docs/messaging.md, bench/media_store.cpp) and a JPEG thumbnail made once, and sets it
--     "stored"; larger than the setting media.max_inbound_bytes it is "too_large" (size kept,
--     bytes not); what cannot be fetched is retried with backoff, then "failed" with the reason;
--   * consoles read the list (no bytes) through column grants and the bytes through
--     mhero.media_content(), which serves whoever may read the message;
--   * an agent's reply may carry one attachment (mhero.reply_with_media): its type and size are
--     checked against the conversation's channel kind (mhero.channel_kind, migration 14), and the
--     bytes are written in the same transaction as the message and its outbox row.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

CREATE TABLE mhero.media (
    message_id    bigint NOT NULL REFERENCES mhero.message ON DELETE CASCADE,
    position      smallint NOT NULL CHECK (position BETWEEN 0 AND 49),
    content_type  text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
    file_name     text CHECK (length(file_name) <= 255),
    url           text, -- where the platform keeps it (inbound); never shown to consoles
    size          bigint CHECK (size >= 0), -- bytes, once known
    bytes         bytea,
    thumbnail     bytea, -- JPEG, at most 320×320, for images that could be decoded
    state         text NOT NULL CHECK (state IN ('pending', 'stored', 'failed', 'too_large')),
    error         text,
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    fetched_at    timestamptz,
    PRIMARY KEY (message_id, position),
    CONSTRAINT media_stored_has_bytes CHECK ((state = 'stored') = (bytes IS NOT NULL)),
    CONSTRAINT media_size_matches CHECK (bytes IS NULL OR size = length(bytes))
);
-- Photos and voice notes are already compressed: storing them uncompressed (still out of line,
-- in TOAST) saves PostgreSQL a useless pglz attempt on every write.
ALTER TABLE mhero.media ALTER COLUMN bytes SET STORAGE EXTERNAL, ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
CREATE INDEX media_pending ON mhero.media (next_attempt_at) WHERE state = 'pending';

-- What consoles may read directly: everything but the bytes (and the platform's URL, which may
-- carry a token). The bytes come through media_content().
GRANT SELECT (message_id, position, content_type, file_name, size, state, error, fetched_at)
    ON mhero.media TO mhero_agent, mhero_admin;
GRANT SELECT, UPDATE ON mhero.media TO mhero_service;

INSERT INTO mhero.setting_definition (key, kind, minimum, maximum, choices, description) VALUES
    ('media.max_inbound_bytes', 'integer', 0, 1073741823, NULL,
     'Largest inbound attachment the sync engine keeps, in bytes (larger ones are listed as too large).'),
    ('media.max_attempts', 'integer', 1, 100, NULL,
     'Attempts to fetch an inbound attachment before it is marked failed.')
ON CONFLICT (key) DO NOTHING;
INSERT INTO mhero.setting (key, value) VALUES
    ('media.max_inbound_bytes', to_jsonb(25 * 1024 * 1024)),
    ('media.max_attempts', '8')
ON CONFLICT (key) DO NOTHING;

-- The functions (with their triggers) are in resources/sql/functions/: media_for_new_messages
-- (each attachment of a new inbound message waits for the engine), notify_media, media_content,
-- channel_accepts_media, queue_reply, reply and reply_with_media.

-- Attachments received before this migration: fetched like new ones (a link that expired
-- meanwhile ends as "failed" with the platform's answer).
INSERT INTO mhero.media (message_id, position, content_type, url, state)
SELECT m.id, a.n - 1, left(coalesce(nullif(a.e ->> 'content_type', ''), 'application/octet-stream'), 255),
       a.e ->> 'url', 'pending'
  FROM mhero.message m
 CROSS JOIN LATERAL jsonb_array_elements(m.attachments) WITH ORDINALITY AS a(e, n)
 WHERE m.direction = 'in' AND a.n <= 50 AND jsonb_typeof(a.e) = 'object';

