package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.EventOrigin;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts events received from other nodes, by type ({@code hawkbit.events.received}). */
@Component
class EventMetrics {

    private final MeterRegistry meters;
    private final EventOrigin origin;

    public EventMetrics(MeterRegistry meters, EventOrigin origin) {
        this.meters = meters;
        this.origin = origin;
    }

    @EventListener
    public void onEvent(ClusterEvent event) {
        if (!origin.isFromSelf(event)) {
            meters.counter("hawkbit.events.received", "type", event.getClass().getSimpleName())
                    .increment();
        }
    }
}
