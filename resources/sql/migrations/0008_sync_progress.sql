-- mHero Console schema, migration 8: a running directory sync says how far it has got.
--
-- The sync engine (mhero-server, the in-console engine on a private cluster, `mhero-admin sync`)
-- writes the pass it is reading and its pages and resources so far to the source's `directory`
-- row every couple of seconds, and NOTIFY mhero_sync (payload: the source id) wakes the consoles'
-- directory pages, which show it. Cleared when the run ends; a progress_at older than a few
-- minutes means the engine stopped without clearing it (the console then does not show it).
SET LOCAL search_path = mhero, pg_catalog;

ALTER TABLE sync_state
    ADD COLUMN progress    jsonb CHECK (progress IS NULL OR jsonb_typeof(progress) = 'object'),
    ADD COLUMN progress_at timestamptz;
GRANT SELECT (progress, progress_at) ON sync_state TO mhero_agent;
