-- mhero.whatsapp_template_problem(bigint,integer)
--
-- Defined with migration 18 (issue 14); it changes in this file only: mhero-admin migrate applies
-- a changed file again (docs/architecture.md, "Migrations").

-- Whether template version p_version can go out through WhatsApp number p_source as that
-- number's WhatsApp template (outside the 24-hour window nothing else can): NULL when it can,
-- else one short reason for the agent and the supervisor. The mapping the WhatsApp sender uses,
-- and checks here once for every caller (queue_reply(), the composer's picker):
--   our body placeholders {{name}}, in the order of their first appearance, are WhatsApp's body
--   parameters {{1}}, {{2}}, … of the template (v.whatsapp_template_name, v.whatsapp_language)
--   of that number's Business Account (mhero.whatsapp_template, written from Meta's reports).
-- So: the template must be APPROVED (PAUSED, DISABLED, REJECTED, PENDING never are); its BODY
-- must take as many distinct parameters as every one of our bodies has distinct placeholders;
-- header, button and named parameters cannot be filled from our text and are refused; and two
-- of our placeholders with nothing between them are refused, because the sender recovers each
-- value from the text the agent sent (text_follows_template()), and "{{a}}{{b}}" cannot be cut.
-- Whether the version itself is approved in mHero is queue_reply()'s own check.
CREATE OR REPLACE FUNCTION mhero.whatsapp_template_problem(p_version bigint, p_source integer)
RETURNS text
LANGUAGE plpgsql STABLE SET search_path = mhero, pg_catalog, pg_temp AS $$
DECLARE
    v mhero.template_version;
    w mhero.whatsapp_template;
    theirs integer;
    ours integer;
    most integer;
    counts text;
    body_count integer;
BEGIN
    SELECT * INTO v FROM mhero.template_version WHERE id = p_version;
    IF NOT FOUND THEN
        RETURN format('template version %s does not exist', p_version);
    END IF;
    IF v.whatsapp_template_name IS NULL OR v.whatsapp_language IS NULL THEN
        RETURN 'not linked to a WhatsApp template';
    END IF;
    SELECT * INTO w FROM mhero.whatsapp_template
     WHERE source_id = p_source AND name = v.whatsapp_template_name AND language = v.whatsapp_language;
    IF NOT FOUND THEN
        RETURN format('WhatsApp has no template %s in language %s', v.whatsapp_template_name, v.whatsapp_language);
    END IF;
    IF w.status <> 'APPROVED' THEN
        RETURN format('not approved by WhatsApp (%s)', w.status);
    END IF;

    -- Parameters our text cannot fill: a header's ({{1}} in a text header, or a picture,
    -- video or document header), a URL button's suffix, a copy-code button's code.
    IF EXISTS (SELECT FROM jsonb_array_elements(w.components) c
                WHERE upper(c ->> 'type') = 'HEADER'
                  AND ((c ->> 'text') ~ '\{\{[^}]*\}\}'
                       OR upper(coalesce(c ->> 'format', 'TEXT')) IN ('IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION')))
       OR EXISTS (SELECT FROM jsonb_array_elements(w.components) c
                  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c -> 'buttons') = 'array'
                                                               THEN c -> 'buttons' ELSE '[]' END) b
                  WHERE upper(c ->> 'type') = 'BUTTONS'
                    AND ((upper(b ->> 'type') = 'URL' AND (b ->> 'url') ~ '\{\{[^}]*\}\}')
                         OR upper(b ->> 'type') = 'COPY_CODE')) THEN
        RETURN 'header or button parameters are not supported';
    END IF;
    IF EXISTS (SELECT FROM jsonb_array_elements(w.components) c
                WHERE upper(c ->> 'type') = 'BODY' AND (c ->> 'text') ~ '\{\{\s*[^}0-9\s][^}]*\}\}') THEN
        RETURN 'WhatsApp''s template has named parameters; only numbered ones ({{1}}, {{2}}, …) are supported';
    END IF;
    SELECT count(DISTINCT m[1]) INTO theirs
      FROM jsonb_array_elements(w.components) c
     CROSS JOIN LATERAL regexp_matches(coalesce(c ->> 'text', ''), '\{\{\s*([0-9]+)\s*\}\}', 'g') m
     WHERE upper(c ->> 'type') = 'BODY';

    SELECT count(*), min(n), max(n), string_agg(format('%s %s', language, n), ', ' ORDER BY language)
      INTO body_count, ours, most, counts
      FROM (SELECT b.language,
                   (SELECT count(DISTINCT m[1]) FROM regexp_matches(b.body, '\{\{\s*([a-z][a-z0-9_]*)\s*\}\}', 'g') m) AS n
              FROM mhero.template_body b WHERE b.template_version_id = p_version) per_body;
    IF body_count = 0 THEN
        RETURN 'the version has no text';
    END IF;
    IF EXISTS (SELECT FROM mhero.template_body b WHERE b.template_version_id = p_version
                                                   AND b.body ~ '\}\}\{\{') THEN
        RETURN 'two placeholders side by side cannot be told apart';
    END IF;
    IF ours <> most THEN
        RETURN format('our languages have different numbers of placeholders (%s)', counts);
    END IF;
    IF theirs <> ours THEN
        RETURN format('WhatsApp''s template takes %s parameters, ours has %s placeholders', theirs, ours);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.whatsapp_template_problem(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mhero.whatsapp_template_problem(bigint, integer)
    TO mhero_agent, mhero_supervisor, mhero_admin, mhero_service;
