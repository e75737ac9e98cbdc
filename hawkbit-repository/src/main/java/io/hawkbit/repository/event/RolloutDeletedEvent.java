package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A rollout was deleted. */
public class RolloutDeletedEvent extends EntityEvent {

    public RolloutDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public RolloutDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
