package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A distribution set tag was changed. */
public class DistributionSetTagUpdatedEvent extends EntityEvent {

    public DistributionSetTagUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetTagUpdatedEvent(String tenant, Long id, String origin) {
        super(tenant, id, origin);
    }
}
