-- Rollouts: a distribution set deployed to the targets of a filter in groups, one group after the other.

CREATE TABLE rollout (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    target_filter_query VARCHAR(1024) NOT NULL,
    distribution_set_id BIGINT NOT NULL,
    status VARCHAR(32) NOT NULL,
    action_type VARCHAR(16) NOT NULL,
    forced_time BIGINT NOT NULL,
    weight INT,
    start_at BIGINT,
    approval_decided_by VARCHAR(64),
    approval_remark VARCHAR(255),
    deleted BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rollout UNIQUE (tenant, name),
    CONSTRAINT fk_rollout_ds FOREIGN KEY (distribution_set_id) REFERENCES distribution_set (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_rollout_tenant_status ON rollout (tenant, status);

CREATE TABLE rollout_group (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    rollout_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(512),
    status VARCHAR(16) NOT NULL,
    target_filter_query VARCHAR(1024),
    target_percentage DOUBLE NOT NULL,
    success_condition VARCHAR(16) NOT NULL,
    success_condition_exp VARCHAR(64) NOT NULL,
    success_action VARCHAR(16) NOT NULL,
    success_action_exp VARCHAR(64) NOT NULL,
    error_condition VARCHAR(16),
    error_condition_exp VARCHAR(64),
    error_action VARCHAR(16),
    error_action_exp VARCHAR(64),
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rollout_group_position UNIQUE (rollout_id, position),
    CONSTRAINT fk_rollout_group_rollout FOREIGN KEY (rollout_id) REFERENCES rollout (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which group a target belongs to, fixed when the rollout is created; its action is created when the group starts.
CREATE TABLE rollout_target_group (
    rollout_group_id BIGINT NOT NULL,
    target_id BIGINT NOT NULL,
    PRIMARY KEY (rollout_group_id, target_id),
    CONSTRAINT fk_rtg_group FOREIGN KEY (rollout_group_id) REFERENCES rollout_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_rtg_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE INDEX ix_rtg_target ON rollout_target_group (target_id);

ALTER TABLE action ADD COLUMN rollout_id BIGINT;
ALTER TABLE action ADD COLUMN rollout_group_id BIGINT;
ALTER TABLE action ADD CONSTRAINT fk_action_rollout FOREIGN KEY (rollout_id) REFERENCES rollout (id) ON DELETE SET NULL;
ALTER TABLE action ADD CONSTRAINT fk_action_rollout_group FOREIGN KEY (rollout_group_id) REFERENCES rollout_group (id) ON DELETE SET NULL;
CREATE INDEX ix_action_rollout_group ON action (rollout_group_id, status);
