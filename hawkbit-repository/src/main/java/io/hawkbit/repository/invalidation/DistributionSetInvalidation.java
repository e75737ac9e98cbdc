package io.hawkbit.repository.invalidation;

import io.hawkbit.repository.action.ActionCancellation;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.RolloutCommands;
import io.hawkbit.repository.targetfilter.TargetFilterQueryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * hawkBit's invalidation of a distribution set: the set is marked invalid for good (never assigned, rolled out or
 * auto-assigned again), target filters stop auto-assigning it, and, unless the cancelation is {@code NONE}, its
 * rollouts are stopped and its open actions canceled. All in one transaction.
 */
@Service
public class DistributionSetInvalidation {

    /** What happens to the set's open actions: hawkBit's {@code none}, {@code soft} and {@code force}. */
    public enum Cancelation {
        NONE,
        SOFT,
        FORCE
    }

    private final DistributionSetService sets;
    private final RolloutCommands rollouts;
    private final ActionCancellation actions;
    private final TargetFilterQueryService filters;

    public DistributionSetInvalidation(
            DistributionSetService sets,
            RolloutCommands rollouts,
            ActionCancellation actions,
            TargetFilterQueryService filters) {
        this.sets = sets;
        this.rollouts = rollouts;
        this.actions = actions;
        this.filters = filters;
    }

    /**
     * Invalidates the set; 404 for an unknown set, 400 {@link ServerError#DS_INCOMPLETE} for an incomplete one (as in
     * hawkBit). {@code stopRollouts} stops the rollouts also when no action is canceled (hawkBit 0.x's
     * {@code cancelRollouts}).
     */
    @Transactional
    public DistributionSet invalidate(
            String tenant, Long id, Cancelation cancelation, boolean stopRollouts, String user) {
        DistributionSet set = sets.get(tenant, id);
        if (!set.isComplete()) {
            throw new HawkbitException(
                    ServerError.DS_INCOMPLETE,
                    "Distribution set " + set.getName() + ":" + set.getVersion()
                            + " lacks a mandatory software module and cannot be invalidated");
        }
        DistributionSet invalid = sets.invalidate(tenant, id);
        if (cancelation != Cancelation.NONE || stopRollouts) {
            rollouts.stopAll(tenant, id, user);
        }
        if (cancelation != Cancelation.NONE) {
            actions.cancelAll(tenant, id, cancelation == Cancelation.FORCE, user);
        }
        filters.stopAutoAssigning(tenant, id);
        return invalid;
    }
}
