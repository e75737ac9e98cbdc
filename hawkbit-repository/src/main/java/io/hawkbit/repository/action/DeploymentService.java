package io.hawkbit.repository.action;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.repository.targettype.IncompatibleTargetTypeException;
import io.hawkbit.repository.targettype.TargetType;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns distribution sets to targets: a new action each, replacing what the target had open (with the tenant's
 * multi-assignment on, beside what it had open).
 */
@Service
public class DeploymentService {

    /** Most values in one SQL IN list. */
    private static final int IN_LIST = 1000;

    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final TargetRepository targetRepository;
    private final DistributionSetService distributionSets;
    private final TenantConfigurationService config;
    private final Clock clock;
    private final ClusterEventPublisher events;
    private final ActionCancellation cancellation;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;
    private final ConsentPolicy.Factory consentPolicies;
    private final ActionBulkInsert bulkInsert;
    private final BatchTargets batchTargets;

    public DeploymentService(
            ActionRepository actions,
            ActionStatusRepository statuses,
            TargetRepository targetRepository,
            DistributionSetService distributionSets,
            TenantConfigurationService config,
            Clock clock,
            ClusterEventPublisher events,
            ActionCancellation cancellation,
            ActionEvents actionEvents,
            TargetEvents targetEvents,
            ConsentPolicy.Factory consent,
            ActionBulkInsert bulkInsert,
            BatchTargets batchTargets) {
        this.consentPolicies = consent;
        this.bulkInsert = bulkInsert;
        this.batchTargets = batchTargets;
        this.events = events;
        this.cancellation = cancellation;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
        this.actions = actions;
        this.statuses = statuses;
        this.targetRepository = targetRepository;
        this.distributionSets = distributionSets;
        this.config = config;
        this.clock = clock;
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
        for (Assignment assignment : assignments) {
            if (assignment.maintenanceWindow() != null) {
                assignment.maintenanceWindow().requireFuture(clock.instant());
            }
        }
        String message = group == null
                ? "Assignment initiated by user '" + user + "'"
                : "Assignment initiated by rollout '" + group.rolloutName() + "', group '" + group.groupName() + "'";
        Request request = new Request(tenant, set, user, group, autoclose, clock.millis(), message);
        // Set-based where nothing can need the device's consent and no target works on several sets at once.
        Outcome outcome = bulk && !multiAssignment && !consentPolicies.flowOn(tenant)
                ? setBased(request, assignments)
                : entityBased(request, assignments, multiAssignment);
        // implicit.lock.enabled: what was assigned can no longer change under a device (hawkBit's default, on).
        boolean locks = !set.isLocked()
                && (!outcome.created.isEmpty() || !outcome.setBased.isEmpty())
                && config.enabled(tenant, TenantConfigKey.IMPLICIT_LOCK_ENABLED);
        if (locks) {
            set.lock();
        }
        List<Assigned> setBased = insert(outcome.setBased);
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

    /** What one call assigns with, the same for each of its targets. */
    private record Request(
            String tenant,
            DistributionSet set,
            String user,
            RolloutOrigin group,
            boolean autoclose,
            long now,
            String message) {}

    /**
     * One call's outcome so far: entity actions created, open actions that deploy the set already, targets left out,
     * and the targets to be written set-based, by the parameters their actions share.
     */
    private static final class Outcome {
        final List<Action> created = new ArrayList<>();
        final List<Action> already = new ArrayList<>();
        final Map<ActionBulkInsert.Batch, List<BatchTargets.Row>> setBased = new LinkedHashMap<>();
        final List<Target> incompatible;

        Outcome(List<Target> incompatible) {
            this.incompatible = incompatible;
        }
    }

    /**
     * Every target as an entity, each action saved with its first status: the API's path, and a batch's while the
     * consent flow or multi-assignment is on.
     */
    private Outcome entityBased(Request request, List<Assignment> assignments, boolean multiAssignment) {
        // Targets and their open actions read up front: a query inside the loop would make Hibernate flush-check
        // every entity created so far, once per target (quadratic in the batch).
        Map<String, Target> byControllerId = targetsOf(request.tenant(), assignments);
        Outcome outcome = new Outcome(incompatible(byControllerId.values(), request.set()));
        refuseIncompatible(request, outcome.incompatible);
        Map<Long, List<Action>> openByTarget =
                multiAssignment ? new HashMap<>() : openActionsOf(byControllerId.values());
        ConsentPolicy consent = consentPolicies.of(request.tenant(), byControllerId.values(), request.user());
        for (Assignment assignment : assignments) {
            Target target = byControllerId.get(assignment.controllerId());
            if (outcome.incompatible.contains(target)) {
                continue;
            }
            List<Action> open = multiAssignment
                    ? new ArrayList<>()
                    : openByTarget.computeIfAbsent(target.getId(), id -> new ArrayList<>());
            assign(request, assignment, target, open, consent, outcome);
        }
        return outcome;
    }

    /**
     * A scheduler's batch: its targets read as rows, and written set-based ({@link ActionBulkInsert}) unless an open
     * action is to be kept or replaced or a maintenance window given; only those targets (and their open actions)
     * become entities. The others never do in this transaction (the schedulers read their candidates as rows or in a
     * transaction of their own), so the SQL writes leave no stale entity behind to be flushed over them.
     */
    private Outcome setBased(Request request, List<Assignment> assignments) {
        Map<String, BatchTargets.Row> rows = rowsOf(request.tenant(), assignments);
        List<Long> refused = incompatibleIds(rows.values(), request.set());
        Outcome outcome = new Outcome(refused.isEmpty() ? List.of() : byId(targetRepository.findAllById(refused)));
        refuseIncompatible(request, outcome.incompatible);
        Set<Long> left = new HashSet<>(refused);
        Set<Long> withOpenAction = batchTargets.withOpenAction(rows.values().stream()
                .map(BatchTargets.Row::id)
                .filter(id -> !left.contains(id))
                .toList());
        List<Assignment> entityPath = new ArrayList<>();
        for (Assignment assignment : assignments) {
            BatchTargets.Row row = rows.get(assignment.controllerId());
            if (left.contains(row.id())) {
                continue;
            }
            if (withOpenAction.contains(row.id()) || assignment.maintenanceWindow() != null) {
                entityPath.add(assignment);
                continue;
            }
            outcome.setBased
                    .computeIfAbsent(batch(request, assignment), b -> new ArrayList<>())
                    .add(row);
        }
        if (!entityPath.isEmpty()) {
            Map<String, Target> byControllerId = targetsOf(request.tenant(), entityPath);
            Map<Long, List<Action>> openByTarget = openActionsOf(byControllerId.values());
            ConsentPolicy consent = consentPolicies.of(request.tenant(), byControllerId.values(), request.user());
            for (Assignment assignment : entityPath) {
                Target target = byControllerId.get(assignment.controllerId());
                List<Action> open = openByTarget.computeIfAbsent(target.getId(), id -> new ArrayList<>());
                assign(request, assignment, target, open, consent, outcome);
            }
        }
        return outcome;
    }

    /**
     * One target's assignment as entities: reported as assigned already when an open action deploys the set, else its
     * other open actions canceled and a new action saved.
     */
    private void assign(
            Request request,
            Assignment assignment,
            Target target,
            List<Action> open,
            ConsentPolicy consent,
            Outcome outcome) {
        DistributionSet set = request.set();
        var existing = open.stream()
                .filter(a -> a.getDistributionSet().getId().equals(set.getId()) && !a.isCancelingOrCanceled())
                .findFirst();
        if (existing.isPresent()) {
            outcome.already.add(existing.get());
            return;
        }
        for (Action previous : open) {
            if (!previous.isCancelingOrCanceled()) {
                cancellation.replace(
                        previous,
                        request.autoclose(),
                        "Canceled: distribution set " + set.getName() + ":" + set.getVersion() + " was assigned by "
                                + request.user(),
                        request.now(),
                        request.user());
            }
        }
        RolloutOrigin group = request.group();
        Action action = new Action(target, set, typeOf(assignment), forcedTimeOf(assignment), assignment.weight());
        if (group != null) {
            action.createdBy(group.rolloutId(), group.groupId());
        }
        action.withMaintenanceWindow(assignment.maintenanceWindow());
        boolean required = group != null
                ? group.confirmationRequired()
                : assignment.confirmationRequired() == null ? consent.flowOn() : assignment.confirmationRequired();
        List<String> messages = new ArrayList<>();
        messages.add(request.message());
        ActionState recorded = consent.apply(action, required, messages);
        actions.save(action);
        statuses.save(new ActionStatus(action, recorded, request.now(), null, messages, request.user()));
        target.setAssignedDistributionSet(set);
        target.setUpdateStatus(TargetUpdateStatus.PENDING);
        open.add(action);
        outcome.created.add(action);
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

    private Map<String, Target> targetsOf(String tenant, List<Assignment> assignments) {
        List<String> ids = controllerIdsOf(assignments);
        Map<String, Target> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            targetRepository
                    .findByTenantAndControllerIdIn(tenant, ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .forEach(t -> found.put(t.getControllerId(), t));
        }
        requireAll(ids, found.keySet());
        return found;
    }

    private Map<String, BatchTargets.Row> rowsOf(String tenant, List<Assignment> assignments) {
        List<String> ids = controllerIdsOf(assignments);
        Map<String, BatchTargets.Row> found = new HashMap<>();
        batchTargets.of(tenant, ids).forEach(row -> found.put(row.controllerId(), row));
        requireAll(ids, found.keySet());
        return found;
    }

    private static List<String> controllerIdsOf(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::controllerId).distinct().toList();
    }

    /** Refuses the call for the first requested controllerId that was not found (as stored, by the database's rules). */
    private static void requireAll(List<String> requested, Set<String> found) {
        requested.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
            throw new EntityNotFoundException("Target", id);
        });
    }

    /**
     * Targets whose type does not list the set's type. Untyped targets cost no query; each distinct type loads its
     * compatible list once per transaction.
     */
    private static List<Target> incompatible(Collection<Target> targets, DistributionSet set) {
        List<Target> refused = new ArrayList<>();
        for (Target target : targets) {
            TargetType type = target.getTargetType();
            if (type != null && !type.isCompatibleWith(set.getType())) {
                refused.add(target);
            }
        }
        return byId(refused);
    }

    /**
     * {@link #incompatible(Collection, DistributionSet)} by the rows' type ids: the types that may get the set read in
     * one query, and only when a target has a type. Lowest id first.
     */
    private List<Long> incompatibleIds(Collection<BatchTargets.Row> rows, DistributionSet set) {
        if (rows.stream().allMatch(row -> row.typeId() == null)) {
            return List.of();
        }
        Set<Long> compatible = batchTargets.typesCompatibleWith(set.getType().getId());
        return rows.stream()
                .filter(row -> row.typeId() != null && !compatible.contains(row.typeId()))
                .map(BatchTargets.Row::id)
                .sorted()
                .toList();
    }

    private static List<Target> byId(List<Target> targets) {
        List<Target> sorted = new ArrayList<>(targets);
        sorted.sort((a, b) -> a.getId().compareTo(b.getId()));
        return sorted;
    }

    /** Outside a rollout, a target that may not get the set refuses the whole call (a rollout leaves it out). */
    private static void refuseIncompatible(Request request, List<Target> incompatible) {
        if (!incompatible.isEmpty() && request.group() == null) {
            throw new IncompatibleTargetTypeException(
                    incompatible.get(0).getTargetType().getName(),
                    request.set().getType().getName());
        }
    }

    private Map<Long, List<Action>> openActionsOf(Collection<Target> of) {
        List<Long> ids = of.stream().map(Target::getId).toList();
        Map<Long, List<Action>> open = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            actions.findActiveOf(ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
                    .forEach(a -> open.computeIfAbsent(a.getTarget().getId(), id -> new ArrayList<>())
                            .add(a));
        }
        return open;
    }

    private static ActionType typeOf(Assignment assignment) {
        return assignment.type() == null ? ActionType.FORCED : assignment.type();
    }

    private static long forcedTimeOf(Assignment assignment) {
        return typeOf(assignment) == ActionType.TIMEFORCED && assignment.forceTime() != null
                ? assignment.forceTime()
                : 0L;
    }

    /** What a set-based target's action shares with the others of its batch. */
    private static ActionBulkInsert.Batch batch(Request request, Assignment assignment) {
        RolloutOrigin group = request.group();
        return new ActionBulkInsert.Batch(
                request.tenant(),
                request.set().getId(),
                typeOf(assignment),
                forcedTimeOf(assignment),
                assignment.weight(),
                group == null ? null : group.rolloutId(),
                group == null ? null : group.groupId(),
                request.message(),
                request.user());
    }

    /** Writes the set-based actions, batch by batch; each batch's lowest action id first. */
    private List<Assigned> insert(Map<ActionBulkInsert.Batch, List<BatchTargets.Row>> setBased) {
        List<Assigned> assigned = new ArrayList<>();
        setBased.forEach((batch, rows) -> {
            Map<Long, String> controllerIds = new HashMap<>();
            rows.forEach(row -> controllerIds.put(row.id(), row.controllerId()));
            bulkInsert.insert(batch, controllerIds.keySet()).stream()
                    .map(c -> new Assigned(c.actionId(), controllerIds.get(c.targetId())))
                    .forEach(assigned::add);
        });
        return assigned;
    }
}
