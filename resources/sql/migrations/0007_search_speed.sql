-- mHero Console schema, migration 7: directory search at national scale.
--
-- A page of the directory is the first few matches in name order. When many people match (a
-- common surname, four letters typed), the page is found by walking the name index and keeping
-- the rows whose search text matches; docs/performance.md has the measurements. That walk used to
-- read the table for every row it passed (a random page each time: names are not stored in name
-- order), which is why the planner avoided it and sorted tens of thousands of trigram matches
-- instead. With the search text (and the kind and status filters) inside the name index, the walk
-- reads the index alone (an index-only scan): a few hundred thousand rows a second.
SET LOCAL search_path = mhero, pg_catalog;

CREATE INDEX health_worker_name_search ON health_worker (name_key, id)
    INCLUDE (search_text, resource_type, active);
-- Same order, same keys: the covering index serves every query the plain one did.
DROP INDEX health_worker_name;

-- search() chooses between the walk and the trigram index from the planner's estimate of the
-- matches (LIKE selectivity over the sampled search texts): a finer sample makes it right to
-- within a few per cent for the rare words that matter (at the cost of a slower ANALYZE).
ALTER TABLE health_worker ALTER COLUMN search_text SET STATISTICS 1000;
ANALYZE health_worker;
