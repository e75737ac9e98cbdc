-- Base schema. One script set for MariaDB and for H2 in MariaDB mode; every row carries its tenant.

CREATE TABLE tenant_configuration (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    conf_key VARCHAR(128) NOT NULL,
    conf_value VARCHAR(512) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_tenant_configuration UNIQUE (tenant, conf_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE software_module_type (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    type_key VARCHAR(64) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    colour VARCHAR(16),
    max_assignments INT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_sm_type_key UNIQUE (tenant, type_key),
    CONSTRAINT uk_sm_type_name UNIQUE (tenant, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE distribution_set_type (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    type_key VARCHAR(64) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    colour VARCHAR(16),
    deleted BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_ds_type_key UNIQUE (tenant, type_key),
    CONSTRAINT uk_ds_type_name UNIQUE (tenant, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ds_type_element (
    ds_type_id BIGINT NOT NULL,
    sm_type_id BIGINT NOT NULL,
    mandatory BOOLEAN NOT NULL,
    PRIMARY KEY (ds_type_id, sm_type_id),
    CONSTRAINT fk_ds_type_element_ds_type FOREIGN KEY (ds_type_id) REFERENCES distribution_set_type (id) ON DELETE CASCADE,
    CONSTRAINT fk_ds_type_element_sm_type FOREIGN KEY (sm_type_id) REFERENCES software_module_type (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE software_module (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    module_type_id BIGINT NOT NULL,
    name VARCHAR(128) NOT NULL,
    version VARCHAR(64) NOT NULL,
    vendor VARCHAR(256),
    description VARCHAR(512),
    deleted BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_software_module UNIQUE (tenant, module_type_id, name, version),
    CONSTRAINT fk_software_module_type FOREIGN KEY (module_type_id) REFERENCES software_module_type (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE artifact (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    software_module_id BIGINT NOT NULL,
    filename VARCHAR(256) NOT NULL,
    sha1_hash VARCHAR(40) NOT NULL,
    md5_hash VARCHAR(32) NOT NULL,
    sha256_hash VARCHAR(64) NOT NULL,
    file_size BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_artifact_filename UNIQUE (software_module_id, filename),
    CONSTRAINT fk_artifact_module FOREIGN KEY (software_module_id) REFERENCES software_module (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_artifact_sha1 ON artifact (tenant, sha1_hash);

CREATE TABLE distribution_set (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    ds_type_id BIGINT NOT NULL,
    name VARCHAR(128) NOT NULL,
    version VARCHAR(64) NOT NULL,
    description VARCHAR(512),
    required_migration_step BOOLEAN NOT NULL,
    locked BOOLEAN NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_distribution_set UNIQUE (tenant, name, version),
    CONSTRAINT fk_distribution_set_type FOREIGN KEY (ds_type_id) REFERENCES distribution_set_type (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ds_module (
    ds_id BIGINT NOT NULL,
    module_id BIGINT NOT NULL,
    PRIMARY KEY (ds_id, module_id),
    CONSTRAINT fk_ds_module_ds FOREIGN KEY (ds_id) REFERENCES distribution_set (id) ON DELETE CASCADE,
    CONSTRAINT fk_ds_module_module FOREIGN KEY (module_id) REFERENCES software_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE target (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    controller_id VARCHAR(256) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    security_token VARCHAR(128) NOT NULL,
    address VARCHAR(512),
    last_target_query BIGINT,
    install_date BIGINT,
    update_status VARCHAR(16) NOT NULL,
    request_controller_attributes BOOLEAN NOT NULL,
    assigned_distribution_set BIGINT,
    installed_distribution_set BIGINT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_target_controller_id UNIQUE (tenant, controller_id),
    CONSTRAINT fk_target_assigned_ds FOREIGN KEY (assigned_distribution_set) REFERENCES distribution_set (id),
    CONSTRAINT fk_target_installed_ds FOREIGN KEY (installed_distribution_set) REFERENCES distribution_set (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_target_security_token ON target (tenant, security_token);

CREATE TABLE target_attributes (
    target_id BIGINT NOT NULL,
    attribute_key VARCHAR(128) NOT NULL,
    attribute_value VARCHAR(512),
    PRIMARY KEY (target_id, attribute_key),
    CONSTRAINT fk_target_attributes_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE target_tag (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    colour VARCHAR(16),
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_target_tag UNIQUE (tenant, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE target_target_tag (
    target_id BIGINT NOT NULL,
    tag_id BIGINT NOT NULL,
    PRIMARY KEY (target_id, tag_id),
    CONSTRAINT fk_ttt_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE,
    CONSTRAINT fk_ttt_tag FOREIGN KEY (tag_id) REFERENCES target_tag (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE action (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    target_id BIGINT NOT NULL,
    distribution_set_id BIGINT NOT NULL,
    action_type VARCHAR(16) NOT NULL,
    forced_time BIGINT NOT NULL,
    weight INT,
    status VARCHAR(16) NOT NULL,
    active BOOLEAN NOT NULL,
    last_action_status_code INT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_action_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE,
    CONSTRAINT fk_action_ds FOREIGN KEY (distribution_set_id) REFERENCES distribution_set (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_action_target_active ON action (target_id, active);
CREATE INDEX ix_action_tenant_status ON action (tenant, status);

CREATE TABLE action_status (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    action_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    occurred_at BIGINT NOT NULL,
    status_code INT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_action_status_action FOREIGN KEY (action_id) REFERENCES action (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_action_status_action ON action_status (action_id, id);

CREATE TABLE action_status_message (
    action_status_id BIGINT NOT NULL,
    position INT NOT NULL,
    detail VARCHAR(512) NOT NULL,
    PRIMARY KEY (action_status_id, position),
    CONSTRAINT fk_asm_action_status FOREIGN KEY (action_status_id) REFERENCES action_status (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
