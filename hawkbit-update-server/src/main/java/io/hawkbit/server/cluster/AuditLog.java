package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.EntityEvent;
import io.hawkbit.repository.event.EventOrigin;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes one audit line per change to the {@code hawkbit.audit} logger, once per cluster: every node receives every
 * event, but only the node where the change happened writes the line ({@code isFromSelf}).
 */
@Component
class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("hawkbit.audit");

    private final EventOrigin origin;
    private final MeterRegistry meters;

    public AuditLog(EventOrigin origin, MeterRegistry meters) {
        this.origin = origin;
        this.meters = meters;
    }

    @EventListener
    public void onEvent(ClusterEvent event) {
        if (event instanceof NodeHeartbeatEvent || !origin.isFromSelf(event)) {
            return;
        }
        String type = event.getClass().getSimpleName();
        meters.counter("hawkbit.audit.entries", "type", type).increment();
        AUDIT.info(
                "{} tenant={} entity={} event={}",
                type,
                event.getTenant(),
                event instanceof EntityEvent entity ? entity.getEntityId() : null,
                event.getId());
    }
}
