package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.QuotaProperties;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * hawkBit's action quota per target: an assignment that would leave a target with more than
 * {@code hawkbit.quota.max-actions-per-target} actions is refused (403), unless the tenant's
 * {@code action.cleanup.onQuotaHit.percent} lets it delete that share of the quota, oldest closed actions first. Unlike
 * hawkBit, which deletes the oldest actions whatever their state, an open action is never deleted to make room: when
 * too few closed ones are left, the assignment is refused and nothing is deleted.
 */
@Component
class ActionQuota {

    private final ActionRepository actions;
    private final ActionDeletion deletion;
    private final QuotaProperties quota;
    private final TenantConfigurationService config;

    ActionQuota(
            ActionRepository actions,
            ActionDeletion deletion,
            QuotaProperties quota,
            TenantConfigurationService config) {
        this.actions = actions;
        this.deletion = deletion;
        this.quota = quota;
        this.config = config;
    }

    /**
     * Makes room for one new action per controllerId named (a target named twice gets two), or throws. It runs inside
     * the assignment's transaction, so a refusal later in the same request also restores what was deleted here.
     */
    void makeRoom(String tenant, List<String> controllerIds) {
        int max = quota.getMaxActionsPerTarget();
        Map<String, Long> requested =
                controllerIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (Object[] row : BatchQuota.inChunks(requested.keySet(), ids -> actions.countByTarget(tenant, ids))) {
            long held = (Long) row[2];
            long wanted = requested.get((String) row[1]);
            if (held + wanted > max) {
                purge(tenant, (Long) row[0], (String) row[1], held, wanted, max);
            }
        }
        // A target with no action yet is not in the counts: only a request for more than the quota can pass it.
        requested.entrySet().stream()
                .filter(entry -> entry.getValue() > max)
                .findFirst()
                .ifPresent(entry -> {
                    throw exceeded(entry.getKey(), 0, entry.getValue(), max, "");
                });
    }

    /**
     * As hawkBit: the target is brought down to the quota less its share, so that the next assignments pass too; at
     * least as many as the new actions need are deleted.
     */
    private void purge(String tenant, Long targetId, String controllerId, long held, long wanted, int max) {
        long percent = Long.parseLong(config.value(tenant, TenantConfigKey.ACTION_CLEANUP_ON_QUOTA_HIT));
        int share = (int) (percent * max / 100);
        if (percent <= 0 || percent >= 100) {
            throw exceeded(
                    controllerId,
                    held,
                    wanted,
                    max,
                    "; action.cleanup.onQuotaHit.percent would let an assignment delete its oldest closed actions");
        }
        if (wanted > share) {
            throw exceeded(
                    controllerId, held, wanted, max, "; action.cleanup.onQuotaHit.percent allows deleting " + share);
        }
        int toDelete = (int) Math.max(held + wanted - max, held - (max - share));
        if (deletion.deleteOldestClosed(tenant, targetId, toDelete) < held + wanted - max) {
            throw exceeded(controllerId, held, wanted, max, "; too few of its actions are closed to make room");
        }
    }

    private static HawkbitException exceeded(String controllerId, long held, long wanted, int max, String why) {
        return new HawkbitException(
                ServerError.QUOTA_EXCEEDED,
                "Quota exceeded: target " + controllerId + " holds " + held + " actions and may hold at most " + max
                        + ", so " + wanted + " more cannot be assigned" + why);
    }
}
