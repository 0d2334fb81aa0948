-- mhero.notify_audit
--
-- Defined with the live Audit log page (issue 17, day-one defect 1); it changes in this file
-- only: mhero-admin migrate applies a changed file again (docs/architecture.md, "Migrations").
-- Its trigger is (re)made here too.

-- Entries were added to the audit log: an open Audit log page fetches those newer than its top
-- row. Once per statement, with no payload: the log is read by those allowed to (row ids would
-- tell nothing more), and a statement that audits a thousand rows wakes consoles once.
CREATE OR REPLACE FUNCTION mhero.notify_audit() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify('mhero_audit', '');
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.notify_audit() FROM PUBLIC;
CREATE OR REPLACE TRIGGER notify AFTER INSERT ON mhero.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION mhero.notify_audit();
