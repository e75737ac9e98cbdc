package io.hawkbit.repository.rollout;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.RolloutGroupUpdatedEvent;
import io.hawkbit.repository.event.RolloutUpdatedEvent;
import org.springframework.stereotype.Component;

/** Publishes the change events of rollouts and their groups, one place for each event's shape. */
@Component
class RolloutEvents {

    private final ClusterEventPublisher events;

    RolloutEvents(ClusterEventPublisher events) {
        this.events = events;
    }

    Rollout updated(Rollout rollout) {
        events.publish(new RolloutUpdatedEvent(
                rollout.getTenant(), rollout.getId(), rollout.getStatus().json(), events.origin()));
        return rollout;
    }

    void groupUpdated(RolloutGroup group) {
        events.publish(new RolloutGroupUpdatedEvent(
                group.getTenant(),
                group.getId(),
                group.getRollout().getId(),
                group.getStatus().json(),
                events.origin()));
    }
}
