-- mhero.media_content
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").

-- The bytes of one attachment (or its thumbnail) for whoever may read its message: the roles
-- that read mhero.message (agents, supervisors, administrators), signed in as active users.
-- Empty when the attachment is not stored (or has no thumbnail).
CREATE OR REPLACE FUNCTION mhero.media_content(p_message bigint, p_position integer, p_thumbnail boolean DEFAULT false)
RETURNS TABLE (content_type text, file_name text, bytes bytea)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM mhero.require_active_user();
    IF NOT has_table_privilege(session_user, 'mhero.message', 'SELECT') THEN
        RAISE EXCEPTION 'you may not read messages' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT md.content_type, md.file_name, CASE WHEN p_thumbnail THEN md.thumbnail ELSE md.bytes END
          FROM mhero.media md
         WHERE md.message_id = p_message AND md.position = p_position AND md.state = 'stored'
           AND (NOT p_thumbnail OR md.thumbnail IS NOT NULL);
END
$$;
REVOKE ALL ON FUNCTION mhero.media_content(bigint, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.media_content(bigint, integer, boolean) TO mhero_agent, mhero_admin;
