package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target tag was changed. */
public class TargetTagUpdatedEvent extends EntityEvent {

    public TargetTagUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetTagUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
