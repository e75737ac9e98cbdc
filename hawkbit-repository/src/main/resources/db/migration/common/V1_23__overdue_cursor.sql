-- Fleet scale (#17): a mark of the overdue scheduler moved the target's entry in ix_target_overdue (tenant,
-- overdue_since, last_target_query), and so did every poll that cleared one. That move was about a third of a mark's
-- UPDATE at 1M targets (60,000 marks by id: 1.35-1.70 s with the index, 0.90-1.06 s without; docs/performance.md). The
-- scheduler now walks ix_target_last_poll instead, from where its last pass ended: overdue_cursor keeps, per tenant,
-- the (last_target_query, id) up to which every polled target has been considered (see OverdueScheduler). The
-- marked targets are counted in target_count (V1_21), and overdue==true pages read ix_target_name with the mark as a
-- filter, so nothing else needs the index.
DROP INDEX ix_target_overdue ON target;

CREATE TABLE overdue_cursor (
    tenant VARCHAR(40) NOT NULL,
    poll_time BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    PRIMARY KEY (tenant)
);
