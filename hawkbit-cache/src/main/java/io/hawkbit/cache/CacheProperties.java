package io.hawkbit.cache;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-node cache settings: {@code hawkbit.cache.global.ttl} for all caches, {@code hawkbit.cache.<name>.ttl} and
 * {@code hawkbit.cache.<name>.maximum-size} per cache. TTLs use the {@link Ttl} grammar; no TTL means no time-based
 * expiry (cluster events evict changed entries on every node).
 */
@Validated
@ConfigurationProperties("hawkbit")
public class CacheProperties {

    /** Settings by cache name, and {@code global} for all caches. */
    @NotNull
    private Map<String, @Valid Spec> cache = new LinkedHashMap<>();

    public Map<String, Spec> getCache() {
        return cache;
    }

    public void setCache(Map<String, Spec> cache) {
        this.cache = cache;
    }

    /** Settings of one cache. */
    public static class Spec {

        /** Expire-after-write time, e.g. {@code 1d2h} or {@code 30s}; absent = no time-based expiry. */
        private Ttl ttl;

        /** Entries kept at most; the least valuable go first. Absent = the cache's default size. */
        @Min(1)
        private Long maximumSize;

        public Ttl getTtl() {
            return ttl;
        }

        public void setTtl(Ttl ttl) {
            this.ttl = ttl;
        }

        public Long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(Long maximumSize) {
            this.maximumSize = maximumSize;
        }
    }
}
