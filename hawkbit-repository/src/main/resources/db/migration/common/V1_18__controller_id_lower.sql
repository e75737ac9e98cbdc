-- Fleet scale (#17): RSQL compares controllerIds case-insensitively, as hawkBit does. As lower(controller_id) LIKE
-- 'fleet-00012%' no index can serve it (MariaDB 10.11 has no function indexes), so a prefix filter walked every
-- target of the tenant (21 s at 1M). This generated column holds the lower-case id and its index turns the prefix into
-- a range. VIRTUAL on MariaDB (only the index stores the values: no table rebuild at the upgrade); byte-exact as
-- controller_id itself (V1_4), so 'a' and 'ä' stay apart. H2 reads the COLLATE between /*M! */ as a comment, and
-- computes the column on write. Plans and figures: docs/performance.md, "Fleet scale (#17)".
ALTER TABLE target ADD COLUMN controller_id_lower VARCHAR(256) /*M! COLLATE utf8mb4_nopad_bin */ GENERATED ALWAYS AS (LOWER(controller_id));
CREATE INDEX ix_target_controller_id_lower ON target (tenant, controller_id_lower);
