package io.hawkbit.repository.confirmation;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.action.ActionConfirmation;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.AutoConfirmation;
import io.hawkbit.repository.target.AutoConfirmationRepository;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import io.hawkbit.repository.target.TargetRepository;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switches a target's auto-confirmation on and off (hawkBit's {@code ConfirmationManagement}). Switching it on confirms
 * the actions the target has waiting, in the same transaction; switching it off leaves running actions alone.
 */
@Service
public class AutoConfirmService {

    static final int INITIATOR_MAX = 64;
    static final int REMARK_MAX = 512;

    private final TargetRepository targets;
    private final AutoConfirmationRepository autoConfirmations;
    private final ActionConfirmation confirmation;
    private final TargetEvents targetEvents;
    private final Clock clock;

    public AutoConfirmService(
            TargetRepository targets,
            AutoConfirmationRepository autoConfirmations,
            ActionConfirmation confirmation,
            TargetEvents targetEvents,
            Clock clock) {
        this.targets = targets;
        this.autoConfirmations = autoConfirmations;
        this.confirmation = confirmation;
        this.targetEvents = targetEvents;
        this.clock = clock;
    }

    /** The target's auto-confirmation, if on; 404 for an unknown target. */
    @Transactional(readOnly = true)
    public Optional<AutoConfirmation> status(String tenant, String controllerId) {
        return autoConfirmations.findById(target(tenant, controllerId).getId());
    }

    /** Which of the targets have auto-confirmation on (one query per thousand ids). */
    @Transactional(readOnly = true)
    public Set<Long> activeAmong(List<Long> targetIds) {
        Set<Long> active = new HashSet<>();
        BatchQuota.inChunks(targetIds, autoConfirmations::findByTargetIdIn).forEach(a -> active.add(a.getTargetId()));
        return active;
    }

    /**
     * Switches auto-confirmation on and confirms what the target has waiting.
     *
     * @throws HawkbitException {@link ServerError#AUTO_CONFIRMATION_ALREADY_ACTIVE} (409) when it is on already
     */
    @Transactional
    public AutoConfirmation activate(String tenant, String controllerId, String initiator, String remark, String by) {
        Target target = target(tenant, controllerId);
        if (autoConfirmations.existsById(target.getId())) {
            throw new HawkbitException(
                    ServerError.AUTO_CONFIRMATION_ALREADY_ACTIVE,
                    "Auto confirmation is already active for target " + controllerId);
        }
        check("initiator", initiator, INITIATOR_MAX);
        check("remark", remark, REMARK_MAX);
        AutoConfirmation status =
                autoConfirmations.saveAndFlush(new AutoConfirmation(target, initiator, remark, clock.millis(), by));
        confirmation.confirmWaiting(target.getId(), status);
        targetEvents.updated(target);
        return status;
    }

    /** Switches auto-confirmation off; nothing happens when it is off. */
    @Transactional
    public void deactivate(String tenant, String controllerId) {
        Target target = target(tenant, controllerId);
        if (autoConfirmations.existsById(target.getId())) {
            autoConfirmations.deleteById(target.getId());
            autoConfirmations.flush();
            targetEvents.updated(target);
        }
    }

    private Target target(String tenant, String controllerId) {
        return targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION, field + " must have at most " + max + " characters");
        }
    }
}
