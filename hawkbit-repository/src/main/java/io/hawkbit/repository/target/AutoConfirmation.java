package io.hawkbit.repository.target;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * hawkBit's auto-confirmation of a target: while it exists, the target's new actions need no consent from the device,
 * and the actions waiting for it were confirmed when it was switched on. One row per target, keyed by the target's id,
 * kept apart from {@link Target} so that switching it does not write the target row the poll write-behind updates.
 */
@Entity
@Table(name = "target_auto_confirm")
public class AutoConfirmation {

    @Id
    @Column(name = "target_id", nullable = false, updatable = false)
    private Long targetId;

    @Column(name = "tenant", nullable = false, updatable = false, length = 40)
    private String tenant;

    @Column(name = "initiator", updatable = false, length = 64)
    private String initiator;

    @Column(name = "remark", updatable = false, length = 512)
    private String remark;

    /** Epoch milliseconds of the activation. */
    @Column(name = "activated_at", nullable = false, updatable = false)
    private long activatedAt;

    /** The Management user or the device (hawkBit's system user for DDI) that switched it on. */
    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    protected AutoConfirmation() {}

    public AutoConfirmation(Target target, String initiator, String remark, long activatedAt, String createdBy) {
        this.targetId = target.getId();
        this.tenant = target.getTenant();
        this.initiator = blankToNull(initiator);
        this.remark = blankToNull(remark);
        this.activatedAt = activatedAt;
        this.createdBy = createdBy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    public Long getTargetId() {
        return targetId;
    }

    public String getInitiator() {
        return initiator;
    }

    public String getRemark() {
        return remark;
    }

    public long getActivatedAt() {
        return activatedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    /** The history message of an action this auto-confirmation confirms, worded as hawkBit's. */
    public String actionMessage() {
        return "Assignment automatically confirmed by initiator '" + orNa(initiator) + "'. \n\n"
                + "Auto confirmation activated by system user: '" + orNa(createdBy) + "' \n\n"
                + "Remark: " + orNa(remark);
    }

    private static String orNa(String value) {
        return value == null || value.isBlank() ? "n/a" : value;
    }
}
