-- mHero Console schema, migration 20: opting out by replying STOP, everywhere (issue 15, item 7).
--
--   * mhero.opt_out_word: the replies that mean "send me nothing more" (English, French,
--     Portuguese to start with), compared after lower-casing, dropping accents and the
--     punctuation around them (opt_out_key()). Administrators add or remove words.
--   * contact_urn.opted_out_at / opt_out_reason: when and why an address stopped. A STOP reply, or
--     a platform's own opt-out (RapidPro's contact status "stopped"), stops every address of that
--     health worker at once (mark_opted_out()), so no channel reaches them, and nothing is sent
--     again until they write again and an agent lifts it (lift_opt_out()).
SET LOCAL search_path = mhero, pg_catalog, pg_temp;

ALTER TABLE mhero.contact_urn
    ADD COLUMN opted_out_at timestamptz,
    ADD COLUMN opt_out_reason text CHECK (opt_out_reason IN ('stop_word', 'platform'));

CREATE TABLE mhero.opt_out_word (
    word     text PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 40 AND word = lower(word)),
    language text CHECK (language ~ '^[a-z]{2,3}$')
);
INSERT INTO mhero.opt_out_word (word, language) VALUES
    ('stop', 'en'), ('stopall', 'en'), ('unsubscribe', 'en'), ('cancel', 'en'), ('end', 'en'), ('quit', 'en'),
    ('stop all', 'en'), ('no more', 'en'),
    ('arret', 'fr'), ('arreter', 'fr'), ('desabonner', 'fr'), ('desinscrire', 'fr'), ('stop svp', 'fr'),
    ('pare', 'pt'), ('parar', 'pt'), ('cancelar', 'pt'), ('sair', 'pt'), ('descadastrar', 'pt');
GRANT SELECT ON mhero.opt_out_word TO mhero_agent, mhero_admin, mhero_service;
GRANT INSERT, DELETE ON mhero.opt_out_word TO mhero_admin;
