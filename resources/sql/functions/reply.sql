-- mhero.reply(bigint,text,bigint)
--
-- The definition in force (defined in migrations 0003, 0005; since migration 15 a reply is queued
-- by queue_reply(), which reply_with_media() shares). It changes in this file only: mhero-admin
-- migrate applies a changed file again (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.reply(p_conversation bigint, p_text text, p_template_version bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    RETURN mhero.queue_reply(p_conversation, p_text, p_template_version, '[]');
END
$$;
REVOKE ALL ON FUNCTION mhero.reply(bigint, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.reply(bigint, text, bigint) TO mhero_agent;
