-- hawkBit 0.10+ target groups: an optional free-text group per target, "/" separating sub-groups (e.g. "EU/DE").
-- The index serves the group look-ups (exact and prefix) and the tenant's list of distinct groups.

ALTER TABLE target ADD COLUMN target_group VARCHAR(256);

CREATE INDEX ix_target_group ON target (tenant, target_group);
