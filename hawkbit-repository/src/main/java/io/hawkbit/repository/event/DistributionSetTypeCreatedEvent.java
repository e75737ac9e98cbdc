package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set type was created. */
public class DistributionSetTypeCreatedEvent extends EntityEvent {

    public DistributionSetTypeCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTypeCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
