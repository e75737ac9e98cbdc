package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.action.DeploymentService.Assignment;
import io.hawkbit.repository.action.DeploymentService.RolloutOrigin;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.repository.targettype.TargetType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Assigns with every target as an entity: its open actions canceled (or one of them kept when it deploys the set
 * already), the device's consent applied, the new action saved with its first status. The API's path, a batch's while
 * the consent flow or multi-assignment is on, and the set-based path's for targets it cannot write as rows.
 */
@Component
class EntityAssignment {

    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final TargetRepository targets;
    private final ActionCancellation cancellation;
    private final ConsentPolicy.Factory consentPolicies;

    EntityAssignment(
            ActionRepository actions,
            ActionStatusRepository statuses,
            TargetRepository targets,
            ActionCancellation cancellation,
            ConsentPolicy.Factory consentPolicies) {
        this.actions = actions;
        this.statuses = statuses;
        this.targets = targets;
        this.cancellation = cancellation;
        this.consentPolicies = consentPolicies;
    }

    /**
     * Assigns to every target, leaving out (or refused for) those whose type may not get the set. With
     * multi-assignment a new action goes beside the target's open ones, otherwise it replaces them.
     */
    AssignmentOutcome assign(AssignmentRequest request, List<Assignment> assignments, boolean multiAssignment) {
        // Targets and their open actions read up front: a query inside the loop would make Hibernate flush-check
        // every entity created so far, once per target (quadratic in the batch).
        Map<String, Target> byControllerId = targetsOf(request.tenant(), assignments);
        AssignmentOutcome outcome =
                AssignmentOutcome.leavingOut(request, incompatible(byControllerId.values(), request.set()));
        List<Assignment> compatible = assignments.stream()
                .filter(a -> !outcome.incompatible.contains(byControllerId.get(a.controllerId())))
                .toList();
        assign(request, compatible, byControllerId, multiAssignment, outcome);
        return outcome;
    }

    /**
     * Assigns to targets known to be compatible with the set, replacing their open actions, into an outcome the
     * caller has begun.
     */
    void assignCompatible(AssignmentRequest request, List<Assignment> assignments, AssignmentOutcome outcome) {
        assign(request, assignments, targetsOf(request.tenant(), assignments), false, outcome);
    }

    private void assign(
            AssignmentRequest request,
            List<Assignment> assignments,
            Map<String, Target> byControllerId,
            boolean multiAssignment,
            AssignmentOutcome outcome) {
        Map<Long, List<Action>> openByTarget =
                multiAssignment ? new HashMap<>() : openActionsOf(byControllerId.values());
        ConsentPolicy consent = consentPolicies.of(request.tenant(), byControllerId.values(), request.user());
        for (Assignment assignment : assignments) {
            Target target = byControllerId.get(assignment.controllerId());
            List<Action> open = multiAssignment
                    ? new ArrayList<>()
                    : openByTarget.computeIfAbsent(target.getId(), id -> new ArrayList<>());
            assign(request, assignment, target, open, consent, outcome);
        }
    }

    /**
     * One target's assignment: reported as assigned already when an open action deploys the set, else its other open
     * actions canceled and a new action saved.
     */
    private void assign(
            AssignmentRequest request,
            Assignment assignment,
            Target target,
            List<Action> open,
            ConsentPolicy consent,
            AssignmentOutcome outcome) {
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
        Action action = new Action(target, set, assignment.actionType(), assignment.forcedTime(), assignment.weight());
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

    private Map<String, Target> targetsOf(String tenant, List<Assignment> assignments) {
        List<String> ids = controllerIdsOf(assignments);
        Map<String, Target> found = new HashMap<>();
        BatchQuota.inChunks(ids, chunk -> targets.findByTenantAndControllerIdIn(tenant, chunk))
                .forEach(t -> found.put(t.getControllerId(), t));
        requireAll(ids, found.keySet());
        return found;
    }

    private Map<Long, List<Action>> openActionsOf(Collection<Target> of) {
        List<Long> ids = of.stream().map(Target::getId).toList();
        Map<Long, List<Action>> open = new HashMap<>();
        BatchQuota.inChunks(ids, actions::findActiveOf)
                .forEach(a -> open.computeIfAbsent(a.getTarget().getId(), id -> new ArrayList<>())
                        .add(a));
        return open;
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
        return refused;
    }

    /** The requested controllerIds, each once. */
    static List<String> controllerIdsOf(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::controllerId).distinct().toList();
    }

    /** Refuses the call for the first requested controllerId that was not found (as stored, by the database's rules). */
    static void requireAll(List<String> requested, Set<String> found) {
        requested.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
            throw new EntityNotFoundException("Target", id);
        });
    }
}
