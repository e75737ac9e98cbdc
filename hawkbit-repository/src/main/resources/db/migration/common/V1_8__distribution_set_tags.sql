-- Distribution set tags (hawkBit's labels on sets) and their assignments; a tag's assignments go with the tag or
-- the set. valid turns false once an operator invalidates a set: it can no longer be deployed.

CREATE TABLE distribution_set_tag (
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
    CONSTRAINT uk_distribution_set_tag UNIQUE (tenant, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ds_tag (
    ds_id BIGINT NOT NULL,
    tag_id BIGINT NOT NULL,
    PRIMARY KEY (ds_id, tag_id),
    CONSTRAINT fk_ds_tag_ds FOREIGN KEY (ds_id) REFERENCES distribution_set (id) ON DELETE CASCADE,
    CONSTRAINT fk_ds_tag_tag FOREIGN KEY (tag_id) REFERENCES distribution_set_tag (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE distribution_set ADD COLUMN valid BOOLEAN NOT NULL DEFAULT TRUE;
