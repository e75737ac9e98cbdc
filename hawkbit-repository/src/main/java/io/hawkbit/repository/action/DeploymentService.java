package io.hawkbit.repository.action;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import io.hawkbit.repository.targettype.IncompatibleTargetTypeException;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns distribution sets to targets: a new action each, replacing what the target had open (with the tenant's
 * multi-assignment on, beside what it had open). It checks the call, picks the path ({@link EntityAssignment}, or
 * {@link SetBasedAssignment} for a scheduler's batch), locks the set and publishes the events.
 */
@Service
public class DeploymentService {

    private final ActionRepository actions;
    private final DistributionSetService distributionSets;
    private final TenantConfigurationService config;
    private final Clock clock;
    private final ClusterEventPublisher events;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;
    private final ConsentPolicy.Factory consentPolicies;
    private final EntityAssignment entityAssignment;
    private final SetBasedAssignment setBasedAssignment;
    private final ActionQuota actionQuota;

    public DeploymentService(
            ActionRepository actions,
            DistributionSetService distributionSets,
            TenantConfigurationService config,
            Clock clock,
            ClusterEventPublisher events,
            ActionEvents actionEvents,
            TargetEvents targetEvents,
            ConsentPolicy.Factory consentPolicies,
            EntityAssignment entityAssignment,
            SetBasedAssignment setBasedAssignment,
            ActionQuota actionQuota) {
        this.actions = actions;
        this.distributionSets = distributionSets;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
        this.consentPolicies = consentPolicies;
        this.entityAssignment = entityAssignment;
        this.setBasedAssignment = setBasedAssignment;
        this.actionQuota = actionQuota;
    }

    /**
     * One target's assignment. {@code maintenanceWindow} is null for an assignment without a window;
     * {@code confirmationRequired} null means the tenant's confirmation flow decides (as hawkBit), false skips the
     * device's consent even while the flow is on.
     */
    public record Assignment(
            String controllerId,
            ActionType type,
            Long forceTime,
            Integer weight,
            MaintenanceWindow maintenanceWindow,
            Boolean confirmationRequired) {

        public Assignment(
                String controllerId, ActionType type, Long forceTime, Integer weight, MaintenanceWindow window) {
            this(controllerId, type, forceTime, weight, window, null);
        }

        public Assignment(
                String controllerId, ActionType type, Long forceTime, Integer weight, Boolean confirmationRequired) {
            this(controllerId, type, forceTime, weight, null, confirmationRequired);
        }

        public Assignment(String controllerId, ActionType type, Long forceTime, Integer weight) {
            this(controllerId, type, forceTime, weight, null, null);
        }

        /** The action's type: forced when none is given. */
        ActionType actionType() {
            return type == null ? ActionType.FORCED : type;
        }

        /** The action's forced time in epoch milliseconds: 0 unless the type is time-forced and a time is given. */
        long forcedTime() {
            return actionType() == ActionType.TIMEFORCED && forceTime != null ? forceTime : 0L;
        }
    }

    /**
     * The new actions, the open actions that already deployed the set, and (for a rollout group only) the targets left
     * out because their type is not compatible with the set's type.
     */
    public record AssignmentResult(List<Assigned> assigned, List<Action> alreadyAssigned, List<Target> incompatible) {}

    /**
     * A new action by id and its target's controllerId: what callers report, known without loading the action (the
     * set-based path never does).
     */
    public record Assigned(long actionId, String controllerId) {}

    /**
     * Assigns a distribution set to targets: one new action per target, in one transaction. A target whose open
     * action already deploys the set is reported as already assigned. Other open actions of the target are
     * canceled first (closed at once when the tenant's autoclose setting is on). A target whose type is not
     * compatible with the set's type refuses the whole assignment ({@link IncompatibleTargetTypeException}).
     */
    @Transactional
    public AssignmentResult assign(String tenant, Long distributionSetId, List<Assignment> assignments, String user) {
        return assign(tenant, distributionSetId, assignments, user, null, false);
    }

    /**
     * {@link #assign(String, Long, List, String)} for a scheduler's batch (auto-assignment): the same outcome, but the
     * actions of targets without an open action are written set-based ({@link ActionBulkInsert}) and announced by the
     * batch's {@link DistributionSetAssignedEvent} alone, without an action and a target event each.
     */
    @Transactional
    public AssignmentResult assignInBulk(
            String tenant, Long distributionSetId, List<Assignment> assignments, String user) {
        return assign(tenant, distributionSetId, assignments, user, null, true);
    }

    /**
     * Several sets at once (multi-assignment: one request may give a target several), all or none: one
     * transaction, one {@link AssignmentResult} per set in the map's order.
     */
    @Transactional
    public List<AssignmentResult> assignAll(String tenant, Map<Long, List<Assignment>> bySet, String user) {
        List<AssignmentResult> results = new ArrayList<>();
        bySet.forEach((set, assignments) -> results.add(assign(tenant, set, assignments, user, null, false)));
        return results;
    }

    /** The rollout group whose start assigns: its actions name it. Ids and names only, so actions need no rollout type. */
    public record RolloutOrigin(
            String tenant,
            Long distributionSetId,
            Long rolloutId,
            String rolloutName,
            Long groupId,
            String groupName,
            boolean confirmationRequired) {

        public RolloutOrigin(
                String tenant,
                Long distributionSetId,
                Long rolloutId,
                String rolloutName,
                Long groupId,
                String groupName) {
            this(tenant, distributionSetId, rolloutId, rolloutName, groupId, groupName, false);
        }
    }

    /**
     * {@link #assign(String, Long, List, String)} for the targets of a starting rollout group; its actions name it.
     * Targets whose type became incompatible since the rollout was planned are left out, as hawkBit leaves them out
     * of rollouts, and reported in {@link AssignmentResult#incompatible()}.
     */
    @Transactional
    public AssignmentResult assign(RolloutOrigin group, List<Assignment> assignments, String user) {
        return assign(group.tenant(), group.distributionSetId(), assignments, user, group, true);
    }

    private AssignmentResult assign(
            String tenant,
            Long distributionSetId,
            List<Assignment> requested,
            String user,
            RolloutOrigin group,
            boolean bulk) {
        DistributionSet set = distributionSets.deployable(tenant, distributionSetId);
        boolean autoclose = config.enabled(tenant, TenantConfigKey.AUTOCLOSE_ENABLED);
        // With multi-assignment a target works on several actions at once (hawkBit serves them by weight): a new one
        // neither replaces the open ones nor counts as assigned already. Read as stored: a node that has not yet
        // heard of the switch going on would cancel open actions for good.
        boolean multiAssignment = config.enabledNow(tenant, TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED);
        List<Assignment> assignments = distinct(requested, multiAssignment);
        // The per-target action quota holds for what operators assign. Rollout groups and auto-assignment batches
        // are left out: one target at its quota would stop the group or batch for every other target in it.
        if (group == null && !bulk) {
            actionQuota.makeRoom(
                    tenant, assignments.stream().map(Assignment::controllerId).toList());
        }
        for (Assignment assignment : assignments) {
            if (assignment.maintenanceWindow() != null) {
                assignment.maintenanceWindow().requireFuture(clock.instant());
            }
        }
        String message = group == null
                ? "Assignment initiated by user '" + user + "'"
                : "Assignment initiated by rollout '" + group.rolloutName() + "', group '" + group.groupName() + "'";
        AssignmentRequest request = new AssignmentRequest(tenant, set, user, group, autoclose, clock.millis(), message);
        // Set-based where nothing can need the device's consent and no target works on several sets at once.
        AssignmentOutcome outcome = bulk && !multiAssignment && !consentPolicies.flowOn(tenant)
                ? setBasedAssignment.assign(request, assignments)
                : entityAssignment.assign(request, assignments, multiAssignment);
        // implicit.lock.enabled: what was assigned can no longer change under a device (hawkBit's default, on).
        boolean locks = !set.isLocked()
                && (!outcome.created.isEmpty() || !outcome.setBased.isEmpty())
                && config.enabled(tenant, TenantConfigKey.IMPLICIT_LOCK_ENABLED);
        if (locks) {
            set.lock();
        }
        List<Assigned> setBased = setBasedAssignment.write(outcome);
        actions.flush();
        List<Assigned> assigned = new ArrayList<>();
        for (Action action : outcome.created) {
            assigned.add(new Assigned(action.getId(), action.getTarget().getControllerId()));
            actionEvents.created(action);
            targetEvents.updated(action.getTarget());
        }
        // No action or target event each for the set-based ones: the set's assigned event below names every new action
        // and its device, which is all any receiver needs (two events per action overran the bus's publish queue).
        assigned.addAll(setBased);
        if (!assigned.isEmpty()) {
            events.publish(new DistributionSetAssignedEvent(
                    tenant,
                    set.getId(),
                    assigned.stream().map(Assigned::controllerId).toList(),
                    assigned.stream().map(Assigned::actionId).toList(),
                    events.origin()));
        }
        if (locks) {
            events.publish(new DistributionSetUpdatedEvent(tenant, set.getId(), events.origin()));
        }
        return new AssignmentResult(assigned, outcome.already, outcome.incompatible);
    }

    /**
     * As hawkBit 1.1: an assignment named twice in one request is made once, multi-assignment or not; without
     * multi-assignment a target named twice with different parameters is refused, since the second would cancel the
     * first.
     */
    private static List<Assignment> distinct(List<Assignment> requested, boolean multiAssignment) {
        List<Assignment> assignments = requested.stream().distinct().toList();
        if (!multiAssignment
                && assignments.stream().map(Assignment::controllerId).distinct().count() < assignments.size()) {
            throw new HawkbitException(
                    ServerError.MULTIASSIGNMENT_NOT_ENABLED,
                    "A target can be given one distribution set at a time unless multi.assignments.enabled is on");
        }
        return assignments;
    }
}
