package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module type was created. */
public class SoftwareModuleTypeCreatedEvent extends EntityEvent {

    public SoftwareModuleTypeCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleTypeCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
