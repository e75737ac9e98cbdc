package io.hawkbit.repository.target;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import org.springframework.stereotype.Component;

/** Publishes that a target changed: one place for the event's shape, used by every feature that changes targets. */
@Component
public class TargetEvents {

    private final ClusterEventPublisher events;

    public TargetEvents(ClusterEventPublisher events) {
        this.events = events;
    }

    public Target updated(Target target) {
        events.publish(
                new TargetUpdatedEvent(target.getTenant(), target.getId(), target.getControllerId(), events.origin()));
        return target;
    }
}
