-- Fleet scale (#17): each tenant's number of targets ('all') and of targets marked overdue ('overdue'), kept by row
-- triggers on target, so the unfiltered total, the total of overdue==true and the overdue gauge read at most 32 rows
-- instead of counting a million index entries. Sharded by session (pg_backend_pid() % 16): concurrent transactions
-- creating targets mostly write different rows, and one transaction always writes the same shard of a kind. See
-- common/V1_21__target_count (Java: H2 and MariaDB differ in trigger syntax) and docs/performance.md, "Fleet scale (#17)".
CREATE TABLE target_count (
    tenant VARCHAR(40) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    shard INT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant, kind, shard)
);

CREATE FUNCTION target_count_add(p_tenant VARCHAR, p_kind VARCHAR, p_delta BIGINT) RETURNS void AS $$
    INSERT INTO target_count (tenant, kind, shard, n) VALUES (p_tenant, p_kind, pg_backend_pid() % 16, p_delta)
    ON CONFLICT (tenant, kind, shard) DO UPDATE SET n = target_count.n + EXCLUDED.n;
$$ LANGUAGE sql;

CREATE FUNCTION target_count_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM target_count_add(NEW.tenant, 'all', 1);
        IF NEW.overdue_since IS NOT NULL THEN
            PERFORM target_count_add(NEW.tenant, 'overdue', 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM target_count_add(OLD.tenant, 'all', -1);
        IF OLD.overdue_since IS NOT NULL THEN
            PERFORM target_count_add(OLD.tenant, 'overdue', -1);
        END IF;
    ELSE
        -- Only when the mark was set or cleared: the trigger's WHEN, checked without calling this function.
        PERFORM target_count_add(NEW.tenant, 'overdue', CASE WHEN NEW.overdue_since IS NULL THEN -1 ELSE 1 END);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Writers of target wait from here to the end of this migration's transaction: the fill below counts exactly the rows
-- the triggers do not (a node of the previous version may be writing targets during a rolling upgrade).
LOCK TABLE target IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER target_count_insert AFTER INSERT ON target FOR EACH ROW EXECUTE FUNCTION target_count_row();
CREATE TRIGGER target_count_delete AFTER DELETE ON target FOR EACH ROW EXECUTE FUNCTION target_count_row();
-- Every poll write updates targets: the mark's presence is compared here, in the executor, not in PL/pgSQL.
CREATE TRIGGER target_count_update AFTER UPDATE OF overdue_since ON target FOR EACH ROW
    WHEN ((OLD.overdue_since IS NULL) <> (NEW.overdue_since IS NULL)) EXECUTE FUNCTION target_count_row();

INSERT INTO target_count (tenant, kind, shard, n) SELECT tenant, 'all', 0, COUNT(*) FROM target GROUP BY tenant;
INSERT INTO target_count (tenant, kind, shard, n)
    SELECT tenant, 'overdue', 0, COUNT(*) FROM target WHERE overdue_since IS NOT NULL GROUP BY tenant;
