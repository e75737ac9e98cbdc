package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module type was deleted. */
public class SoftwareModuleTypeDeletedEvent extends EntityEvent {

    public SoftwareModuleTypeDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleTypeDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
