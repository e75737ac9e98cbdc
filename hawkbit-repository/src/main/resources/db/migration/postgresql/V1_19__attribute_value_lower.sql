-- Fleet scale (#17): RSQL compares attribute values case-insensitively, as hawkBit does; as lower(attribute_value) = ?
-- no index could serve a filter on an attribute. This generated column (PostgreSQL stores it) holds the lower-case
-- value; under "C" its B-tree serves = and LIKE 'prefix%' as ranges. See common/V1_19 and docs/performance.md,
-- "Fleet scale (#17)".
ALTER TABLE target_attributes ADD COLUMN attribute_value_lower VARCHAR(512) COLLATE "C" GENERATED ALWAYS AS (lower(attribute_value)) STORED;
CREATE INDEX ix_target_attributes_value_lower ON target_attributes (attribute_key, attribute_value_lower, target_id);
