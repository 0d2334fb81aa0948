-- mhero.log_template(text,text,bigint,jsonb)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.log_template(p_action text, p_table text, p_key bigint, p_after jsonb)
 RETURNS void
 LANGUAGE sql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
    INSERT INTO audit_log (action, table_name, row_key, after) VALUES (p_action, p_table, p_key::text, p_after)
$function$;

REVOKE ALL ON FUNCTION mhero.log_template(text,text,bigint,jsonb) FROM PUBLIC;
