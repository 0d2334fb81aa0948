-- mhero.notify_outbox_progress
--
-- Defined with migration 21 (agents see the outbox's attempts); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").
-- Its trigger is (re)made here too, so the two never disagree.

-- A reply was tried and failed, given back for later, or retried: consoles showing its thread
-- redraw the attempts, the last error and the next try. The payload is the conversation id, as
-- for every other message change (mhero_message). A claim alone (attempts + 1, before the
-- request leaves) wakes them too: the attempt count moved.
CREATE OR REPLACE FUNCTION mhero.notify_outbox_progress() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('mhero_message', m.conversation_id::text) FROM mhero.message m WHERE m.id = NEW.message_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.notify_outbox_progress() FROM PUBLIC;
CREATE OR REPLACE TRIGGER notify_progress AFTER UPDATE OF attempts, next_attempt_at, last_error ON mhero.outbox
    FOR EACH ROW WHEN (OLD.attempts IS DISTINCT FROM NEW.attempts
                       OR OLD.next_attempt_at IS DISTINCT FROM NEW.next_attempt_at
                       OR OLD.last_error IS DISTINCT FROM NEW.last_error)
    EXECUTE FUNCTION mhero.notify_outbox_progress();
