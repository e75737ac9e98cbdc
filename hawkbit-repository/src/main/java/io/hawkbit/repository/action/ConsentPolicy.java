package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.target.AutoConfirmation;
import io.hawkbit.repository.target.AutoConfirmationRepository;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether a new action waits for the device's consent, decided as hawkBit decides it: only while the tenant's
 * confirmation flow is on, only when the assignment asks for it, and never for a target with auto-confirmation on
 * (which confirms at once, naming its initiator in the history). Built once per assignment batch, with the batch's
 * auto-confirmations read in one query.
 */
final class ConsentPolicy {

    static final String WAITING = "Waiting for the confirmation by the device before processing with the deployment";

    private final boolean flowOn;
    private final Map<Long, AutoConfirmation> autoConfirmed;
    private final String user;

    ConsentPolicy(boolean flowOn, Map<Long, AutoConfirmation> autoConfirmed, String user) {
        this.flowOn = flowOn;
        this.autoConfirmed = autoConfirmed;
        this.user = user;
    }

    boolean flowOn() {
        return flowOn;
    }

    /**
     * Puts a new action into its first state and adds the consent message to its first history entry.
     *
     * @return the state that entry records: with the flow on hawkBit records {@code wait_for_confirmation} even for an
     *     action that was confirmed at once, the message telling who confirmed it
     */
    ActionState apply(Action action, boolean required, List<String> messages) {
        if (!flowOn) {
            return ActionState.RUNNING;
        }
        AutoConfirmation auto = autoConfirmed.get(action.getTarget().getId());
        if (!required) {
            messages.add("Assignment confirmed by initiator [" + user + "].");
        } else if (auto != null) {
            messages.add(auto.actionMessage());
        } else {
            action.awaitConfirmation();
            messages.add(WAITING);
        }
        return ActionState.WAIT_FOR_CONFIRMATION;
    }

    /** Builds the policy of one assignment batch. */
    @Component
    static class Factory {

        private final TenantSettings settings;
        private final AutoConfirmationRepository autoConfirmations;

        Factory(TenantSettings settings, AutoConfirmationRepository autoConfirmations) {
            this.settings = settings;
            this.autoConfirmations = autoConfirmations;
        }

        /** Whether the tenant's confirmation flow is on: without it no action waits, whatever its target. */
        boolean flowOn(String tenant) {
            return settings.enabled(tenant, TenantConfigKey.USER_CONFIRMATION_ENABLED);
        }

        ConsentPolicy of(String tenant, Collection<Target> targets, String user) {
            boolean flowOn = flowOn(tenant);
            if (!flowOn || targets.isEmpty()) {
                return new ConsentPolicy(flowOn, Map.of(), user);
            }
            List<Long> ids = targets.stream().map(Target::getId).toList();
            Map<Long, AutoConfirmation> auto = BatchQuota.inChunks(ids, autoConfirmations::findByTargetIdIn).stream()
                    .collect(Collectors.toMap(AutoConfirmation::getTargetId, Function.identity()));
            return new ConsentPolicy(true, auto, user);
        }
    }
}
