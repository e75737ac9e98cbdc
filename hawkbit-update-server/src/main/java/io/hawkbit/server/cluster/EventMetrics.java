package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.EventOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts events received from other nodes, by type ({@code hawkbit.events.received}). */
@Component
class EventMetrics {

    private final MeterRegistry meters;
    private final EventOrigin origin;

    /** One counter per event type, so that a received event looks its counter up without building tags. */
    private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry meters, EventOrigin origin) {
        this.meters = meters;
        this.origin = origin;
    }

    @EventListener
    public void onEvent(ClusterEvent event) {
        if (!origin.isFromSelf(event)) {
            counters.computeIfAbsent(
                            event.getClass(),
                            type -> meters.counter("hawkbit.events.received", "type", type.getSimpleName()))
                    .increment();
        }
    }
}
