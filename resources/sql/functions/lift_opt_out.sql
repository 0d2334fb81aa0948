-- mhero.lift_opt_out(bigint)
--
-- An agent lifts a person's opt-out (migration 20) — allowed only once the person has written
-- again after it, in words that are not themselves an opt-out: mHero never decides for them that
-- they want messages again. Lifts every address of the person that was stopped; audited. Returns
-- 1 when something was lifted, 0 when the address was not stopped.
CREATE OR REPLACE FUNCTION mhero.lift_opt_out(p_urn bigint)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    u mhero.contact_urn;
    changed integer;
BEGIN
    PERFORM mhero.require_agent();
    SELECT * INTO u FROM mhero.contact_urn WHERE id = p_urn FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'address % does not exist', p_urn USING ERRCODE = 'no_data_found';
    END IF;
    IF u.status <> 'stopped' THEN
        RETURN 0;
    END IF;
    IF NOT EXISTS (
        SELECT FROM mhero.message m
          JOIN mhero.conversation c ON c.id = m.conversation_id
          JOIN mhero.contact_urn a ON a.id = c.urn_id
         WHERE m.direction = 'in' AND m.created_at > coalesce(u.opted_out_at, '-infinity')
           AND (a.id = u.id OR (u.health_worker_id IS NOT NULL AND a.health_worker_id = u.health_worker_id))
           AND NOT EXISTS (SELECT FROM mhero.opt_out_word w WHERE w.word = mhero.opt_out_key(m.text))) THEN
        RAISE EXCEPTION 'this person has not written since they opted out; only they can ask for messages again'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'not-written-since';
    END IF;
    WITH lifted AS (
        UPDATE mhero.contact_urn t SET status = 'active', opted_out_at = NULL, opt_out_reason = NULL
         WHERE t.status = 'stopped'
           AND (t.id = u.id OR (u.health_worker_id IS NOT NULL AND t.health_worker_id = u.health_worker_id))
        RETURNING t.urn)
    INSERT INTO mhero.audit_log (action, table_name, row_key, before, after)
    SELECT 'lift_opt_out', CASE WHEN u.health_worker_id IS NULL THEN 'contact_urn' ELSE 'health_worker' END,
           coalesce(u.health_worker_id::text, u.id::text),
           jsonb_build_object('opted_out_at', u.opted_out_at, 'reason', u.opt_out_reason),
           jsonb_build_object('urns', jsonb_agg(urn ORDER BY urn))
      FROM lifted HAVING count(*) > 0;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION mhero.lift_opt_out(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.lift_opt_out(bigint) TO mhero_agent;
