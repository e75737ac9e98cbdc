package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target filter query was created. */
public class TargetFilterQueryCreatedEvent extends EntityEvent {

    public TargetFilterQueryCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetFilterQueryCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
