package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A rollout group changed its status (started, finished, error). */
public class RolloutGroupUpdatedEvent extends EntityEvent {

    @JsonProperty
    private Long rolloutId;

    @JsonProperty
    private String status;

    public RolloutGroupUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public RolloutGroupUpdatedEvent(String tenant, Long groupId, Long rolloutId, String status, String origin) {
        super(tenant, groupId, origin);
        this.rolloutId = rolloutId;
        this.status = status;
    }

    public Long getRolloutId() {
        return rolloutId;
    }

    /** hawkBit's group status after the change, lower case. */
    public String getStatus() {
        return status;
    }
}
