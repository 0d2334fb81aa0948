-- mhero.decide_suggestion_example(bigint,boolean)
--
-- A supervisor approves (the ranker uses it at once) or rejects a proposed example question
-- (migration 22). Audited as suggestion_example_approve / suggestion_example_reject.
CREATE OR REPLACE FUNCTION mhero.decide_suggestion_example(p_example bigint, p_approve boolean)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'mhero', 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    e suggestion_example;
BEGIN
    PERFORM require_template_approver();
    SELECT * INTO e FROM suggestion_example WHERE id = p_example FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no proposed example %', p_example USING ERRCODE = 'no_data_found';
    END IF;
    IF e.status <> 'proposed' THEN
        RAISE EXCEPTION 'example % was already %', p_example, e.status USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE suggestion_example
       SET status = CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END,
           decided_by = session_user, decided_at = now()
     WHERE id = p_example;
    PERFORM log_template(CASE WHEN p_approve THEN 'suggestion_example_approve' ELSE 'suggestion_example_reject' END,
                         'suggestion_example', p_example,
                         jsonb_build_object('template_id', e.template_id, 'question', e.question,
                                            'proposed_by', e.proposed_by));
END
$function$;

REVOKE ALL ON FUNCTION mhero.decide_suggestion_example(bigint,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.decide_suggestion_example(bigint,boolean) TO mhero_supervisor;
