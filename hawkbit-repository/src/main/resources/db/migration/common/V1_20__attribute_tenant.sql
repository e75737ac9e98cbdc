-- Fleet scale (#17): the count of q=attribute.region==eu-west read, for each of its matches (120,000 at 1M targets),
-- the target's row to check its tenant: target_attributes had none. With the target's tenant in each attribute row
-- (written by the code with every attribute, filled here once) the count is a range of one index: (tenant, key,
-- lower-case value), no read of target. The default only fills the existing rows' new column in place (no table
-- rebuild on MariaDB); the UPDATE then copies the tenants (3.9M rows at 1M targets), and the default is dropped so that
-- a row written without a tenant fails. The new index replaces V1_19's (key, value, target): RSQL's EXISTS over the
-- attributes is correlated by tenant too, so it serves the pages' subqueries as well (one index less to write and
-- keep: 3.9M entries at 1M targets). target_target_tag needs no copy: a link's tag is of its target's tenant, so the
-- tag's tenant scopes the count. Plans and figures: docs/performance.md, "Fleet scale (#17)".
ALTER TABLE target_attributes ADD COLUMN tenant VARCHAR(40) NOT NULL DEFAULT '';
UPDATE target_attributes SET tenant = (SELECT t.tenant FROM target t WHERE t.id = target_attributes.target_id);
ALTER TABLE target_attributes ALTER COLUMN tenant DROP DEFAULT;
CREATE INDEX ix_target_attributes_tenant_value ON target_attributes (tenant, attribute_key, attribute_value_lower, target_id);
DROP INDEX ix_target_attributes_value_lower ON target_attributes;
