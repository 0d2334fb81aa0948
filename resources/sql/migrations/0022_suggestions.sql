-- mHero Console schema, migration 22: learning from agents' choices of suggested answers (issue 16).
--
--   * suggestion_choice: what the console suggested for a question (template ids, best first,
--     empty when it abstained) and the template the agent sent instead, or none. Written only by
--     record_suggestion_choice() (its file); supervisors read it.
--   * suggestion_example: example questions learnt from those choices. A choice that was not the
--     first suggestion proposes the question as an example of the chosen template; a supervisor
--     approves or rejects it (decide_suggestion_example(), audited). The ranker reads approved
--     ones with the templates' own examples, at once: they are not part of a template version
--     (approved wording never changes), so no new version has to be approved for them.
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

CREATE TABLE mhero.suggestion_choice (
    id          bigserial PRIMARY KEY,
    question    text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    suggested   bigint[] NOT NULL DEFAULT '{}',
    chosen_template_id bigint REFERENCES mhero.template ON DELETE CASCADE,
    agent       name NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_choice_created ON mhero.suggestion_choice (created_at);

CREATE TABLE mhero.suggestion_example (
    id          bigserial PRIMARY KEY,
    template_id bigint NOT NULL REFERENCES mhero.template ON DELETE CASCADE,
    question    text NOT NULL CHECK (length(btrim(question)) BETWEEN 1 AND 500),
    status      text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
    proposed_by name NOT NULL,
    proposed_at timestamptz NOT NULL DEFAULT now(),
    decided_by  name,
    decided_at  timestamptz,
    CHECK ((status = 'proposed') = (decided_by IS NULL))
);
-- One entry per question and template, whatever its case and spacing.
CREATE UNIQUE INDEX suggestion_example_once ON mhero.suggestion_example (template_id, lower(btrim(question)));

-- Questions are message text agents already read; nobody writes the tables directly.
GRANT SELECT ON mhero.suggestion_example TO mhero_agent, mhero_supervisor, mhero_admin;
GRANT SELECT ON mhero.suggestion_choice TO mhero_supervisor;

-- Supervisors' lines of the domain lexicon, added to the one the program ships
-- (resources/suggest/lexicon.tsv): a concept and its variants, in the same syntax. Written only by
-- add_suggest_lexicon() (its file, audited); everyone who ranks reads it.
CREATE TABLE mhero.suggest_lexicon (
    id          bigserial PRIMARY KEY,
    concept     text NOT NULL CHECK (concept ~ '^(_stop|[a-z][a-z0-9_]{0,63})$'),
    variants    text NOT NULL CHECK (length(variants) BETWEEN 1 AND 2000 AND position(E'\t' IN variants) = 0
                                     AND position(E'\n' IN variants) = 0),
    added_by    name NOT NULL DEFAULT session_user,
    added_at    timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON mhero.suggest_lexicon TO mhero_agent, mhero_supervisor, mhero_admin;
