-- mHero Console schema, migration 19: delivery statuses that arrive before their message is known.
--
-- Meta's status webhooks ("sent", "delivered", "read" for a wamid) can reach mhero-server before
-- the engine that sent the message has stored the wamid Meta answered with: the answer and the
-- webhook race, and under load the webhook may win. apply_statuses() matches no message then, and
-- without this table the status would be lost (the message would stay "queued" for ever when all
-- of them came early). The intake keeps such statuses here; the outbox applies them, in order of
-- arrival, in the same transaction that stores the message's id, and removes them. Statuses of
-- messages mHero never sent (another tool on the same number) are forgotten after a day.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

CREATE TABLE mhero.early_status (
    source_id   integer NOT NULL REFERENCES mhero.source ON DELETE CASCADE,
    external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 256),
    status      jsonb NOT NULL CHECK (jsonb_typeof(status) = 'object'),
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX early_status_message ON mhero.early_status (source_id, external_id);
CREATE INDEX early_status_age ON mhero.early_status (received_at);
-- Only the engine reads and writes it; administrators may look.
GRANT SELECT, INSERT, DELETE ON mhero.early_status TO mhero_service;
GRANT SELECT ON mhero.early_status TO mhero_admin;
