package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target tag was created. */
public class TargetTagCreatedEvent extends EntityEvent {

    public TargetTagCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetTagCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
