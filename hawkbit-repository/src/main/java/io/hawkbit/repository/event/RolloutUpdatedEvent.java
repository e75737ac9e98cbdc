package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A rollout changed: its status (started, paused, finished, ...) or its name and description. */
public class RolloutUpdatedEvent extends EntityEvent {

    @JsonProperty
    private String status;

    public RolloutUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public RolloutUpdatedEvent(String tenant, Long id, String status, String origin) {
        super(tenant, id, origin);
        this.status = status;
    }

    /** hawkBit's rollout status after the change, lower case. */
    public String getStatus() {
        return status;
    }
}
