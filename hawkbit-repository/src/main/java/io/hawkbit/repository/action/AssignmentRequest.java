package io.hawkbit.repository.action;

import io.hawkbit.repository.action.DeploymentService.RolloutOrigin;
import io.hawkbit.repository.distribution.DistributionSet;

/**
 * What one assignment call assigns with, the same for each of its targets. {@code group} is null outside a rollout;
 * {@code now} is the call's time in epoch milliseconds; {@code message} opens each new action's history.
 */
record AssignmentRequest(
        String tenant,
        DistributionSet set,
        String user,
        RolloutOrigin group,
        boolean autoclose,
        long now,
        String message) {}
