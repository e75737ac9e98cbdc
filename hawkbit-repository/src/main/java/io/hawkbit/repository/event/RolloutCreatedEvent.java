package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A rollout was created. */
public class RolloutCreatedEvent extends EntityEvent {

    public RolloutCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public RolloutCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
