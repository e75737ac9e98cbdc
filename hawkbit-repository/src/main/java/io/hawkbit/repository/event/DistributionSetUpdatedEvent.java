package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set was changed. */
public class DistributionSetUpdatedEvent extends EntityEvent {

    public DistributionSetUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
