package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target filter query was deleted. */
public class TargetFilterQueryDeletedEvent extends EntityEvent {

    public TargetFilterQueryDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetFilterQueryDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
