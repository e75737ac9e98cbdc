package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.EventsDroppedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;

/**
 * Flushes every cache of this node when another node says some of its events never reached the broker: any entry
 * here may be one those events would have evicted, and waiting for the TTL would serve it stale for minutes.
 */
class DroppedEventsFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(DroppedEventsFlusher.class);

    private final String self;
    private final CacheManager caches;
    private final Counter flushes;

    DroppedEventsFlusher(String self, CacheManager caches, MeterRegistry meters) {
        this.self = self;
        this.caches = caches;
        this.flushes = Counter.builder("hawkbit.cache.flushes")
                .tag("reason", "events-dropped")
                .description("Cache flushes because cluster events may have been missed")
                .register(meters);
    }

    @EventListener
    public void onEventsDropped(EventsDroppedEvent event) {
        if (self.equals(event.getOriginService())) {
            return;
        }
        caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
        flushes.increment();
        LOG.warn(
                "{} events of node {} did not reach the broker: flushed all caches of this node ({})",
                event.getDropped(),
                event.getOriginService(),
                caches.getCacheNames());
    }
}
