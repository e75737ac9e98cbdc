-- Target types (hawkBit 1.1): a kind of device and the distribution set types it can install. A target has at most
-- one type; a target without one accepts any set. A type still named by a target cannot be deleted (the foreign key
-- backs the service check). Removing a distribution set type removes it from the compatible lists as well.

CREATE TABLE target_type (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    type_key VARCHAR(64) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    colour VARCHAR(16),
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_target_type_key UNIQUE (tenant, type_key),
    CONSTRAINT uk_target_type_name UNIQUE (tenant, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE target_type_ds_type (
    target_type_id BIGINT NOT NULL,
    ds_type_id BIGINT NOT NULL,
    PRIMARY KEY (target_type_id, ds_type_id),
    CONSTRAINT fk_tt_ds_type_target_type FOREIGN KEY (target_type_id) REFERENCES target_type (id) ON DELETE CASCADE,
    CONSTRAINT fk_tt_ds_type_ds_type FOREIGN KEY (ds_type_id) REFERENCES distribution_set_type (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX idx_tt_ds_type_ds_type ON target_type_ds_type (ds_type_id);

ALTER TABLE target ADD COLUMN target_type BIGINT;
ALTER TABLE target ADD CONSTRAINT fk_target_target_type FOREIGN KEY (target_type) REFERENCES target_type (id);
CREATE INDEX idx_target_target_type ON target (target_type);
