package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set type was changed. */
public class DistributionSetTypeUpdatedEvent extends EntityEvent {

    public DistributionSetTypeUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTypeUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
