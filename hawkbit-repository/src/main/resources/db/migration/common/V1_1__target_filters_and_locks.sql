-- Target filter queries (with their optional auto-assignment) and the cluster locks of the schedulers.

CREATE TABLE target_filter_query (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant VARCHAR(40) NOT NULL,
    name VARCHAR(128) NOT NULL,
    query VARCHAR(1024) NOT NULL,
    auto_assign_distribution_set BIGINT,
    auto_assign_action_type VARCHAR(16),
    auto_assign_weight INT,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    last_modified_at DATETIME(6) NOT NULL,
    last_modified_by VARCHAR(64) NOT NULL,
    optlock_revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_target_filter_query UNIQUE (tenant, name),
    CONSTRAINT fk_tfq_auto_assign_ds FOREIGN KEY (auto_assign_distribution_set) REFERENCES distribution_set (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_action_target_ds ON action (target_id, distribution_set_id);

-- Spring Integration's JdbcLockRegistry table (its schema-mysql.sql), one row per lock held; upper case because
-- DefaultLockRepository names it so and MariaDB table names are case-sensitive on Linux.
CREATE TABLE INT_LOCK (
    LOCK_KEY CHAR(36) NOT NULL,
    REGION VARCHAR(100) NOT NULL,
    CLIENT_ID CHAR(36),
    CREATED_DATE DATETIME(6) NOT NULL,
    EXPIRED_AFTER DATETIME(6) NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
) ENGINE = InnoDB;
