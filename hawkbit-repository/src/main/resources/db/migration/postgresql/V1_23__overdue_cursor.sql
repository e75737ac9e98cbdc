-- Fleet scale (#17): the overdue scheduler walks ix_target_last_poll from where its last pass ended instead of
-- ix_target_overdue, whose entry each mark and each poll that cleared one had to move (see common/V1_23). On
-- PostgreSQL an UPDATE that changes no indexed column can also stay a heap-only tuple, which a mark now is.
DROP INDEX ix_target_overdue;

CREATE TABLE overdue_cursor (
    tenant VARCHAR(40) NOT NULL,
    poll_time BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    PRIMARY KEY (tenant)
);
