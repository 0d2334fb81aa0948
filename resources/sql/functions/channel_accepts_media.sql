-- mhero.channel_accepts_media
--
-- Defined with migration 15 (media kept by the engine); it changes in this file only:
-- mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").

-- Whether a channel kind carries a content type: its media_types list holds it, or "type/*".
CREATE OR REPLACE FUNCTION mhero.channel_accepts_media(p_kind text, p_content_type text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = mhero, pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT FROM mhero.channel_kind k, unnest(k.media_types) AS t
                    WHERE k.kind = p_kind
                      AND (lower(t) = lower(p_content_type)
                           OR (t LIKE '%/*' AND lower(split_part(p_content_type, '/', 1)) = lower(split_part(t, '/', 1)))))
$$;
REVOKE ALL ON FUNCTION mhero.channel_accepts_media(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.channel_accepts_media(text, text) TO mhero_agent, mhero_admin, mhero_service;
