package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target was deleted. */
public class TargetDeletedEvent extends TargetEvent {

    public TargetDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetDeletedEvent(String tenant, Long id, String controllerId, String origin) {
        super(tenant, id, controllerId, origin);
    }
}
