-- mHero Console schema, migration 23: automatic replies with approved wording (issue 16, item 3).
--
--   * template.auto_reply / auto_reply_threshold: a supervisor lets the engine answer with this
--     template on its own when the ranker's confidence reaches the threshold. Off by default; set
--     only through set_template_auto_reply() (its file; supervisors, audited by the template's
--     audit trigger with the values before and after).
--   * message.automatic: the reply was queued by auto_reply() (its file), not typed or picked by
--     an agent, so the thread and the audit log can say so. Only outbound messages are automatic.
-- The rules (template opted in, confidence, approved wording, opted-out people, the platform's
-- window) are auto_reply()'s; the engine calling it after ranking an inbound message is not here.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.template
    ADD COLUMN auto_reply boolean NOT NULL DEFAULT false,
    ADD COLUMN auto_reply_threshold real NOT NULL DEFAULT 0.95
        CONSTRAINT auto_reply_threshold_range CHECK (auto_reply_threshold >= 0.5 AND auto_reply_threshold <= 1);

ALTER TABLE mhero.message
    ADD COLUMN automatic boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT automatic_only_outbound CHECK (NOT automatic OR direction = 'out');
