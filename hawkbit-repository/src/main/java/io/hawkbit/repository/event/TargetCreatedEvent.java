package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target was created (through the API or by its first poll). */
public class TargetCreatedEvent extends TargetEvent {

    public TargetCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetCreatedEvent(String tenant, Long id, String controllerId, String origin) {
        super(tenant, id, controllerId, origin);
    }
}
