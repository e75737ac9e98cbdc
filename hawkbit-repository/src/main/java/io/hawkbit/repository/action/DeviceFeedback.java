package io.hawkbit.repository.action;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a device's deployment and cancel feedback: the action's transition (decided by {@link Action}), its history
 * entry, and what closing an action does to its target.
 */
@Service
public class DeviceFeedback {

    /** hawkBit's per-action quota; a device stuck in a feedback loop must not fill the database. */
    static final int MAX_STATUS_ENTRIES_PER_ACTION = 1000;

    static final int MAX_MESSAGES_PER_STATUS = 50;

    private final DeviceActions deviceActions;
    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final Clock clock;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;
    private final ApplicationEventPublisher local;

    public DeviceFeedback(
            DeviceActions deviceActions,
            ActionRepository actions,
            ActionStatusRepository statuses,
            Clock clock,
            ActionEvents actionEvents,
            TargetEvents targetEvents,
            ApplicationEventPublisher local) {
        this.deviceActions = deviceActions;
        this.actions = actions;
        this.statuses = statuses;
        this.clock = clock;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
        this.local = local;
    }

    /** Records deployment feedback; a closing report ends the action and moves the target's installed set. */
    @Transactional
    public void deploymentFeedback(String tenant, String controllerId, Long actionId, Feedback feedback) {
        Action action = deviceActions.own(tenant, controllerId, actionId);
        if (action.isWaitingConfirmation()) {
            // hawkBit answers 404: the deployment is not offered until the device confirms it.
            throw new EntityNotFoundException("Action", actionId);
        }
        Action.Transition transition = action.applyDeploymentFeedback(feedback);
        addStatus(
                action,
                transition,
                feedback,
                messages(
                        feedback,
                        "Update Server: Target reported "
                                + feedback.execution().name()
                                + (feedback.execution() == Feedback.Execution.CLOSED
                                        ? " with " + feedback.result().name()
                                        : "")));
        if (transition.closed()) {
            Target target = action.getTarget();
            if (action.getStatus() == ActionState.FINISHED) {
                target.setInstalledDistributionSet(action.getDistributionSet());
                target.setInstallDate(clock.millis());
                target.setRequestControllerAttributes(true);
            }
            closed(action);
        }
        actions.flush();
        actionEvents.updated(action);
    }

    private void closed(Action action) {
        ActionOutcome.afterActionClosed(action, actions);
        targetEvents.updated(action.getTarget());
        if (action.getRolloutId() != null) {
            local.publishEvent(new RolloutActionClosed(action.getTenant(), action.getRolloutId()));
        }
    }

    /** Records the device's answer to a cancel request. */
    @Transactional
    public void cancelFeedback(String tenant, String controllerId, Long actionId, Feedback feedback) {
        Action action = deviceActions.own(tenant, controllerId, actionId);
        Action.Transition transition = action.applyCancelFeedback(feedback);
        addStatus(
                action,
                transition,
                feedback,
                messages(
                        feedback,
                        "Update Server: Target reported cancelation "
                                + feedback.execution().name()));
        if (transition.closed()) {
            closed(action);
        }
        actions.flush();
        actionEvents.updated(action);
    }

    private static List<String> messages(Feedback feedback, String fallback) {
        List<String> messages = new ArrayList<>(feedback.details());
        if (messages.size() > MAX_MESSAGES_PER_STATUS) {
            int dropped = messages.size() - MAX_MESSAGES_PER_STATUS + 1;
            messages = new ArrayList<>(messages.subList(0, MAX_MESSAGES_PER_STATUS - 1));
            messages.add("Update Server: " + dropped + " further message(s) dropped");
        }
        if (messages.isEmpty()) {
            messages.add(fallback);
        }
        if (feedback.code() != null) {
            messages.add("Device reported status code: " + feedback.code());
        }
        return messages;
    }

    private void addStatus(Action action, Action.Transition transition, Feedback feedback, List<String> messages) {
        // Only progress counts against the quota: the report that ends an action must always get through.
        if (!transition.closed() && statuses.countByActionId(action.getId()) >= MAX_STATUS_ENTRIES_PER_ACTION) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED,
                    "Action " + action.getId() + " has reached its " + MAX_STATUS_ENTRIES_PER_ACTION
                            + " status entries");
        }
        long occurredAt = feedback.occurredAt() != null ? feedback.occurredAt() : clock.millis();
        statuses.save(new ActionStatus(
                action, transition.recorded(), occurredAt, feedback.code(), messages, "CONTROLLER_PLUG_AND_PLAY"));
        if (feedback.code() != null) {
            action.setLastActionStatusCode(feedback.code());
        }
    }
}
