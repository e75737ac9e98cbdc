package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set type was deleted. */
public class DistributionSetTypeDeletedEvent extends EntityEvent {

    public DistributionSetTypeDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTypeDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
