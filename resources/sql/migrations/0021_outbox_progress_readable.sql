-- mHero Console schema, migration 21: agents see how the sending of a reply is going.
--
-- A reply waiting in the outbox looked the same whether it was about to go, had failed five times
-- against a server error, or sat behind a channel switched off (issue 17, day-one defect 5). The
-- thread now says which: the attempts so far, the last error and the next try. Agents (and
-- supervisors, by membership) read those columns of the outbox, nothing else of it: the claim
-- (claimed_by, claimed_at) and the attempt marker are the engine's business. Each change of them
-- wakes the consoles showing the thread (notify_outbox_progress, notify_source_outbox in
-- resources/sql/functions/).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

GRANT SELECT (message_id, attempts, next_attempt_at, last_error) ON mhero.outbox TO mhero_agent;
