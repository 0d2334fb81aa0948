-- mHero Console schema, migration 10: notes looked up by the person they are about.
--
-- The Directory's details panel now shows the newest notes on a person (from any of their
-- conversations or left on the person), and the conversation's notes panel already read the
-- person's notes from other conversations (`n.conversation_id = … OR n.health_worker_id = …`).
-- Only conversation_id was indexed, so both read the whole note table. This index serves the
-- person's notes, and the OR as a BitmapOr of the two indexes (measured on the demo data with
-- 200,000 notes added, 500 on one person: the notes panel's query 113 ms before, a sequential
-- scan; 18 ms after, nearly all of it reading those 500 rows).
SET LOCAL search_path = mhero, pg_catalog;

CREATE INDEX note_health_worker ON note (health_worker_id, created_at DESC, id DESC);
