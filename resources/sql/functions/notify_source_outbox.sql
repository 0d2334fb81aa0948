-- mhero.notify_source_outbox
--
-- Defined with migration 21 (agents see the outbox's attempts); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").
-- Its trigger is (re)made here too, so the two never disagree.

-- A channel switched off or on changes what its waiting replies say ("the channel is switched
-- off"): every conversation with a reply of that source in the outbox is redrawn.
CREATE OR REPLACE FUNCTION mhero.notify_source_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('mhero_message', w.conversation_id::text)
       FROM (SELECT DISTINCT m.conversation_id FROM mhero.outbox o JOIN mhero.message m ON m.id = o.message_id
              WHERE o.source_id = NEW.id) w;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.notify_source_outbox() FROM PUBLIC;
CREATE OR REPLACE TRIGGER notify_outbox AFTER UPDATE OF enabled ON mhero.source
    FOR EACH ROW WHEN (OLD.enabled IS DISTINCT FROM NEW.enabled)
    EXECUTE FUNCTION mhero.notify_source_outbox();
