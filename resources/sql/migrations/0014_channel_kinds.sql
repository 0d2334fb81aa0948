-- mHero Console schema, migration 14: the kinds of channel a conversation may use are data.
--
-- Until now the SQL said kind = 'rapidpro' wherever it meant "a messaging channel"
-- (start_conversation in migrations 3 and 5). mhero.channel_kind lists the source kinds that carry
-- conversations, with what each can carry, as its adapter declares them in C++
-- (channels::ChannelAdapter::capabilities(); a test holds the two equal). Functions ask this table;
-- the composer reads it to offer only what the platform accepts (text length, media, templates,
-- the reply window). Adding WhatsApp or Messenger is a row here plus its adapter.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

CREATE TABLE mhero.channel_kind (
    kind                 text PRIMARY KEY CHECK (kind ~ '^[a-z][a-z0-9_]{1,30}$'),
    platform             text NOT NULL CHECK (length(platform) BETWEEN 1 AND 60), -- as people know it
    -- Free text only this long after the person last wrote (WhatsApp: 86400); NULL: no window.
    reply_window_seconds integer CHECK (reply_window_seconds > 0),
    -- MIME types an agent may send ('image/*' matches every image type); empty: text only.
    media_types          text[] NOT NULL DEFAULT '{}',
    max_media_bytes      integer NOT NULL DEFAULT 0 CHECK (max_media_bytes >= 0),
    templates            boolean NOT NULL DEFAULT false, -- the platform's own approved templates
    max_text_length      integer NOT NULL DEFAULT 0 CHECK (max_text_length >= 0) -- 0: no known limit
);
GRANT SELECT ON mhero.channel_kind TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;

-- RapidPro: messages of up to 640 characters (its API refuses longer text), no window of its own
-- (the channel behind it may have one), attachments uploaded through media.json.
INSERT INTO mhero.channel_kind (kind, platform, media_types, max_media_bytes, max_text_length)
VALUES ('rapidpro', 'RapidPro',
        ARRAY['image/jpeg', 'image/png', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'video/mp4', 'application/pdf'],
        25 * 1024 * 1024, 640);
