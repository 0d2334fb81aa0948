-- mhero.require_own_temp_table(text)
--
-- The definition in force (defined in migration 0011; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.require_own_temp_table(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_class c
                WHERE c.oid = pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(p_table))
                  AND c.relowner IS DISTINCT FROM (SELECT r.oid FROM pg_catalog.pg_roles r
                                                    WHERE r.rolname = current_user)) THEN
        RAISE EXCEPTION 'refusing to use the temporary table "%": this session made it, not mHero', p_table
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$function$;

REVOKE ALL ON FUNCTION mhero.require_own_temp_table(text) FROM PUBLIC;
