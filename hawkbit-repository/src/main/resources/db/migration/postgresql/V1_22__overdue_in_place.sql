-- Fleet scale (#17): "not overdue" becomes 0 instead of NULL in target.overdue_since, so that a mark overwrites the
-- value instead of growing the row (InnoDB's reason; see common/V1_22__overdue_in_place). PostgreSQL writes a new row
-- version either way; the twin keeps the SQL of every database the same. Existing NULLs are turned into 0 by the
-- overdue scheduler in batches, and nodes of the previous version still write NULL during a rolling upgrade: a target
-- is marked when the column holds a positive time, NULL and 0 both mean "not marked", and the counting triggers of
-- V1_21 now test that. Existing rows hold NULL or a time, on which both agree: the kept counts stay as they are.
-- A mark (unmarked to marked) made while the transaction's hawkbit.marks_counted is 'on' is left to its writer: the
-- overdue scheduler counts a batch's marks in one call (CountedMarks); a node of the previous version never sets it.

-- Writers of target wait from here to the end of this migration's transaction, so none is counted by the old rule.
LOCK TABLE target IN SHARE ROW EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION target_count_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM target_count_add(NEW.tenant, 'all', 1);
        IF COALESCE(NEW.overdue_since, 0) > 0 THEN
            PERFORM target_count_add(NEW.tenant, 'overdue', 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM target_count_add(OLD.tenant, 'all', -1);
        IF COALESCE(OLD.overdue_since, 0) > 0 THEN
            PERFORM target_count_add(OLD.tenant, 'overdue', -1);
        END IF;
    ELSE
        -- Only when the mark was set or cleared: the trigger's WHEN, checked without calling this function.
        PERFORM target_count_add(NEW.tenant, 'overdue', CASE WHEN COALESCE(NEW.overdue_since, 0) > 0 THEN 1 ELSE -1 END);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER target_count_update ON target;
CREATE TRIGGER target_count_update AFTER UPDATE OF overdue_since ON target FOR EACH ROW
    WHEN ((COALESCE(OLD.overdue_since, 0) > 0) <> (COALESCE(NEW.overdue_since, 0) > 0)
        AND (COALESCE(NEW.overdue_since, 0) <= 0
            OR current_setting('hawkbit.marks_counted', true) IS DISTINCT FROM 'on'))
    EXECUTE FUNCTION target_count_row();

ALTER TABLE target ALTER COLUMN overdue_since SET DEFAULT 0;
