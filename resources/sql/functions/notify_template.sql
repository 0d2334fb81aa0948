-- mhero.notify_template
--
-- Defined with the live Approvals, Templates and Overview pages (issue 17, day-one defect 1); it
-- changes in this file only: mhero-admin migrate applies a changed file again
-- (docs/architecture.md, "Migrations"). Its triggers are (re)made here too.

-- A template or one of its versions was created or changed (saved, submitted, approved, rejected,
-- retired): consoles showing the approval queue, the template list or the count of versions
-- awaiting approval reload them, so no page says what another has already overtaken. The payload
-- is the template id; PostgreSQL folds identical notifications of one transaction into one.
CREATE OR REPLACE FUNCTION mhero.notify_template() RETURNS trigger
LANGUAGE plpgsql SET search_path = mhero, pg_catalog, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'template' THEN
        PERFORM pg_notify('mhero_template', NEW.id::text);
    ELSE
        PERFORM pg_notify('mhero_template', NEW.template_id::text);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION mhero.notify_template() FROM PUBLIC;
CREATE OR REPLACE TRIGGER notify AFTER INSERT OR UPDATE ON mhero.template
    FOR EACH ROW EXECUTE FUNCTION mhero.notify_template();
CREATE OR REPLACE TRIGGER notify AFTER INSERT OR UPDATE ON mhero.template_version
    FOR EACH ROW EXECUTE FUNCTION mhero.notify_template();
