-- hawkBit's confirmation flow (user consent): a target's auto-confirmation, at most one per target (deleted with it),
-- and whether an assignment made by a rollout group or a filter's auto-assignment must wait for the device's consent.

CREATE TABLE target_auto_confirm (
    target_id BIGINT NOT NULL,
    tenant VARCHAR(40) NOT NULL,
    initiator VARCHAR(64),
    remark VARCHAR(512),
    activated_at BIGINT NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (target_id),
    CONSTRAINT fk_target_auto_confirm_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE
);

ALTER TABLE rollout_group ADD COLUMN confirmation_required BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE target_filter_query ADD COLUMN auto_assign_confirmation_required BOOLEAN;

-- WAIT_FOR_CONFIRMATION (21 characters) does not fit the 16 the action states had.
ALTER TABLE action MODIFY status VARCHAR(32) NOT NULL;

ALTER TABLE action_status MODIFY status VARCHAR(32) NOT NULL;
