package io.hawkbit.repository.rollout;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.distribution.DistributionSet;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A distribution set deployed to the targets of a filter, group after group. */
@Entity
@Table(name = "rollout")
public class Rollout extends BaseEntity {

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "target_filter_query", nullable = false, updatable = false, length = 1024)
    private String targetFilterQuery;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "distribution_set_id", nullable = false, updatable = false)
    private DistributionSet distributionSet;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 32)
    private RolloutStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false, updatable = false, length = 16)
    private ActionType actionType;

    @Column(name = "forced_time", nullable = false, updatable = false)
    private long forcedTime;

    @Column(name = "weight", updatable = false)
    private Integer weight;

    /** Epoch milliseconds at which the scheduler starts a ready rollout by itself; null: only an explicit start. */
    @Column(name = "start_at")
    private Long startAt;

    @Column(name = "approval_decided_by", length = 64)
    private String approvalDecidedBy;

    @Column(name = "approval_remark", length = 255)
    private String approvalRemark;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    /** hawkBit's dynamic rollout: targets matching the filter later join groups after the static ones. */
    @Column(name = "dynamic", nullable = false, updatable = false)
    private boolean dynamic;

    /** Appended to the name of each dynamic group ({@code group-<n><suffix>}). */
    @Column(name = "dynamic_group_suffix", updatable = false, length = 64)
    private String dynamicGroupSuffix;

    /** Null (every column null) when the rollout is not paced. */
    @Embedded
    private RolloutPace pace;

    protected Rollout() {}

    public Rollout(
            String tenant,
            String name,
            String description,
            String targetFilterQuery,
            DistributionSet distributionSet,
            ActionType actionType,
            long forcedTime,
            Integer weight,
            Long startAt,
            RolloutStatus status) {
        super(tenant);
        this.name = name;
        this.description = description;
        this.targetFilterQuery = targetFilterQuery;
        this.distributionSet = distributionSet;
        this.actionType = actionType;
        this.forcedTime = forcedTime;
        this.weight = weight;
        this.startAt = startAt;
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTargetFilterQuery() {
        return targetFilterQuery;
    }

    public DistributionSet getDistributionSet() {
        return distributionSet;
    }

    public RolloutStatus getStatus() {
        return status;
    }

    public void setStatus(RolloutStatus status) {
        this.status = status;
    }

    public ActionType getActionType() {
        return actionType;
    }

    public long getForcedTime() {
        return forcedTime;
    }

    public Integer getWeight() {
        return weight;
    }

    public Long getStartAt() {
        return startAt;
    }

    public String getApprovalDecidedBy() {
        return approvalDecidedBy;
    }

    public String getApprovalRemark() {
        return approvalRemark;
    }

    public void decideApproval(String user, String remark, boolean approved) {
        this.approvalDecidedBy = user;
        this.approvalRemark = remark;
        this.status = approved ? RolloutStatus.READY : RolloutStatus.APPROVAL_DENIED;
    }

    /** Makes this a dynamic rollout; only while it is created. */
    void makeDynamic(String groupSuffix) {
        this.dynamic = true;
        this.dynamicGroupSuffix = groupSuffix == null ? "" : groupSuffix;
    }

    public boolean isDynamic() {
        return dynamic;
    }

    public String getDynamicGroupSuffix() {
        return dynamicGroupSuffix == null ? "" : dynamicGroupSuffix;
    }

    /** The rollout's pace, or null when it starts its actions as fast as it can. */
    public RolloutPace getPace() {
        return pace;
    }

    public void setPace(RolloutPace pace) {
        this.pace = pace;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        this.deleted = true;
        this.status = RolloutStatus.DELETED;
    }
}
