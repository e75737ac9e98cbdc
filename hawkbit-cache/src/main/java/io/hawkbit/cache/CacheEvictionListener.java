package io.hawkbit.cache;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.CacheNames.TargetKey;
import io.hawkbit.repository.event.ActionEvent;
import io.hawkbit.repository.event.DistributionSetTypeCreatedEvent;
import io.hawkbit.repository.event.DistributionSetTypeDeletedEvent;
import io.hawkbit.repository.event.DistributionSetTypeUpdatedEvent;
import io.hawkbit.repository.event.SoftwareModuleTypeCreatedEvent;
import io.hawkbit.repository.event.SoftwareModuleTypeDeletedEvent;
import io.hawkbit.repository.event.SoftwareModuleTypeUpdatedEvent;
import io.hawkbit.repository.event.TargetEvent;
import io.hawkbit.repository.event.TargetPolledEvent;
import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evicts exactly the entries a cluster event makes stale, on every node (the node's own events included, which
 * arrive right after their commit). The TTL is only a backstop.
 */
@Component
public class CacheEvictionListener {

    private final Cache tenantConfig;
    private final Cache targets;
    private final Cache pollState;
    private final Cache types;

    public CacheEvictionListener(CacheManager caches) {
        this.tenantConfig = caches.getCache(CacheNames.TENANT_CONFIG);
        this.targets = caches.getCache(CacheNames.TARGETS);
        this.pollState = caches.getCache(CacheNames.POLL_STATE);
        this.types = caches.getCache(CacheNames.TYPES);
    }

    @EventListener
    public void onTenantConfiguration(TenantConfigurationChangedEvent event) {
        tenantConfig.evict(event.getTenant());
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

    /** Type events name the type by id, entries are keyed by key: the tenant's few type entries go. */
    @EventListener({SoftwareModuleTypeCreatedEvent.class, SoftwareModuleTypeUpdatedEvent.class,
            SoftwareModuleTypeDeletedEvent.class, DistributionSetTypeCreatedEvent.class, DistributionSetTypeUpdatedEvent.class,
            DistributionSetTypeDeletedEvent.class})
    public void onType(io.hawkbit.repository.event.ClusterEvent event) {
        if (types.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine) {
            caffeine.asMap().keySet().removeIf(k -> k instanceof CacheNames.TypeKey key && key.tenant().equals(event.getTenant()));
        }
    }
}
