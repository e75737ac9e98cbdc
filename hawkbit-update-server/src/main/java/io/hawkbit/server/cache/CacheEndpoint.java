package io.hawkbit.server.cache;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.hawkbit.cache.NodeCaches;
import io.hawkbit.cache.Ttl;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.stereotype.Component;

/** {@code /actuator/nodecaches}: this node's caches with their TTL, bound, size and statistics. */
@Component
@Endpoint(id = "nodecaches")
class CacheEndpoint {

    /** One cache as an operator sees it. */
    public record CacheView(
            String name, String ttl, long maximumSize, long size, long hits, long misses, long evictions) {}

    private final List<NodeCaches.Settings> settings;
    private final CacheManager caches;

    public CacheEndpoint(List<NodeCaches.Settings> settings, CacheManager caches) {
        this.settings = settings;
        this.caches = caches;
    }

    @ReadOperation
    public List<CacheView> caches() {
        return settings.stream()
                .map(s -> {
                    var cache = ((CaffeineCache) caches.getCache(s.name())).getNativeCache();
                    CacheStats stats = cache.stats();
                    return new CacheView(
                            s.name(),
                            s.ttl().map(Ttl::toString).orElse("none"),
                            s.maximumSize(),
                            cache.estimatedSize(),
                            stats.hitCount(),
                            stats.missCount(),
                            stats.evictionCount());
                })
                .toList();
    }
}
