-- hawkBit 0.10 renamed two tenant settings; values stored under the old names move to the new ones, which the API
-- lists (the old names stay accepted as aliases). A tenant that somehow holds both keeps the new one.
DELETE FROM tenant_configuration
 WHERE conf_key = 'action.cleanup.actionExpiry'
   AND tenant IN (SELECT tenant FROM (SELECT tenant FROM tenant_configuration WHERE conf_key = 'action.cleanup.auto.expiry') t);
UPDATE tenant_configuration SET conf_key = 'action.cleanup.auto.expiry' WHERE conf_key = 'action.cleanup.actionExpiry';
DELETE FROM tenant_configuration
 WHERE conf_key = 'action.cleanup.actionStatus'
   AND tenant IN (SELECT tenant FROM (SELECT tenant FROM tenant_configuration WHERE conf_key = 'action.cleanup.auto.status') t);
UPDATE tenant_configuration SET conf_key = 'action.cleanup.auto.status' WHERE conf_key = 'action.cleanup.actionStatus';
