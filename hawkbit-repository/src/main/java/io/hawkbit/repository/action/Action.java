package io.hawkbit.repository.action;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutGroup;
import io.hawkbit.repository.target.Target;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The deployment of one distribution set to one target, from assignment until the device closes it. */
@Entity
@Table(name = "action")
public class Action extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id", nullable = false, updatable = false)
    private Target target;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "distribution_set_id", nullable = false, updatable = false)
    private DistributionSet distributionSet;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false, length = 16)
    private ActionType actionType;

    /** Epoch milliseconds from which a time-forced action becomes forced; 0 otherwise. */
    @Column(name = "forced_time", nullable = false)
    private long forcedTime;

    @Column(name = "weight")
    private Integer weight;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ActionState status;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "last_action_status_code")
    private Integer lastActionStatusCode;

    /** The rollout that created the action, if one did. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rollout_id", updatable = false)
    private Rollout rollout;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rollout_group_id", updatable = false)
    private RolloutGroup rolloutGroup;

    protected Action() {
    }

    public Action(Target target, DistributionSet distributionSet, ActionType actionType, long forcedTime, Integer weight) {
        super(target.getTenant());
        this.target = target;
        this.distributionSet = distributionSet;
        this.actionType = actionType;
        this.forcedTime = forcedTime;
        this.weight = weight;
        this.status = ActionState.RUNNING;
        this.active = true;
    }

    /** Marks the action as created by a group of a rollout; only before it is saved. */
    public void createdBy(RolloutGroup group) {
        this.rollout = group.getRollout();
        this.rolloutGroup = group;
    }

    public Rollout getRollout() {
        return rollout;
    }

    public RolloutGroup getRolloutGroup() {
        return rolloutGroup;
    }

    public Target getTarget() {
        return target;
    }

    public DistributionSet getDistributionSet() {
        return distributionSet;
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

    public ActionState getStatus() {
        return status;
    }

    public void setStatus(ActionState status) {
        this.status = status;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getLastActionStatusCode() {
        return lastActionStatusCode;
    }

    public void setLastActionStatusCode(Integer lastActionStatusCode) {
        this.lastActionStatusCode = lastActionStatusCode;
    }

    public boolean isCancelingOrCanceled() {
        return status == ActionState.CANCELING || status == ActionState.CANCELED;
    }

    /** A time-forced action counts as forced once its time has come. */
    public boolean isForcedAt(long now) {
        return actionType == ActionType.FORCED || (actionType == ActionType.TIMEFORCED && now >= forcedTime);
    }
}
