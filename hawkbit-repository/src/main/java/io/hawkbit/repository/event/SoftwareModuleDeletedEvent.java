package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A software module (its artifacts included) was deleted. */
public class SoftwareModuleDeletedEvent extends EntityEvent {

    public SoftwareModuleDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public SoftwareModuleDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
