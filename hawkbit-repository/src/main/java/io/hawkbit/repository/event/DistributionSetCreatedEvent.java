package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set was created. */
public class DistributionSetCreatedEvent extends EntityEvent {

    public DistributionSetCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
