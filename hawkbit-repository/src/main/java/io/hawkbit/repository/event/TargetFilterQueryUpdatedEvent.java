package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target filter query was changed. */
public class TargetFilterQueryUpdatedEvent extends EntityEvent {

    public TargetFilterQueryUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetFilterQueryUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
