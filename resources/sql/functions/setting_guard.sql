-- mhero.setting_guard()
--
-- The definition in force (defined in migration 0005; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.setting_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    d setting_definition;
    known text;
BEGIN
    SELECT * INTO d FROM setting_definition WHERE key = NEW.key;
    IF NOT FOUND THEN
        SELECT string_agg(key, ', ' ORDER BY key) INTO known FROM setting_definition;
        RAISE EXCEPTION 'unknown setting "%"', NEW.key USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Known settings: ' || coalesce(known, 'none') || '.';
    END IF;
    IF d.kind = 'integer' THEN
        IF jsonb_typeof(NEW.value) <> 'number' OR (NEW.value #>> '{}') !~ '^-?[0-9]+$'
           OR (NEW.value #>> '{}')::numeric NOT BETWEEN d.minimum AND d.maximum THEN
            RAISE EXCEPTION 'setting "%" takes a whole number from % to %; % is not one', NEW.key, d.minimum,
                d.maximum, NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSIF d.kind = 'choice' THEN
        IF jsonb_typeof(NEW.value) <> 'string' OR NOT (NEW.value #>> '{}') = ANY (d.choices) THEN
            RAISE EXCEPTION 'setting "%" takes one of: %; % is not one', NEW.key, array_to_string(d.choices, ', '),
                NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSIF d.kind = 'region' THEN
        IF jsonb_typeof(NEW.value) <> 'string' OR (NEW.value #>> '{}') !~ '^[A-Z]{2}$' THEN
            RAISE EXCEPTION 'setting "%" takes a two-letter country code such as LR or SL; % is not one', NEW.key,
                NEW.value USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END
$function$;

REVOKE ALL ON FUNCTION mhero.setting_guard() FROM PUBLIC;
