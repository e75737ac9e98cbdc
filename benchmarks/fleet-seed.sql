-- Seeds a fleet of __N__ targets of tenant DEFAULT straight into a MariaDB schema that the server's Flyway created
-- (and whose default types TenantInitializer created): benchmarks/fleet-scale.sh substitutes __N__ and runs this with
-- the server stopped. INSERT ... SELECT over MariaDB's SEQUENCE engine (seq_1_to_N) writes a million targets in
-- minutes; the REST API would take hours.
--
-- The rows keep the entities' invariants: tenant, created/modified columns and optlock_revision 0 as Hibernate
-- writes them, 32-hex security tokens (as TargetTokens), update_status an enum name, and an update status that
-- matches the target's sets and actions:
--   bucket (crc32 % 100)  share  update_status  sets                          actions
--   0-2                   3 %    UNKNOWN        none                          none, never polled (last poll NULL)
--   3-7                   5 %    REGISTERED     none                          none
--   8                     1 %    PENDING        installed 1.0, assigned 2.0   one active RUNNING action on 2.0
--   9                     1 %    ERROR          installed 1.0, assigned 2.0   one closed ERROR action on 2.0
--   10-99                 90 %   IN_SYNC        installed = assigned = 1.0    the first 5,000: a FINISHED action
-- Last polls (of targets that polled): 85 % within the default polling time (5 min), 15 % overdue (between 10 min and
-- 30 days ago, spread evenly); overdue_since stays at its default (0 since V1_22: not marked), so the server's
-- overdue scheduler has a backlog to mark.
-- Four attributes per target (hw_revision, os_version, region, serial), 20 tags (every target one, 30 % a second),
-- target groups by region. Values are derived from crc32 of the sequence number, so every run seeds the same fleet
-- (except the poll times, relative to now). Controller ids: fleet-0000001 ...; tokens: md5('fleet-token-<n>').

SET @now = CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED);
SET @ts = UTC_TIMESTAMP(6);
SET @by = 'fleet-seed';
SET foreign_key_checks = 0;
SET unique_checks = 0;

INSERT INTO software_module (tenant, module_type_id, name, version, vendor, description, deleted, created_at,
                             created_by, last_modified_at, last_modified_by, optlock_revision)
SELECT 'DEFAULT', id, 'fleet-firmware', v.version, 'fleet', 'seeded by benchmarks/fleet-scale.sh', FALSE, @ts, @by,
       @ts, @by, 0
  FROM software_module_type, (SELECT '1.0' AS version UNION ALL SELECT '2.0') v
 WHERE tenant = 'DEFAULT' AND type_key = 'os';

INSERT INTO distribution_set (tenant, ds_type_id, name, version, description, required_migration_step, locked,
                              deleted, valid, created_at, created_by, last_modified_at, last_modified_by,
                              optlock_revision)
SELECT 'DEFAULT', id, 'fleet-os', v.version, 'seeded by benchmarks/fleet-scale.sh', FALSE, TRUE, FALSE, TRUE, @ts,
       @by, @ts, @by, 0
  FROM distribution_set_type, (SELECT '1.0' AS version UNION ALL SELECT '2.0') v
 WHERE tenant = 'DEFAULT' AND type_key = 'os';

SET @ds1 = (SELECT id FROM distribution_set WHERE tenant = 'DEFAULT' AND name = 'fleet-os' AND version = '1.0');
SET @ds2 = (SELECT id FROM distribution_set WHERE tenant = 'DEFAULT' AND name = 'fleet-os' AND version = '2.0');

INSERT INTO ds_module (ds_id, module_id)
SELECT d.id, m.id
  FROM distribution_set d JOIN software_module m ON m.name = 'fleet-firmware' AND m.version = d.version
 WHERE d.name = 'fleet-os';

INSERT INTO target_tag (tenant, name, description, colour, created_at, created_by, last_modified_at,
                        last_modified_by, optlock_revision)
SELECT 'DEFAULT', CONCAT('tag-', LPAD(seq, 2, '0')), 'seeded', '#336699', @ts, @by, @ts, @by, 0
  FROM seq_1_to_20;

INSERT INTO target (tenant, controller_id, name, description, security_token, address, last_target_query,
                    install_date, update_status, request_controller_attributes, assigned_distribution_set,
                    installed_distribution_set, created_at, created_by, last_modified_at, last_modified_by,
                    optlock_revision, target_group)
