package io.hawkbit.repository.action;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ActionUpdatedEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.ArtifactRepository;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleRepository;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The device side of deployments (DDI) beyond the poll: deployment and cancel feedback, attributes, artifact access. */
@Service
public class ControllerService {

    /** hawkBit's per-action quota; a device stuck in a feedback loop must not fill the database. */
    static final int MAX_STATUS_ENTRIES_PER_ACTION = 1000;
    static final int MAX_MESSAGES_PER_STATUS = 50;
    static final int MAX_ATTRIBUTES = 100;

    private final TargetRepository targets;
    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final ArtifactRepository artifacts;
    private final SoftwareModuleRepository modules;
    private final TenantConfigurationService config;
    private final Clock clock;
    private final ClusterEventPublisher events;
    private final ApplicationEventPublisher local;

    public ControllerService(TargetRepository targets, ActionRepository actions, ActionStatusRepository statuses,
            ArtifactRepository artifacts, SoftwareModuleRepository modules, TenantConfigurationService config, Clock clock,
            ClusterEventPublisher events, ApplicationEventPublisher local) {
        this.events = events;
        this.local = local;
        this.targets = targets;
        this.actions = actions;
        this.statuses = statuses;
        this.artifacts = artifacts;
        this.modules = modules;
        this.config = config;
        this.clock = clock;
    }

    /** An update action of the device with its set, modules and artifacts loaded; 404 for another device's action. */
    @Transactional(readOnly = true)
    public Action deploymentAction(String tenant, String controllerId, Long actionId) {
        Action action = ownAction(tenant, controllerId, actionId);
        if (action.isCancelingOrCanceled()) {
            throw new EntityNotFoundException("Action", actionId);
        }
        initialize(action);
        return action;
    }

    /** The canceling action the device is asked to stop. */
    @Transactional(readOnly = true)
    public Action cancelAction(String tenant, String controllerId, Long actionId) {
        Action action = ownAction(tenant, controllerId, actionId);
        if (!action.isCancelingOrCanceled()) {
            throw new EntityNotFoundException("Action", actionId);
        }
        return action;
    }

    /** A finished action for {@code installedBase}. */
    @Transactional(readOnly = true)
    public Action installedAction(String tenant, String controllerId, Long actionId) {
        Action action = ownAction(tenant, controllerId, actionId);
        if (action.isActive() || action.getStatus() != ActionState.FINISHED) {
            throw new EntityNotFoundException("Action", actionId);
        }
        initialize(action);
        return action;
    }

    private static void initialize(Action action) {
        action.getDistributionSet().getModules().forEach(m -> m.getArtifacts().size());
    }

    /** The newest {@code count} status entries of an action with their messages, newest first. */
    @Transactional(readOnly = true)
    public List<ActionStatus> history(Long actionId, int count) {
        List<ActionStatus> history = statuses.findByActionIdOrderByIdDesc(actionId, PageRequest.of(0, Math.max(1, count)));
        history.forEach(s -> s.getMessages().size());
        return history;
    }

    private Action ownAction(String tenant, String controllerId, Long actionId) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        return actions.findByTenantAndId(tenant, actionId).filter(a -> a.getTarget().getId().equals(target.getId()))
                .orElseThrow(() -> new EntityNotFoundException("Action", actionId));
    }

    /** Records deployment feedback; a closing report ends the action and moves the target's installed set. */
    @Transactional
    public void deploymentFeedback(String tenant, String controllerId, Long actionId, Feedback feedback) {
        Action action = ownAction(tenant, controllerId, actionId);
        Action.Transition transition = action.applyDeploymentFeedback(feedback);
        addStatus(action, transition, feedback, messages(feedback, "Update Server: Target reported "
                + feedback.execution().name()
                + (feedback.execution() == Feedback.Execution.CLOSED ? " with " + feedback.result().name() : "")));
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
        actionUpdated(action);
    }

    private void closed(Action action) {
        ActionOutcome.afterActionClosed(action, actions);
        targetUpdated(action.getTarget());
        if (action.getRolloutId() != null) {
            local.publishEvent(new RolloutActionClosed(action.getTenant(), action.getRolloutId()));
        }
    }

    private void actionUpdated(Action action) {
        events.publish(new ActionUpdatedEvent(action.getTenant(), action.getId(), action.getTarget().getControllerId(),
                action.getDistributionSet().getId(), action.getStatus().json(), action.isActive(), events.origin()));
    }

    private void targetUpdated(Target target) {
        events.publish(new TargetUpdatedEvent(target.getTenant(), target.getId(), target.getControllerId(), events.origin()));
    }

    /** Records the device's answer to a cancel request. */
    @Transactional
    public void cancelFeedback(String tenant, String controllerId, Long actionId, Feedback feedback) {
        Action action = ownAction(tenant, controllerId, actionId);
        Action.Transition transition = action.applyCancelFeedback(feedback);
        addStatus(action, transition, feedback,
                messages(feedback, "Update Server: Target reported cancelation " + feedback.execution().name()));
        if (transition.closed()) {
            closed(action);
        }
        actions.flush();
        actionUpdated(action);
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
            throw new HawkbitException(ServerError.QUOTA_EXCEEDED,
                    "Action " + action.getId() + " has reached its " + MAX_STATUS_ENTRIES_PER_ACTION + " status entries");
        }
        long occurredAt = feedback.occurredAt() != null ? feedback.occurredAt() : clock.millis();
        statuses.save(new ActionStatus(action, transition.recorded(), occurredAt, feedback.code(), messages, "CONTROLLER_PLUG_AND_PLAY"));
        if (feedback.code() != null) {
            action.setLastActionStatusCode(feedback.code());
        }
    }

    /** DDI configData modes. */
    public enum AttributeMode { MERGE, REPLACE, REMOVE }

    @Transactional
    public void updateAttributes(String tenant, String controllerId, AttributeMode mode, Map<String, String> data) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        Map<String, String> attributes = target.getControllerAttributes();
        switch (mode) {
            case REPLACE -> {
                attributes.clear();
                attributes.putAll(data);
            }
            case REMOVE -> data.keySet().forEach(attributes::remove);
            case MERGE -> attributes.putAll(data);
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new HawkbitException(ServerError.QUOTA_EXCEEDED, "A target may have at most " + MAX_ATTRIBUTES + " attributes");
        }
        target.setRequestControllerAttributes(false);
        targets.flush();
        targetUpdated(target);
    }

    /** An artifact the device may download: it must belong to a set ever assigned to the device. */
    @Transactional(readOnly = true)
    public Artifact artifact(String tenant, String controllerId, Long moduleId, String filename) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        if (!actions.existsForTargetAndModule(target.getId(), moduleId)) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        return artifacts.findBySoftwareModuleIdAndFilename(moduleId, filename)
                .orElseThrow(() -> new EntityNotFoundException("Artifact", filename));
    }

    /** The artifacts of a module assigned to the device. */
    @Transactional(readOnly = true)
    public SoftwareModule module(String tenant, String controllerId, Long moduleId) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        if (!actions.existsForTargetAndModule(target.getId(), moduleId)) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        SoftwareModule module = modules.findById(moduleId).orElseThrow(() -> new EntityNotFoundException("SoftwareModule", moduleId));
        module.getArtifacts().size();
        return module;
    }

    /** Polling interval as a duration, for computing overdue state. */
    @Transactional(readOnly = true)
    public Duration pollingTime(String tenant) {
        return config.duration(tenant, TenantConfigKey.POLLING_TIME);
    }
}
