-- A device's identity is exact: controllerIds compare byte for byte (case, accents and trailing spaces count), on
-- MariaDB as on H2. Under the database default utf8mb4_unicode_ci, `ROT-01`, `rot-01` and `rot-01 ` were one target to
-- the database but three to the per-node caches keyed by the string, so a poll through a variant spelling outlived a
-- token change (finding M2). utf8mb4_nopad_bin rather than utf8mb4_bin, which still ignores trailing spaces (PAD
-- SPACE). Rows unique before stay unique: an exact collation only tells more ids apart. H2 compares VARCHAR exactly
-- anyway; in MariaDB mode it accepts this clause order (not CHARACTER SET ... COLLATE ... NOT NULL).
ALTER TABLE target MODIFY controller_id VARCHAR(256) NOT NULL COLLATE utf8mb4_nopad_bin;
