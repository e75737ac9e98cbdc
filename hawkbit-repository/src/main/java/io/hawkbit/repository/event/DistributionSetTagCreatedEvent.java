package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set tag was created. */
public class DistributionSetTagCreatedEvent extends EntityEvent {

    public DistributionSetTagCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTagCreatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
