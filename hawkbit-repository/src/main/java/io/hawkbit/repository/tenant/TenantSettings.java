package io.hawkbit.repository.tenant;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.ReadThroughCache;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/** Effective tenant settings for hot paths, read through the node's {@code tenant-config} cache. */
@Component
public class TenantSettings {

    private final TenantConfigurationRepository repository;
    private final ReadThroughCache cache;

    public TenantSettings(TenantConfigurationRepository repository, CacheManager caches) {
        this.repository = repository;
        this.cache = new ReadThroughCache(caches, CacheNames.TENANT_CONFIG);
    }

    public String value(String tenant, TenantConfigKey key) {
        return stored(tenant).getOrDefault(key.key(), key.defaultValue());
    }

    public boolean enabled(String tenant, TenantConfigKey key) {
        return Boolean.parseBoolean(value(tenant, key));
    }

    /** A polling-time setting ({@code pollingTime}, {@code pollingOverdueTime}) as a duration; its default if unreadable. */
    public Duration duration(String tenant, TenantConfigKey key) {
        return TenantConfigKey.parsePollingTime(value(tenant, key))
                .orElseGet(() ->
                        TenantConfigKey.parsePollingTime(key.defaultValue()).orElseThrow());
    }

    /**
     * The polling interval devices are told ({@code HH:MM:SS}): {@code pollingTime}, but never below
     * {@code minPollingTime}, so a tenant can raise the floor for all its devices without touching each setting.
     */
    public String pollingTime(String tenant) {
        String polling = value(tenant, TenantConfigKey.POLLING_TIME);
        String floor = value(tenant, TenantConfigKey.MIN_POLLING_TIME);
        // Both are validated HH:MM:SS, whose text order is their time order: no parsing on every poll.
        return floor.compareTo(polling) > 0 ? floor : polling;
    }

    private Map<String, String> stored(String tenant) {
        return cache.get(
                tenant,
                () -> repository.findByTenant(tenant).stream()
                        .collect(Collectors.toUnmodifiableMap(
                                TenantConfiguration::getKey, TenantConfiguration::getValue)));
    }
}
