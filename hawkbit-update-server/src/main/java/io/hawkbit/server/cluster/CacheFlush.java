package io.hawkbit.server.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.CacheManager;

/**
 * Empties every cache of this node when cluster events may have been missed, counting each flush in
 * {@code hawkbit.cache.flushes{reason}} and saying why in the log.
 */
class CacheFlush {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFlush.class);

    private final CacheManager caches;
    private final MeterRegistry meters;

    CacheFlush(CacheManager caches, MeterRegistry meters) {
        this.caches = caches;
        this.meters = meters;
    }

    /** Registers the reason's counter at once, so it reads 0 before the first flush. */
    Counter counter(String reason) {
        return Counter.builder("hawkbit.cache.flushes")
                .tag("reason", reason)
                .description("Cache flushes because cluster events may have been missed")
                .register(meters);
    }

    void flush(String reason, String why) {
        caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
        counter(reason).increment();
        LOG.warn(
                "{}: flushed all caches of this node ({}), as cluster events may have been missed",
                why,
                caches.getCacheNames());
    }
}
