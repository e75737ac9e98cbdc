package io.hawkbit.repository.action;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.AutoConfirmation;
import io.hawkbit.repository.target.TargetEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers to an action waiting for confirmation (hawkBit's user consent flow): confirmed starts the deployment,
 * denied leaves the action waiting with a history entry. Both come from the device over DDI or from an operator over
 * the Management API; an active auto-confirmation answers for the device.
 */
@Service
public class ActionConfirmation {

    static final String SERVER = DeviceHistory.SERVER;
    static final String CONFIRMED = SERVER
            + "Target confirmed action. Therefore, it will be set to the running state to proceed with the deployment.";
    static final String DENIED = SERVER + "Target rejected action. Action will stay in confirmation pending state.";

    /** The device's or operator's answer: hawkBit's DdiConfirmationFeedback and MgmtActionConfirmationRequestBodyPut. */
    public record Answer(boolean confirmed, Integer code, List<String> details) {

        public Answer {
            details = details == null ? List.of() : List.copyOf(details);
        }
    }

    private final DeviceActions deviceActions;
    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final Clock clock;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;

    public ActionConfirmation(
            DeviceActions deviceActions,
            ActionRepository actions,
            ActionStatusRepository statuses,
            Clock clock,
            ActionEvents actionEvents,
            TargetEvents targetEvents) {
        this.deviceActions = deviceActions;
        this.actions = actions;
        this.statuses = statuses;
        this.clock = clock;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
    }

    /**
     * Records the answer on the target's action.
     *
     * @throws HawkbitException 404 for an unknown target or action, {@link ServerError#ACTION_NOT_ACTIVE} (410) for a
     *         closed action, {@link ServerError#ACTION_NOT_WAITING_CONFIRMATION} (404) for one that does not wait
     */
    @Transactional
    public Action answer(String tenant, String controllerId, Long actionId, Answer answer, String by) {
        Action action = deviceActions.own(tenant, controllerId, actionId);
        action.checkAwaitsConfirmation();
        List<String> messages = new ArrayList<>(answer.details());
        if (messages.size() > DeviceFeedback.MAX_MESSAGES_PER_STATUS) {
            messages = new ArrayList<>(messages.subList(0, DeviceFeedback.MAX_MESSAGES_PER_STATUS));
        }
        ActionState recorded;
        if (answer.confirmed()) {
            action.confirm();
            messages.add(CONFIRMED);
            recorded = ActionState.RUNNING;
        } else {
            // A device denying in a loop must not fill the history: denials count against the per-action quota.
            if (statuses.countByActionId(action.getId()) >= DeviceFeedback.MAX_STATUS_ENTRIES_PER_ACTION) {
                throw new HawkbitException(
                        ServerError.QUOTA_EXCEEDED,
                        "Action " + action.getId() + " has reached its " + DeviceFeedback.MAX_STATUS_ENTRIES_PER_ACTION
                                + " status entries");
            }
            messages.add(DENIED);
            recorded = ActionState.WAIT_FOR_CONFIRMATION;
        }
        if (answer.code() != null) {
            messages.add("Confirmation status code: " + answer.code());
            action.setLastActionStatusCode(answer.code());
        }
        statuses.save(new ActionStatus(action, recorded, clock.millis(), answer.code(), messages, by));
        actions.flush();
        actionEvents.updated(action);
        if (answer.confirmed()) {
            targetEvents.updated(action.getTarget());
        }
        return action;
    }

    /** Confirms every open action of the target that waits, on behalf of the auto-confirmation just switched on. */
    @Transactional
    public List<Action> confirmWaiting(Long targetId, AutoConfirmation autoConfirmation) {
        List<Action> confirmed = new ArrayList<>();
        long now = clock.millis();
        for (Action action : actions.findActive(targetId)) {
            if (!action.isWaitingConfirmation()) {
                continue;
            }
            action.confirm();
            // Written past the quota on purpose, as hawkBit: the confirmation must not get stuck on a full history.
            statuses.save(new ActionStatus(
                    action,
                    ActionState.RUNNING,
                    now,
                    null,
                    List.of(autoConfirmation.actionMessage()),
                    autoConfirmation.getCreatedBy()));
            confirmed.add(action);
        }
        actions.flush();
        confirmed.forEach(actionEvents::updated);
        return confirmed;
    }
}
