-- Fleet scale (#17): RSQL compares attribute values case-insensitively, as hawkBit does. As lower(attribute_value) = ?
-- no index can serve it, so the count of q=attribute.region==eu-west probed target_attributes once per target of the
-- tenant (> 60 s at 1M). This generated column holds the lower-case value; the index (key, value, target) lets the
-- EXISTS be driven from one key's matching rows. VIRTUAL on MariaDB (only the index stores the values: no table
-- rebuild at the upgrade), byte-exact as controller_id_lower (V1_18). H2 reads the COLLATE between /*M! */ as a
-- comment and computes the column on write. Plans and figures: docs/performance.md, "Fleet scale (#17)".
ALTER TABLE target_attributes ADD COLUMN attribute_value_lower VARCHAR(512) /*M! COLLATE utf8mb4_nopad_bin */ GENERATED ALWAYS AS (LOWER(attribute_value));
CREATE INDEX ix_target_attributes_value_lower ON target_attributes (attribute_key, attribute_value_lower, target_id);
