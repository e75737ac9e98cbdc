package io.hawkbit.repository.rollout;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds a tenant's rollout for a use case: visible, locked for a change, or locked in one of the allowed states. */
@Component
class RolloutLookup {

    private final RolloutRepository rollouts;

    RolloutLookup(RolloutRepository rollouts) {
        this.rollouts = rollouts;
    }

    Rollout rollout(String tenant, Long id) {
        return rollouts.findByTenantAndIdAndDeletedFalse(tenant, id)
                .orElseThrow(() -> new EntityNotFoundException("Rollout", id));
    }

    /** The rollout row locked until the transaction ends: operator changes and scheduler steps never interleave. */
    Rollout locked(String tenant, Long id) {
        return rollouts.findForUpdate(tenant, id).orElseThrow(() -> new EntityNotFoundException("Rollout", id));
    }

    Rollout inState(String tenant, Long id, String operation, RolloutStatus... allowed) {
        Rollout rollout = locked(tenant, id);
        if (!List.of(allowed).contains(rollout.getStatus())) {
            throw new HawkbitException(
                    ServerError.ROLLOUT_ILLEGAL_STATE,
                    "Rollout " + id + " is " + rollout.getStatus().json() + " and cannot be " + operation);
        }
        return rollout;
    }
}
