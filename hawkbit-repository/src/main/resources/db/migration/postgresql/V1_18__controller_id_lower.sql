-- Fleet scale (#17): RSQL compares controllerIds case-insensitively, as hawkBit does; as lower(controller_id) LIKE
-- 'fleet-00012%' a prefix filter could use no index. This generated column (PostgreSQL stores it) holds the lower-case
-- id; under "C", as controller_id itself (V1_4), its B-tree serves LIKE 'prefix%' as a range and lower() folds ASCII
-- only, as it did on the column. See common/V1_18 and docs/performance.md, "Fleet scale (#17)".
ALTER TABLE target ADD COLUMN controller_id_lower VARCHAR(256) COLLATE "C" GENERATED ALWAYS AS (lower(controller_id)) STORED;
CREATE INDEX ix_target_controller_id_lower ON target (tenant, controller_id_lower);
