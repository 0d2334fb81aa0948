-- mhero.url_origin(text)
--
-- The definition in force (defined in migration 0012; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.url_origin(p_url text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE STRICT
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    m text[];
    scheme text;
    port integer;
BEGIN
    m := regexp_match(p_url, '^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/?#]*@)?(\[[0-9A-Fa-f:.]+\]|[^:/?#@\[\]]+)(?::([0-9]{0,5}))?(?:[/?#]|$)');
    IF m IS NULL THEN
        RETURN NULL;
    END IF;
    scheme := lower(m[1]);
    IF scheme NOT IN ('http', 'https') THEN
        RETURN NULL;
    END IF;
    port := CASE WHEN coalesce(m[3], '') = '' THEN CASE scheme WHEN 'http' THEN 80 ELSE 443 END
                 ELSE m[3]::integer END;
    IF port < 1 OR port > 65535 THEN
        RETURN NULL;
    END IF;
    RETURN scheme || '://' || lower(m[2]) || ':' || port;
END
$function$;

REVOKE ALL ON FUNCTION mhero.url_origin(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.url_origin(text) TO mhero_admin, mhero_service;
