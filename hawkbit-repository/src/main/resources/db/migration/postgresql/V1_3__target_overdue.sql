-- Targets the overdue scheduler marked because their last poll is older than the tenant's pollingTime +
-- pollingOverdueTime: epoch milliseconds of the marking (as last_target_query), null while the target is not marked.
ALTER TABLE target ADD COLUMN overdue_since BIGINT;

-- The scheduler's per-tenant queries: unmarked targets polled before a cutoff (oldest first), marked ones, and the
-- count of marked ones, each a range of this index.
CREATE INDEX ix_target_overdue ON target (tenant, overdue_since, last_target_query);
