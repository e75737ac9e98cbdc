package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set was deleted. */
public class DistributionSetDeletedEvent extends EntityEvent {

    public DistributionSetDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
