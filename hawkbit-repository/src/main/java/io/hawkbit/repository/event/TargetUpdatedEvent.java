package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target changed: fields, tags, attributes, assigned or installed set, status. */
public class TargetUpdatedEvent extends TargetEvent {

    public TargetUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetUpdatedEvent(String tenant, Long id, String controllerId, String origin) {
        super(tenant, id, controllerId, origin);
    }
}
