-- mhero.template_body_problem(text,text,text[],integer)
--
-- The definition in force (defined in migration 0004; its comments say why).
-- It changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations").

CREATE OR REPLACE FUNCTION mhero.template_body_problem(p_language text, p_body text, p_free text[], p_max integer)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    n integer := length(p_body);
    i integer := 1;
    j integer;
    ch text;
    open_at integer := 0;
    inner_name text;
BEGIN
    IF p_body IS NULL OR btrim(p_body, E' \t\r\n') = '' THEN
        RETURN format('the %s body is empty', p_language);
    END IF;
    IF p_max > 0 AND n > p_max THEN
        RETURN format('the %s body has %s characters; the limit is %s', p_language, n, p_max);
    END IF;
    WHILE i <= n LOOP
        ch := substr(p_body, i, 1);
        IF ch IN ('{', '}') THEN
            j := i;
            WHILE j <= n AND substr(p_body, j, 1) = ch LOOP
                j := j + 1;
            END LOOP;
            IF j - i >= 3 THEN
                RETURN format('the %s body has unbalanced braces at character %s (%s in a row)', p_language, i, j - i);
            ELSIF j - i = 2 AND ch = '{' THEN
                IF open_at > 0 THEN
                    RETURN format('the %s body has unbalanced braces: "{{" at character %s is not closed', p_language, open_at);
                END IF;
                open_at := i;
            ELSIF j - i = 2 THEN
                IF open_at = 0 THEN
                    RETURN format('the %s body has unbalanced braces: "}}" at character %s closes nothing', p_language, i);
                END IF;
                inner_name := btrim(substr(p_body, open_at + 2, i - open_at - 2), ' ');
                IF inner_name !~ '^[a-z][a-z0-9_]{0,63}$' THEN
                    RETURN format('the %s body has an invalid placeholder "{{%s}}" at character %s', p_language,
                                  substr(p_body, open_at + 2, i - open_at - 2), open_at);
                END IF;
                IF NOT inner_name = ANY (template_builtin_placeholders() || coalesce(p_free, '{}')) THEN
                    RETURN format('the %s body uses the unknown placeholder {{%s}} at character %s', p_language,
                                  inner_name, open_at);
                END IF;
                open_at := 0;
            END IF;
            i := j;
        ELSE
            i := i + 1;
        END IF;
    END LOOP;
    IF open_at > 0 THEN
        RETURN format('the %s body has unbalanced braces: "{{" at character %s is not closed', p_language, open_at);
    END IF;
    RETURN NULL;
END
$function$;

REVOKE ALL ON FUNCTION mhero.template_body_problem(text,text,text[],integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.template_body_problem(text,text,text[],integer) TO mhero_admin, mhero_agent, mhero_service, mhero_supervisor;
