package io.hawkbit.repository;

import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads through one named cache. Values must be immutable snapshots, never entities. A load inside a running
 * transaction is not stored: that transaction's snapshot may predate a change whose eviction already ran, which
 * would pin the old value until the TTL. Outside transactions the load runs in fresh transactions of its own, and
 * Caffeine makes an eviction of a key wait for an in-flight load of it, so no stale value survives an eviction.
 */
public final class ReadThroughCache {

    private final Cache cache;

    public ReadThroughCache(CacheManager caches, String name) {
        Cache named = caches.getCache(name);
        if (named == null) {
            throw new IllegalStateException("No cache named " + name);
        }
        this.cache = named;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> loader) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Cache.ValueWrapper hit = cache.get(key);
            return hit != null ? (T) hit.get() : loader.get();
        }
        return cache.get(key, loader::get);
    }
}
