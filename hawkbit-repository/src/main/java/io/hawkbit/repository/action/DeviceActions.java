package io.hawkbit.repository.action;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a device reads of its actions over DDI: the deployment, the cancel request, the installed base, the history. */
@Service
public class DeviceActions {

    private final TargetRepository targets;
    private final ActionRepository actions;
    private final ActionStatusRepository statuses;

    public DeviceActions(TargetRepository targets, ActionRepository actions, ActionStatusRepository statuses) {
        this.targets = targets;
        this.actions = actions;
        this.statuses = statuses;
    }

    /**
     * An update action of the device with its set, modules and artifacts loaded; 404 for another device's action, and,
     * as in hawkBit, for one that still waits for confirmation.
     */
    @Transactional(readOnly = true)
    public Action deploymentAction(String tenant, String controllerId, Long actionId) {
        Action action = own(tenant, controllerId, actionId);
        if (action.isCancelingOrCanceled() || action.isWaitingConfirmation()) {
            throw new EntityNotFoundException("Action", actionId);
        }
        initialize(action);
        return action;
    }

    /** An action waiting for the device's confirmation, loaded like a deployment; 404 for any other. */
    @Transactional(readOnly = true)
    public Action confirmationAction(String tenant, String controllerId, Long actionId) {
        Action action = own(tenant, controllerId, actionId);
        if (!action.isWaitingConfirmation()) {
            throw new EntityNotFoundException("Action", actionId);
        }
        initialize(action);
        return action;
    }

    /** The canceling action the device is asked to stop. */
    @Transactional(readOnly = true)
    public Action cancelAction(String tenant, String controllerId, Long actionId) {
        Action action = own(tenant, controllerId, actionId);
        if (!action.isCancelingOrCanceled()) {
            throw new EntityNotFoundException("Action", actionId);
        }
        return action;
    }

    /** A finished action for {@code installedBase}. */
    @Transactional(readOnly = true)
    public Action installedAction(String tenant, String controllerId, Long actionId) {
        Action action = own(tenant, controllerId, actionId);
        if (action.isActive() || action.getStatus() != ActionState.FINISHED) {
            throw new EntityNotFoundException("Action", actionId);
        }
        initialize(action);
        return action;
    }

    private static void initialize(Action action) {
        action.getDistributionSet().getModules().forEach(m -> m.getArtifacts().size());
    }

    /** The newest {@code count} messages the device sent about an action, newest entry first. */
    @Transactional(readOnly = true)
    public List<String> history(Long actionId, int count) {
        return statuses.findDeviceMessages(actionId, DeviceHistory.SERVER + "%", PageRequest.of(0, Math.max(1, count)));
    }

    /** The device's own action; 404 for an unknown device or another device's action. */
    Action own(String tenant, String controllerId, Long actionId) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        return actions.findByTenantAndId(tenant, actionId)
                .filter(a -> a.getTarget().getId().equals(target.getId()))
                .orElseThrow(() -> new EntityNotFoundException("Action", actionId));
    }
}
