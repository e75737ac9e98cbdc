package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set tag was deleted. */
public class DistributionSetTagDeletedEvent extends EntityEvent {

    public DistributionSetTagDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTagDeletedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
