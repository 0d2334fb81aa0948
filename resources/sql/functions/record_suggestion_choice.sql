-- mhero.record_suggestion_choice(text,bigint[],bigint)
--
-- What an agent did with the suggestions for a question (migration 22): the ids the console
-- suggested, best first (empty when it abstained), and the template sent (NULL: none fitted).
-- When the template sent was not the first suggestion, the question is proposed as an example of
-- it, for a supervisor to approve; returns that proposal's id, else NULL. Only approved versions
-- of live templates can be chosen, so nothing retired is learnt.
CREATE OR REPLACE FUNCTION mhero.record_suggestion_choice(p_question text, p_suggested bigint[], p_chosen bigint)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    q text := btrim(coalesce(p_question, ''));
    proposal bigint;
BEGIN
    PERFORM require_agent();
    IF length(q) NOT BETWEEN 1 AND 500 THEN
        RAISE EXCEPTION 'a question to learn from has 1 to 500 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_chosen IS NOT NULL AND NOT EXISTS (
        SELECT FROM template t JOIN template_version v ON v.template_id = t.id AND v.status = 'approved'
         WHERE t.id = p_chosen AND t.retired_at IS NULL) THEN
        RAISE EXCEPTION 'template % has no approved version in use', p_chosen USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO suggestion_choice (question, suggested, chosen_template_id)
    VALUES (q, coalesce(p_suggested, '{}'), p_chosen);
    IF p_chosen IS NULL OR p_chosen = (coalesce(p_suggested, '{}'))[1] THEN
        RETURN NULL; -- nothing to learn: none fitted, or the first suggestion was right
    END IF;
    INSERT INTO suggestion_example (template_id, question, proposed_by)
    VALUES (p_chosen, q, session_user)
    ON CONFLICT DO NOTHING
    RETURNING id INTO proposal;
    RETURN proposal;
END
$function$;

REVOKE ALL ON FUNCTION mhero.record_suggestion_choice(text,bigint[],bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.record_suggestion_choice(text,bigint[],bigint) TO mhero_agent, mhero_supervisor;
