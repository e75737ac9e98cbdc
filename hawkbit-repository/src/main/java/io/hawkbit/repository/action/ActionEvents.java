package io.hawkbit.repository.action;

import io.hawkbit.repository.event.ActionCreatedEvent;
import io.hawkbit.repository.event.ActionUpdatedEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes action changes, one place for each event's shape. */
@Component
class ActionEvents {

    private final ClusterEventPublisher events;

    ActionEvents(ClusterEventPublisher events) {
        this.events = events;
    }

    void created(Action action) {
        events.publish(new ActionCreatedEvent(
                action.getTenant(),
                action.getId(),
                action.getTarget().getControllerId(),
                action.getDistributionSet().getId(),
                action.getStatus().json(),
                action.isActive(),
                events.origin()));
    }

    void updated(Action action) {
        events.publish(new ActionUpdatedEvent(
                action.getTenant(),
                action.getId(),
                action.getTarget().getControllerId(),
                action.getDistributionSet().getId(),
                action.getStatus().json(),
                action.isActive(),
                events.origin()));
    }
}
