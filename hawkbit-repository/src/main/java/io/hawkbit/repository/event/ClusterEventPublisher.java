package io.hawkbit.repository.event;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes cluster events after the surrounding transaction commits (a rolled-back change never produces one).
 * Local listeners run at once on the committing thread; Spring Cloud Bus forwards the event to the other nodes.
 * A failing listener is logged and counted, never returned to the user whose change already committed.
 */
@Component
public class ClusterEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEventPublisher.class);

    private final ApplicationEventPublisher publisher;
    private final NodeProperties node;
    private final MeterRegistry meters;

    public ClusterEventPublisher(ApplicationEventPublisher publisher, NodeProperties node, MeterRegistry meters) {
        this.publisher = publisher;
        this.node = node;
        this.meters = meters;
    }

    /** The origin to stamp on events this node creates. */
    public String origin() {
        return node.getId();
    }

    public void publish(ClusterEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire(event);
                }
            });
        } else {
            fire(event);
        }
    }

    private void fire(ClusterEvent event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            meters.counter("hawkbit.events.failed", "type", event.getClass().getSimpleName(), "stage", "local")
                    .increment();
            LOG.warn("A listener failed on {} {}", event.getClass().getSimpleName(), event.getId(), e);
        }
    }
}
