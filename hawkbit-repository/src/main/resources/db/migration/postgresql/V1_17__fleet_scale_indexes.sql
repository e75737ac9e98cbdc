-- Fleet scale (#17): the Management API's target lists are sorted by name and filtered by update status and by last
-- poll; without these indexes every such request sorted the whole fleet (filesort of 1M rows). With them a page is a
-- walk along an index that stops after offset + limit rows, and the per-status and last-poll counts are index ranges.
-- Plans and figures: docs/performance.md, "Fleet scale (#17)".
CREATE INDEX ix_target_name ON target (tenant, name);
CREATE INDEX ix_target_status_name ON target (tenant, update_status, name);
CREATE INDEX ix_target_last_poll ON target (tenant, last_target_query);
