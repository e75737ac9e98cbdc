package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target tag was deleted. */
public class TargetTagDeletedEvent extends EntityEvent {

    public TargetTagDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetTagDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
