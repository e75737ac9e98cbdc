package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.EventsDroppedEvent;
import org.springframework.context.event.EventListener;

/**
 * Flushes every cache of this node when another node says some of its events never reached the broker: any entry
 * here may be one those events would have evicted, and waiting for the TTL would serve it stale for minutes.
 */
class DroppedEventsFlusher {

    private static final String REASON = "events-dropped";

    private final String self;
    private final CacheFlush flush;

    DroppedEventsFlusher(String self, CacheFlush flush) {
        this.self = self;
        this.flush = flush;
        flush.counter(REASON);
    }

    @EventListener
    public void onEventsDropped(EventsDroppedEvent event) {
        if (!self.equals(event.getOriginService())) {
            flush.flush(
                    REASON,
                    event.getDropped() + " events of node " + event.getOriginService() + " did not reach the broker");
        }
    }
}
