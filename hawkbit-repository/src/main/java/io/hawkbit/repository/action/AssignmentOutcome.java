package io.hawkbit.repository.action;

import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.targettype.IncompatibleTargetTypeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One assignment call's outcome so far, filled by both paths: entity actions created, open actions that deploy the set
 * already, targets left out for their type, and the targets still to be written set-based, by the parameters their
 * actions share.
 */
final class AssignmentOutcome {

    final List<Action> created = new ArrayList<>();
    final List<Action> already = new ArrayList<>();
    final Map<ActionBulkInsert.Batch, List<BatchTargets.Row>> setBased = new LinkedHashMap<>();
    /** Lowest id first. */
    final List<Target> incompatible;

    private AssignmentOutcome(List<Target> incompatible) {
        this.incompatible = incompatible;
    }

    /**
     * An outcome that leaves out the targets whose type may not get the set: a rollout leaves them out, any other call
     * is refused whole for the one with the lowest id ({@link IncompatibleTargetTypeException}).
     */
    static AssignmentOutcome leavingOut(AssignmentRequest request, List<Target> incompatible) {
        List<Target> byId = new ArrayList<>(incompatible);
        byId.sort(Comparator.comparing(Target::getId));
        if (!byId.isEmpty() && request.group() == null) {
            throw new IncompatibleTargetTypeException(
                    byId.get(0).getTargetType().getName(),
                    request.set().getType().getName());
        }
        return new AssignmentOutcome(byId);
    }
}
