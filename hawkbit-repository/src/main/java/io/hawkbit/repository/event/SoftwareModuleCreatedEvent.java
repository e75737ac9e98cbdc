package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module (its artifacts included) was created. */
public class SoftwareModuleCreatedEvent extends EntityEvent {

    public SoftwareModuleCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
