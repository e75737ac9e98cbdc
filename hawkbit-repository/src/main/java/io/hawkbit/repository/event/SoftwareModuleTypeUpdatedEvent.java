package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module type was changed. */
public class SoftwareModuleTypeUpdatedEvent extends EntityEvent {

    public SoftwareModuleTypeUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleTypeUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
