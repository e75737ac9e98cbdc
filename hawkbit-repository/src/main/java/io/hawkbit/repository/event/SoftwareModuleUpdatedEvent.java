package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module (its artifacts included) was changed. */
public class SoftwareModuleUpdatedEvent extends EntityEvent {

    public SoftwareModuleUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
