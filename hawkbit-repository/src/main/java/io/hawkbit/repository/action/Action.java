package io.hawkbit.repository.action;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.Target;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * The deployment of one distribution set to one target, from assignment until the device closes it. The action's
 * state machine lives here: its state changes only through the methods below, each of which either applies a
 * transition or refuses with the error the API answers.
 */
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
    @Column(name = "status", nullable = false, length = 32)
    private ActionState status;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "last_action_status_code")
    private Integer lastActionStatusCode;

    /** The rollout that created the action, if one did: an id, so actions need nothing of the rollout package. */
    @Column(name = "rollout_id", updatable = false)
    private Long rolloutId;

    @Column(name = "rollout_group_id", updatable = false)
    private Long rolloutGroupId;

    // Read-only views of the same columns, for RSQL's rollout.name and rolloutgroup.name; never loaded otherwise.
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rollout_id", insertable = false, updatable = false)
    private RolloutRef rollout;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rollout_group_id", insertable = false, updatable = false)
    private RolloutGroupRef rolloutGroup;

    /** When the device may install; null (all three columns empty) for an action without a window. */
    @Embedded
    private MaintenanceWindow maintenanceWindow;

    protected Action() {}

    public Action(
            Target target, DistributionSet distributionSet, ActionType actionType, long forcedTime, Integer weight) {
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
    void createdBy(Long rolloutId, Long rolloutGroupId) {
        this.rolloutId = rolloutId;
        this.rolloutGroupId = rolloutGroupId;
    }

    /** Sets the action's maintenance window; only before it is saved. */
    void withMaintenanceWindow(MaintenanceWindow window) {
        this.maintenanceWindow = window;
    }

    public Optional<MaintenanceWindow> getMaintenanceWindow() {
        return Optional.ofNullable(maintenanceWindow);
    }

    public Long getRolloutId() {
        return rolloutId;
    }

    public Long getRolloutGroupId() {
        return rolloutGroupId;
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

    public boolean isActive() {
        return active;
    }

    public Integer getLastActionStatusCode() {
        return lastActionStatusCode;
    }

    public void setLastActionStatusCode(Integer lastActionStatusCode) {
        this.lastActionStatusCode = lastActionStatusCode;
    }

    /** What a report or request did: the state written to the action's history, and whether the action ended. */
    public record Transition(ActionState recorded, boolean closed) {}

    /**
     * Applies a device's deploymentBase feedback. Closing reports end the action, whatever its state: a device that
     * finished installing before it saw a cancel request has the set installed. Progress reports are recorded; they
     * set the detailed state of a running action but never take an action out of canceling, or the device's next poll
     * would offer the deployment it was told to stop.
     *
     * @throws HawkbitException {@link ServerError#ACTION_NOT_ACTIVE} when the action is closed already
     */
    public Transition applyDeploymentFeedback(Feedback feedback) {
        if (!active) {
            throw new HawkbitException(ServerError.ACTION_NOT_ACTIVE, "Action " + getId() + " is closed already");
        }
        ActionState reported = switch (feedback.execution()) {
            case CLOSED -> feedback.result() == Feedback.Result.FAILURE ? ActionState.ERROR : ActionState.FINISHED;
            case CANCELED -> ActionState.CANCELED;
            case REJECTED -> ActionState.WARNING;
            case DOWNLOAD -> ActionState.DOWNLOAD;
            case DOWNLOADED -> ActionState.DOWNLOADED;
            case PROCEEDING, SCHEDULED, RESUMED -> ActionState.RUNNING;
        };
        boolean canceling = status == ActionState.CANCELING;
        boolean ends = switch (feedback.execution()) {
            case CLOSED, CANCELED -> true;
            // A download-only deployment is done once downloaded, unless the operator wants it stopped.
            case DOWNLOADED -> actionType == ActionType.DOWNLOAD_ONLY && !canceling;
            default -> false;
        };
        if (ends) {
            status = reported;
            active = false;
        } else if (!canceling) {
            status = reported;
        }
        return new Transition(reported, ends);
    }

    /**
     * Applies a device's answer on cancelAction. Only a canceling action takes one; a canceled one accepts a repeated
     * confirmation (a device retrying after a lost response) without changing.
     *
     * @throws HawkbitException {@link ServerError#ACTION_NOT_CANCELABLE} when the action is not being canceled
     */
    public Transition applyCancelFeedback(Feedback feedback) {
        if (status != ActionState.CANCELING && status != ActionState.CANCELED) {
            throw new HawkbitException(
                    ServerError.ACTION_NOT_CANCELABLE,
                    "Action " + getId() + " is " + status.json() + ", not being canceled");
        }
        ActionState reported = switch (feedback.execution()) {
            case CLOSED ->
                feedback.result() == Feedback.Result.FAILURE ? ActionState.CANCEL_REJECTED : ActionState.CANCELED;
            case CANCELED -> ActionState.CANCELED;
            case REJECTED -> ActionState.CANCEL_REJECTED;
            default -> ActionState.CANCELING;
        };
        if (status == ActionState.CANCELED) {
            return new Transition(reported, false);
        }
        if (reported == ActionState.CANCELED) {
            status = ActionState.CANCELED;
            active = false;
            return new Transition(reported, true);
        }
        if (reported == ActionState.CANCEL_REJECTED) {
            // The device could not stop: the update goes on and deploymentBase is offered again.
            status = ActionState.RUNNING;
        }
        return new Transition(reported, false);
    }

    /**
     * The operator asks the device to cancel; it answers on cancelAction.
     *
     * @throws HawkbitException {@link ServerError#ACTION_NOT_CANCELABLE} when closed or canceling already
     */
    public void requestCancel() {
        if (!active) {
            throw new HawkbitException(ServerError.ACTION_NOT_CANCELABLE, "Action " + getId() + " is not active");
        }
        if (status == ActionState.CANCELING) {
            throw new HawkbitException(
                    ServerError.ACTION_NOT_CANCELABLE, "Action " + getId() + " is already canceling");
        }
        status = ActionState.CANCELING;
    }

    /**
     * The operator gives up waiting for the device's cancel confirmation.
     *
     * @throws HawkbitException {@link ServerError#ACTION_NOT_CANCELABLE} when closed,
     *         {@link ServerError#ACTION_NOT_FORCE_QUITABLE} when not canceling
     */
    public void forceQuit() {
        if (!active) {
            throw new HawkbitException(ServerError.ACTION_NOT_CANCELABLE, "Action " + getId() + " is not active");
        }
        if (status != ActionState.CANCELING) {
            throw new HawkbitException(
                    ServerError.ACTION_NOT_FORCE_QUITABLE,
                    "Action " + getId() + " must be canceled before it can be force-quit");
        }
        closeCanceled();
    }

    /** Records the action as installed already, before it was ever open: an offline assignment. */
    void closeAsInstalledOffline() {
        status = ActionState.FINISHED;
        active = false;
    }

    /** Ends an open action as canceled without asking the device (a newer assignment with autoclose on). */
    void closeCanceled() {
        status = ActionState.CANCELED;
        active = false;
    }

    public boolean isCancelingOrCanceled() {
        return status == ActionState.CANCELING || status == ActionState.CANCELED;
    }

    /**
     * The operator insists on a soft (or download-only) deployment: it becomes forced, as in hawkBit. A forced or
     * time-forced action is left as it is.
     *
     * @return whether the type changed
     */
    public boolean switchToForced() {
        if (actionType == ActionType.FORCED || actionType == ActionType.TIMEFORCED) {
            return false;
        }
        actionType = ActionType.FORCED;
        forcedTime = 0L;
        return true;
    }

    /** The confirmation flow holds a new action until the device (or an operator) consents; only before it is saved. */
    void awaitConfirmation() {
        status = ActionState.WAIT_FOR_CONFIRMATION;
    }

    public boolean isWaitingConfirmation() {
        return active && status == ActionState.WAIT_FOR_CONFIRMATION;
    }

    /**
     * Checks that the action takes a confirmation answer (confirmed or denied), as hawkBit checks it.
     *
     * @throws HawkbitException {@link ServerError#ACTION_NOT_ACTIVE} when closed,
     *         {@link ServerError#ACTION_NOT_WAITING_CONFIRMATION} when not waiting for confirmation
     */
    public void checkAwaitsConfirmation() {
        if (!active) {
            throw new HawkbitException(
                    ServerError.ACTION_NOT_ACTIVE,
                    "Confirming action " + getId() + " is not possible since the action is not active anymore");
        }
        if (status != ActionState.WAIT_FOR_CONFIRMATION) {
            throw new HawkbitException(
                    ServerError.ACTION_NOT_WAITING_CONFIRMATION,
                    "Action " + getId() + " is not waiting for confirmation");
        }
    }

    /**
     * Consent given: the deployment starts and the device is offered deploymentBase. A denial changes nothing: the action
     * keeps waiting, as in hawkBit.
     */
    void confirm() {
        checkAwaitsConfirmation();
        status = ActionState.RUNNING;
    }

    /** A time-forced action counts as forced once its time has come. */
    public boolean isForcedAt(long now) {
        return actionType == ActionType.FORCED || (actionType == ActionType.TIMEFORCED && now >= forcedTime);
    }
}
