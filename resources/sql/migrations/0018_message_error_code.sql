-- mHero Console schema, migration 18: the platform's error code of a failed message (issue 14).
--
-- message.error keeps the words shown in the thread ("131026: Message undeliverable — …"); the
-- code beside it is what the console acts on without parsing text: WhatsApp 131047 (the reply
-- window has closed: offer approved WhatsApp templates), 131026 (the number cannot receive
-- WhatsApp messages: offer to write by SMS). apply_statuses() (its file) stores it from the
-- engine's status updates. Consoles read it like the rest of the message (migration 1's grant).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.message ADD COLUMN error_code integer;
