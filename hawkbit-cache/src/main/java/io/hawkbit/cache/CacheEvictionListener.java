package io.hawkbit.cache;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.CacheNames.TargetKey;
import io.hawkbit.repository.event.ActionEvent;
import io.hawkbit.repository.event.ActionsDeletedEvent;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.TargetEvent;
import io.hawkbit.repository.event.TargetPolledEvent;
import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import io.hawkbit.repository.tenant.TenantConfigKey;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evicts exactly the entries a cluster event makes stale, on every node (the node's own events included, which
 * arrive right after their commit). The TTL is only a backstop.
 */
@Component
class CacheEvictionListener {

    private final Cache tenantConfig;
    private final Cache targets;
    private final Cache pollState;

    public CacheEvictionListener(CacheManager caches) {
        this.tenantConfig = caches.getCache(CacheNames.TENANT_CONFIG);
        this.targets = caches.getCache(CacheNames.TARGETS);
        this.pollState = caches.getCache(CacheNames.POLL_STATE);
    }

    /**
     * A poll answer records which open action is served, and with multi-assignment that choice follows the weights
     * instead of age: switching it leaves every cached answer of the tenant possibly wrong.
     */
    @EventListener
    public void onTenantConfiguration(TenantConfigurationChangedEvent event) {
        tenantConfig.evict(event.getTenant());
        if (TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED.key().equals(event.getKey())) {
            evictTenant(pollState, event.getTenant());
        }
    }

    private static void evictTenant(Cache cache, String tenant) {
        if (cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine) {
            caffeine.asMap()
                    .keySet()
                    .removeIf(key ->
                            key instanceof TargetKey target && target.tenant().equals(tenant));
        } else {
            cache.clear();
        }
    }

    /** Token, attributes request flag or existence changed; a polled event changes nothing cached. */
    @EventListener
    public void onTarget(TargetEvent event) {
        if (event instanceof TargetPolledEvent) {
            return;
        }
        TargetKey key = new TargetKey(event.getTenant(), event.getControllerId());
        targets.evict(key);
        pollState.evict(key);
    }

    @EventListener
    public void onAction(ActionEvent event) {
        pollState.evict(new TargetKey(event.getTenant(), event.getControllerId()));
    }

    /**
     * A set-based assignment (rollout group start, auto-assignment) announces its new actions by this event alone; an
     * assignment never changes what DDI authentication reads, so the targets' entries stay.
     */
    @EventListener
    public void onAssigned(DistributionSetAssignedEvent event) {
        event.getControllerIds()
                .forEach(controllerId -> pollState.evict(new TargetKey(event.getTenant(), controllerId)));
    }

    /** The action cleanup may delete the action a device's installedBase link points to. */
    @EventListener
    public void onActionsDeleted(ActionsDeletedEvent event) {
        event.getControllerIds()
                .forEach(controllerId -> pollState.evict(new TargetKey(event.getTenant(), controllerId)));
    }
}
