package io.hawkbit.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hawkbit.repository.CacheNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * Builds this node's Caffeine caches (bounded, statistics on, expire-after-write from the TTLs) into a Spring
 * {@link CaffeineCacheManager}, and describes them for the actuator view.
 */
public final class NodeCaches {

    static final String GLOBAL = "global";

    /** Default bound of each cache. */
    static final Map<String, Long> DEFAULT_SIZES = Map.of(
            CacheNames.TENANT_CONFIG, 1_000L,
            CacheNames.TARGETS, 100_000L,
            CacheNames.POLL_STATE, 100_000L);

    /** Name, TTL and bound of one cache as configured. */
    public record Settings(String name, Optional<Ttl> ttl, long maximumSize) {}

    private NodeCaches() {}

    /** The effective settings of every cache, refusing settings for caches that do not exist. */
    static List<Settings> settings(CacheProperties properties) {
        Map<String, CacheProperties.Spec> configured = properties.getCache();
        Set<String> unknown = new java.util.TreeSet<>(configured.keySet());
        unknown.remove(GLOBAL);
        unknown.removeAll(DEFAULT_SIZES.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(
                    "hawkbit.cache." + unknown.iterator().next() + " names no cache; caches are "
                            + new java.util.TreeSet<>(DEFAULT_SIZES.keySet()) + " and 'global' for all of them");
        }
        CacheProperties.Spec global = configured.getOrDefault(GLOBAL, new CacheProperties.Spec());
        Map<String, Settings> result = new LinkedHashMap<>();
        DEFAULT_SIZES.keySet().stream().sorted().forEach(name -> {
            CacheProperties.Spec own = configured.getOrDefault(name, new CacheProperties.Spec());
            Optional<Ttl> ttl = Optional.ofNullable(own.getTtl() != null ? own.getTtl() : global.getTtl());
            long size = own.getMaximumSize() != null
                    ? own.getMaximumSize()
                    : global.getMaximumSize() != null ? global.getMaximumSize() : DEFAULT_SIZES.get(name);
            if (size < 1) {
                throw new IllegalStateException(
                        "hawkbit.cache." + name + ".maximum-size must be at least 1, was " + size);
            }
            result.put(name, new Settings(name, ttl, size));
        });
        return List.copyOf(result.values());
    }

    static CaffeineCacheManager manager(List<Settings> settings, Ticker ticker) {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setAllowNullValues(false);
        // Static mode: only the caches below exist; asking for another is a programming error, not a new cache.
        manager.setCacheNames(List.of());
        for (Settings cache : settings) {
            Caffeine<Object, Object> builder = Caffeine.newBuilder()
                    .maximumSize(cache.maximumSize())
                    .recordStats()
                    .ticker(ticker);
            cache.ttl().map(Ttl::toDuration).ifPresent(builder::expireAfterWrite);
            manager.registerCustomCache(cache.name(), builder.build());
        }
        return manager;
    }
}
