-- Fleet scale (#17): each attribute row carries its target's tenant, so the count of an attribute filter is a range of
-- one index, with no read of target per match; that index replaces V1_19's. See common/V1_20 and docs/performance.md, "Fleet scale (#17)".
ALTER TABLE target_attributes ADD COLUMN tenant VARCHAR(40) NOT NULL DEFAULT '';
UPDATE target_attributes SET tenant = (SELECT t.tenant FROM target t WHERE t.id = target_attributes.target_id);
ALTER TABLE target_attributes ALTER COLUMN tenant DROP DEFAULT;
CREATE INDEX ix_target_attributes_tenant_value ON target_attributes (tenant, attribute_key, attribute_value_lower, target_id);
DROP INDEX ix_target_attributes_value_lower;
