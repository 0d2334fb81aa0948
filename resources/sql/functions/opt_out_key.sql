-- mhero.opt_out_key(text)
--
-- A reply as opt-out words are compared (migration 20): lower case, without accents, without
-- the spaces and punctuation around it, inner spaces made single. "  Arrêt !" → "arret".
CREATE OR REPLACE FUNCTION mhero.opt_out_key(p_text text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = mhero, pg_catalog, pg_temp AS $$
    SELECT regexp_replace(
               btrim(translate(lower(left(p_text, 60)), 'àáâãäçèéêëìíîïñòóôõöùúûüý', 'aaaaaceeeeiiiinooooouuuuy'),
                     E' \t\r\n.!?,;:-_\'"«»'),
               '\s+', ' ', 'g')
$$;
REVOKE ALL ON FUNCTION mhero.opt_out_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.opt_out_key(text) TO mhero_agent, mhero_admin, mhero_service;
