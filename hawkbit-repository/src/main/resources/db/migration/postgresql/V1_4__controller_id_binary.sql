-- A device's identity is exact: controllerIds compare byte for byte (case, accents and trailing spaces count), as on
-- MariaDB with utf8mb4_nopad_bin (see common/V1_4). PostgreSQL's deterministic collations already compare VARCHAR
-- exactly and never pad; "C" also makes the column's order the byte order, as nopad_bin does, whatever the
-- database's default collation.
ALTER TABLE target ALTER COLUMN controller_id TYPE VARCHAR(256) COLLATE "C";
