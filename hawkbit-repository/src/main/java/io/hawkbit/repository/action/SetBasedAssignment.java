package io.hawkbit.repository.action;

import io.hawkbit.repository.action.DeploymentService.Assigned;
import io.hawkbit.repository.action.DeploymentService.Assignment;
import io.hawkbit.repository.action.DeploymentService.RolloutOrigin;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.target.TargetRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Assigns a scheduler's batch with its targets as rows ({@link BatchTargets}), written set-based
 * ({@link ActionBulkInsert}) unless an open action is to be kept or replaced or a maintenance window given: only those
 * targets (and their open actions) become entities, on the {@link EntityAssignment} path. The others never do in this
 * transaction (the schedulers read their candidates as rows or in a transaction of their own), so the SQL writes
 * leave no stale entity behind to be flushed over them. For batches where nothing can need the device's consent and
 * no target works on several sets at once.
 */
@Component
class SetBasedAssignment {

    private final TargetRepository targets;
    private final BatchTargets batchTargets;
    private final ActionBulkInsert bulkInsert;
    private final EntityAssignment entityAssignment;

    SetBasedAssignment(
            TargetRepository targets,
            BatchTargets batchTargets,
            ActionBulkInsert bulkInsert,
            EntityAssignment entityAssignment) {
        this.targets = targets;
        this.batchTargets = batchTargets;
        this.bulkInsert = bulkInsert;
        this.entityAssignment = entityAssignment;
    }

    /**
     * Decides the batch: type-refused targets left out (or the batch refused outside a rollout), the entity path's
     * targets assigned, the rest queued in {@link AssignmentOutcome#setBased} for {@link #write}.
     */
    AssignmentOutcome assign(AssignmentRequest request, List<Assignment> assignments) {
        Map<String, BatchTargets.Row> rows = rowsOf(request.tenant(), assignments);
        List<Long> refused = incompatibleIds(rows.values(), request.set());
        AssignmentOutcome outcome =
                AssignmentOutcome.leavingOut(request, refused.isEmpty() ? List.of() : targets.findAllById(refused));
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
            entityAssignment.assignCompatible(request, entityPath, outcome);
        }
        return outcome;
    }

    /** Writes the outcome's set-based actions, batch by batch; each batch's lowest action id first. */
    List<Assigned> write(AssignmentOutcome outcome) {
        List<Assigned> assigned = new ArrayList<>();
        outcome.setBased.forEach((batch, rows) -> {
            Map<Long, String> controllerIds = new HashMap<>();
            rows.forEach(row -> controllerIds.put(row.id(), row.controllerId()));
            bulkInsert.insert(batch, controllerIds.keySet()).stream()
                    .map(c -> new Assigned(c.actionId(), controllerIds.get(c.targetId())))
                    .forEach(assigned::add);
        });
        return assigned;
    }

    private Map<String, BatchTargets.Row> rowsOf(String tenant, List<Assignment> assignments) {
        List<String> ids = EntityAssignment.controllerIdsOf(assignments);
        Map<String, BatchTargets.Row> found = new HashMap<>();
        batchTargets.of(tenant, ids).forEach(row -> found.put(row.controllerId(), row));
        EntityAssignment.requireAll(ids, found.keySet());
        return found;
    }

    /**
     * The rows of targets whose type does not list the set's type: the types that may get the set read in one query,
     * and only when a target has a type. Lowest id first.
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

    /** What a set-based target's action shares with the others of its batch. */
    private static ActionBulkInsert.Batch batch(AssignmentRequest request, Assignment assignment) {
        RolloutOrigin group = request.group();
        return new ActionBulkInsert.Batch(
                request.tenant(),
                request.set().getId(),
                assignment.actionType(),
                assignment.forcedTime(),
                assignment.weight(),
                group == null ? null : group.rolloutId(),
                group == null ? null : group.groupId(),
                request.message(),
                request.user());
    }
}
