-- Metadata (hawkBit's key/value pairs) of targets, distribution sets and software modules. Keys are unique per owner;
-- rows go with their owner, also when it is removed by a bulk delete that bypasses the entity mapping.
-- Module entries marked target_visible reach devices in DDI deploymentBase as chunks[].metadata.

CREATE TABLE target_metadata (
    target_id BIGINT NOT NULL,
    meta_key VARCHAR(128) NOT NULL,
    meta_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (target_id, meta_key),
    CONSTRAINT fk_target_metadata_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE
);

CREATE TABLE distribution_set_metadata (
    ds_id BIGINT NOT NULL,
    meta_key VARCHAR(128) NOT NULL,
    meta_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (ds_id, meta_key),
    CONSTRAINT fk_ds_metadata_ds FOREIGN KEY (ds_id) REFERENCES distribution_set (id) ON DELETE CASCADE
);

CREATE TABLE software_module_metadata (
    sm_id BIGINT NOT NULL,
    meta_key VARCHAR(128) NOT NULL,
    meta_value VARCHAR(4000) NOT NULL,
    target_visible BOOLEAN NOT NULL,
    PRIMARY KEY (sm_id, meta_key),
    CONSTRAINT fk_sm_metadata_sm FOREIGN KEY (sm_id) REFERENCES software_module (id) ON DELETE CASCADE
);
