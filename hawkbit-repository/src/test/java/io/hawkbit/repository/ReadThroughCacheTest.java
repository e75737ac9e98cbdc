package io.hawkbit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read-through rule: a load made outside a transaction is stored, one made inside a transaction never is (its
 * snapshot may predate a change whose eviction already ran), though it may use what is stored.
 */
class ReadThroughCacheTest {

    private final ConcurrentMapCacheManager caches = new ConcurrentMapCacheManager(CacheNames.TENANT_CONFIG);
    private final ReadThroughCache cache = new ReadThroughCache(caches, CacheNames.TENANT_CONFIG);
    private final AtomicInteger loads = new AtomicInteger();

    /** A loader that counts its calls and answers "value-n" for the n-th. */
    private final Supplier<String> loader = () -> "value-" + loads.incrementAndGet();

    /** What a transactional caller looks like to the cache, without a transaction manager. */
    private static void inTransaction(Runnable work) {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            work.run();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }

    @Test
    void constructor_rejectsAnUnknownCache() {
        assertThatThrownBy(() -> new ReadThroughCache(caches, "nope"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void get_outsideATransactionLoadsOnceAndStores() {
        assertThat(cache.get("t1", loader)).isEqualTo("value-1");
        assertThat(cache.get("t1", loader)).isEqualTo("value-1");
        assertThat(loads).hasValue(1);
        assertThat(caches.getCache(CacheNames.TENANT_CONFIG).get("t1", String.class))
                .isEqualTo("value-1");
    }

    @Test
    void get_keysAreSeparate() {
        assertThat(cache.get("t1", loader)).isEqualTo("value-1");
        assertThat(cache.get("t2", loader)).isEqualTo("value-2");
    }

    @Test
    void get_insideATransactionNeverStoresItsLoad() {
        inTransaction(() -> {
            assertThat(cache.get("t1", loader)).isEqualTo("value-1");
            assertThat(cache.get("t1", loader)).isEqualTo("value-2");
        });
        assertThat(caches.getCache(CacheNames.TENANT_CONFIG).get("t1")).isNull();
        assertThat(cache.get("t1", loader)).isEqualTo("value-3");
        assertThat(cache.get("t1", loader)).isEqualTo("value-3");
    }

    @Test
    void get_insideATransactionUsesWhatIsStored() {
        cache.get("t1", loader);
        inTransaction(() -> assertThat(cache.get("t1", loader)).isEqualTo("value-1"));
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_afterAnEvictionLoadsAgain() {
        cache.get("t1", loader);
        caches.getCache(CacheNames.TENANT_CONFIG).evict("t1");
        assertThat(cache.get("t1", loader)).isEqualTo("value-2");
    }
}
