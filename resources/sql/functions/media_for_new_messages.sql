-- mhero.media_for_new_messages
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").
-- Its trigger is (re)made here too, so the two never disagree.

-- Each attachment of a new inbound message waits for the engine. One statement may store a page
-- of messages: the trigger sees them all at once.
CREATE OR REPLACE FUNCTION mhero.media_for_new_messages() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO mhero.media (message_id, position, content_type, url, state)
    SELECT m.id, a.n - 1,
           left(coalesce(nullif(a.e ->> 'content_type', ''), 'application/octet-stream'), 255),
           a.e ->> 'url', 'pending'
      FROM new_messages m
     CROSS JOIN LATERAL jsonb_array_elements(m.attachments) WITH ORDINALITY AS a(e, n)
     WHERE m.direction = 'in' AND a.n <= 50 AND jsonb_typeof(a.e) = 'object'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.media_for_new_messages() FROM PUBLIC;
CREATE OR REPLACE TRIGGER media_for_new_messages AFTER INSERT ON mhero.message
    REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION mhero.media_for_new_messages();
