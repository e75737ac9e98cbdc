package io.hawkbit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hawkbit.repository.CacheNames;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;

class NodeCachesTest {

    /** Time that moves only when the test says so. */
    static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    private final FakeTicker ticker = new FakeTicker();

    private static CacheProperties properties(String... nameTtlPairs) {
        CacheProperties properties = new CacheProperties();
        for (int i = 0; i < nameTtlPairs.length; i += 2) {
            CacheProperties.Spec spec = new CacheProperties.Spec();
            spec.setTtl(Ttl.of(nameTtlPairs[i + 1]));
            properties.getCache().put(nameTtlPairs[i], spec);
        }
        return properties;
    }

    private CaffeineCacheManager manager(CacheProperties properties) {
        return NodeCaches.manager(NodeCaches.settings(properties), ticker);
    }

    @Test
    void globalTtl_expiresEntriesExactlyAfterIt() {
        Cache cache = manager(properties("global", "1m30s")).getCache(CacheNames.TENANT_CONFIG);
        cache.put("DEFAULT", "value");
        ticker.advance(Duration.ofSeconds(89));
        assertThat(cache.get("DEFAULT")).isNotNull();
        ticker.advance(Duration.ofSeconds(1));
        assertThat(cache.get("DEFAULT")).isNull();
    }

    @Test
    void perCacheTtl_overridesTheGlobalOne() {
        CaffeineCacheManager manager = manager(properties("global", "1h", CacheNames.TARGETS, "10s"));
        Cache targets = manager.getCache(CacheNames.TARGETS);
        Cache pollState = manager.getCache(CacheNames.POLL_STATE);
        targets.put("k", "v");
        pollState.put("k", "v");
        ticker.advance(Duration.ofSeconds(10));
        assertThat(targets.get("k")).isNull();
        assertThat(pollState.get("k")).isNotNull();
        ticker.advance(Duration.ofHours(1));
        assertThat(pollState.get("k")).isNull();
    }

    @Test
    void noTtl_meansNoTimeBasedExpiry() {
        Cache cache = manager(new CacheProperties()).getCache(CacheNames.POLL_STATE);
        cache.put("k", "v");
        ticker.advance(Duration.ofDays(3650));
        assertThat(cache.get("k")).isNotNull();
    }

    @Test
    void everyCache_isBounded() {
        CacheProperties properties = new CacheProperties();
        CacheProperties.Spec small = new CacheProperties.Spec();
        small.setMaximumSize(10L);
        properties.getCache().put(CacheNames.TARGETS, small);
        CaffeineCache cache = (CaffeineCache) manager(properties).getCache(CacheNames.TARGETS);
        for (int i = 0; i < 1000; i++) {
            cache.put(i, i);
        }
        cache.getNativeCache().cleanUp();
        assertThat(cache.getNativeCache().estimatedSize()).isLessThanOrEqualTo(10);
        assertThat(NodeCaches.settings(new CacheProperties()))
                .allSatisfy(s -> assertThat(s.maximumSize()).isPositive());
    }

    @Test
    void settingsForAnUnknownCache_stopStartUp() {
        assertThatIllegalStateException()
                .isThrownBy(() -> NodeCaches.settings(properties("tragets", "1m")))
                .withMessageContaining("hawkbit.cache.tragets")
                .withMessageContaining(CacheNames.TARGETS);
    }

    @Test
    void onlyTheKnownCachesExist() {
        CaffeineCacheManager manager = manager(new CacheProperties());
        assertThat(manager.getCacheNames())
                .containsExactlyInAnyOrder(CacheNames.TENANT_CONFIG, CacheNames.TARGETS, CacheNames.POLL_STATE);
        assertThat(manager.getCache("other")).isNull();
    }
}