SELECT 'DEFAULT',
       CONCAT('fleet-', LPAD(seq, 7, '0')),
       CONCAT(ELT(1 + CRC32(CONCAT('k', seq)) % 5, 'gateway', 'meter', 'sensor', 'camera', 'router'), ' ',
              LPAD(CRC32(CONCAT('n', seq)) % 10000000, 7, '0')),
       NULL,
       MD5(CONCAT('fleet-token-', seq)),
       IF(b < 3, NULL, CONCAT('http://10.', (seq >> 16) % 256, '.', (seq >> 8) % 256, '.', seq % 256)),
       CASE WHEN b < 3 THEN NULL
            WHEN o < 85 THEN @now - CRC32(CONCAT('t', seq)) % 300000
            ELSE @now - 600000 - CRC32(CONCAT('t', seq)) % 2592000000 END,
       IF(b >= 8, @now - 2592000000 - CRC32(CONCAT('i', seq)) % 2592000000, NULL),
       CASE WHEN b < 3 THEN 'UNKNOWN' WHEN b < 8 THEN 'REGISTERED' WHEN b = 8 THEN 'PENDING' WHEN b = 9 THEN 'ERROR'
            ELSE 'IN_SYNC' END,
       b < 8,
       CASE WHEN b < 8 THEN NULL WHEN b < 10 THEN @ds2 ELSE @ds1 END,
       IF(b < 8, NULL, @ds1),
       @ts, @by, @ts, @by, 0,
       ELT(1 + CRC32(CONCAT('r', seq)) % 4, 'EU/DE', 'EU/FR', 'US/East', 'APAC')
  FROM (SELECT seq, CRC32(CONCAT('s', seq)) % 100 AS b, CRC32(CONCAT('p', seq)) % 100 AS o
          FROM seq_1_to___N__) s;

INSERT INTO target_attributes (target_id, tenant, attribute_key, attribute_value)
SELECT id, tenant, 'hw_revision', ELT(1 + CRC32(CONCAT('h', id)) % 4, 'rev-A', 'rev-B', 'rev-C', 'rev-D')
  FROM target WHERE tenant = 'DEFAULT' AND update_status <> 'UNKNOWN';
INSERT INTO target_attributes (target_id, tenant, attribute_key, attribute_value)
SELECT id, tenant, 'os_version', ELT(1 + CRC32(CONCAT('v', id)) % 6, '4.19', '5.4', '5.10', '5.15', '6.1', '6.6')
  FROM target WHERE tenant = 'DEFAULT' AND update_status <> 'UNKNOWN';
INSERT INTO target_attributes (target_id, tenant, attribute_key, attribute_value)
SELECT id, tenant, 'region', ELT(1 + CRC32(CONCAT('g', id)) % 8, 'eu-west', 'eu-central', 'us-east', 'us-west',
                         'ap-south', 'ap-east', 'sa-east', 'af-south')
  FROM target WHERE tenant = 'DEFAULT' AND update_status <> 'UNKNOWN';
INSERT INTO target_attributes (target_id, tenant, attribute_key, attribute_value)
SELECT id, tenant, 'serial', UPPER(SUBSTRING(MD5(CONCAT('serial', id)), 1, 12))
  FROM target WHERE tenant = 'DEFAULT' AND update_status <> 'UNKNOWN';

INSERT INTO target_target_tag (target_id, tag_id)
SELECT t.id, g.id
  FROM target t JOIN target_tag g ON g.tenant = 'DEFAULT' AND g.name = CONCAT('tag-', LPAD(1 + t.id % 20, 2, '0'))
 WHERE t.tenant = 'DEFAULT';
INSERT INTO target_target_tag (target_id, tag_id)
SELECT t.id, g.id
  FROM target t
  JOIN target_tag g ON g.tenant = 'DEFAULT' AND g.name = CONCAT('tag-', LPAD(1 + (t.id + 7) % 20, 2, '0'))
 WHERE t.tenant = 'DEFAULT' AND CRC32(CONCAT('tag', t.id)) % 10 < 3;

-- Actions: pending targets' running ones, failed targets' closed ones, 5,000 finished ones of in-sync targets.
INSERT INTO action (tenant, target_id, distribution_set_id, action_type, forced_time, weight, status, active,
                    last_action_status_code, created_at, created_by, last_modified_at, last_modified_by,
                    optlock_revision)
SELECT 'DEFAULT', id, @ds2, 'FORCED', 0, NULL, IF(update_status = 'PENDING', 'RUNNING', 'ERROR'),
       update_status = 'PENDING', NULL, @ts, @by, @ts, @by, 0
  FROM target WHERE tenant = 'DEFAULT' AND update_status IN ('PENDING', 'ERROR');
INSERT INTO action (tenant, target_id, distribution_set_id, action_type, forced_time, weight, status, active,
                    last_action_status_code, created_at, created_by, last_modified_at, last_modified_by,
                    optlock_revision)
SELECT 'DEFAULT', id, @ds1, 'FORCED', 0, NULL, 'FINISHED', FALSE, 200, @ts, @by, @ts, @by, 0
  FROM target WHERE tenant = 'DEFAULT' AND update_status = 'IN_SYNC' ORDER BY id LIMIT 5000;

-- Each action's history: its creation (RUNNING) and, for closed ones, the device's final report.
INSERT INTO action_status (tenant, action_id, status, occurred_at, status_code, created_at, created_by)
SELECT 'DEFAULT', id, 'RUNNING', @now - 2592000000, NULL, @ts, @by FROM action WHERE tenant = 'DEFAULT';
INSERT INTO action_status (tenant, action_id, status, occurred_at, status_code, created_at, created_by)
SELECT 'DEFAULT', id, status, @now - 2500000000, last_action_status_code, @ts, @by
  FROM action WHERE tenant = 'DEFAULT' AND active = FALSE;

SET foreign_key_checks = 1;
SET unique_checks = 1;

ANALYZE TABLE target, target_attributes, target_target_tag, target_tag, action, action_status;
