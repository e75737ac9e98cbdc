package io.hawkbit.repository.action;

import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetUpdateStatus;
import java.util.List;

/** What a target's assignment and update status become once one of its actions has ended. */
final class ActionOutcome {

    private ActionOutcome() {}

    /**
     * The target's assigned set falls back to the newest still open action's set, or to what is installed; its
     * status follows: pending while something is open, in sync when assigned equals installed.
     */
    static void afterActionClosed(Action closed, ActionRepository actions) {
        Target target = closed.getTarget();
        List<Action> open = actions.findActive(target.getId()).stream()
                .filter(a -> !a.getId().equals(closed.getId()) && a.isActive())
                .toList();
        if (!open.isEmpty()) {
            target.setAssignedDistributionSet(open.get(open.size() - 1).getDistributionSet());
            target.setUpdateStatus(TargetUpdateStatus.PENDING);
            return;
        }
        if (closed.getStatus() == ActionState.ERROR) {
            target.setUpdateStatus(TargetUpdateStatus.ERROR);
            return;
        }
        target.setAssignedDistributionSet(target.getInstalledDistributionSet());
        target.setUpdateStatus(
                target.getInstalledDistributionSet() == null
                        ? TargetUpdateStatus.REGISTERED
                        : TargetUpdateStatus.IN_SYNC);
    }
}
