-- mhero.notify_media
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").
-- Its trigger is (re)made here too, so the two never disagree.

-- The engine stored (or gave up on) an attachment: consoles showing the thread redraw it. The
-- payload is the conversation id, as for every other message change (mhero_message).
CREATE OR REPLACE FUNCTION mhero.notify_media() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('mhero_media', m.conversation_id::text) FROM mhero.message m WHERE m.id = NEW.message_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.notify_media() FROM PUBLIC;
CREATE OR REPLACE TRIGGER notify AFTER UPDATE OF state ON mhero.media
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION mhero.notify_media();
