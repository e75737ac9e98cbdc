package io.hawkbit.repository.action;

import io.hawkbit.repository.event.AssignmentCanceledEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.target.TargetEvents;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancels actions: the operator's cancel and force quit, and the cancel of an action a newer assignment replaces. */
@Service
public class ActionCancellation {

    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final ActionQueries queries;
    private final Clock clock;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;
    private final ClusterEventPublisher events;

    public ActionCancellation(
            ActionRepository actions,
            ActionStatusRepository statuses,
            ActionQueries queries,
            Clock clock,
            ActionEvents actionEvents,
            TargetEvents targetEvents,
            ClusterEventPublisher events) {
        this.actions = actions;
        this.statuses = statuses;
        this.queries = queries;
        this.clock = clock;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
        this.events = events;
    }

    /** Asks the device to cancel (it answers on cancelAction), or, with {@code force}, ends a canceling action at once. */
    @Transactional
    public Action cancel(String tenant, String controllerId, Long actionId, boolean force, String user) {
        Action action = queries.actionOf(tenant, controllerId, actionId);
        long now = clock.millis();
        if (force) {
            action.forceQuit();
            recordCancel(action, "Force quit by user '" + user + "'", now, user);
        } else {
            action.requestCancel();
            recordCancel(action, "Cancelation requested by user '" + user + "'", now, user);
            events.publish(new AssignmentCanceledEvent(
                    tenant,
                    action.getId(),
                    controllerId,
                    action.getDistributionSet().getId(),
                    action.getStatus().json(),
                    true,
                    events.origin()));
        }
        return actions.saveAndFlush(action);
    }

    /**
     * Cancels every open action of the set, as hawkBit does when a set is invalidated: the devices are asked to cancel,
     * and with {@code force} the actions are closed at once as well.
     */
    @Transactional
    public void cancelAll(String tenant, Long distributionSetId, boolean force, String user) {
        List<Action> open = actions.findAll((root, q, cb) -> cb.and(
                cb.equal(root.get("tenant"), tenant),
                cb.equal(root.get("distributionSet").get("id"), distributionSetId),
                cb.isTrue(root.get("active"))));
        for (Action action : open) {
            String controllerId = action.getTarget().getControllerId();
            if (action.getStatus() != ActionState.CANCELING) {
                cancel(tenant, controllerId, action.getId(), false, user);
            }
            if (force) {
                cancel(tenant, controllerId, action.getId(), true, user);
            }
        }
    }

    /** Cancels an open action that a newer assignment replaces: closed at once with autoclose, else asked of the device. */
    void replace(Action action, boolean autoclose, String message, long now, String user) {
        if (autoclose) {
            action.closeCanceled();
        } else {
            action.requestCancel();
        }
        recordCancel(action, message, now, user);
    }

    private void recordCancel(Action action, String message, long now, String user) {
        statuses.save(new ActionStatus(action, action.getStatus(), now, null, List.of(message), user));
        if (!action.isActive()) {
            ActionOutcome.afterActionClosed(action, actions);
            targetEvents.updated(action.getTarget());
        }
        actionEvents.updated(action);
    }
}
