-- mhero.locked_conversation(bigint)
--
-- The definition in force (defined in migration 0003; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.locked_conversation(p_conversation bigint)
 RETURNS mhero.conversation
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    c conversation;
BEGIN
    SELECT * INTO c FROM conversation WHERE id = p_conversation FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'conversation % does not exist', p_conversation USING ERRCODE = 'no_data_found';
    END IF;
    RETURN c;
END
$function$;

REVOKE ALL ON FUNCTION mhero.locked_conversation(bigint) FROM PUBLIC;
