package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A change of a target; carries the controllerId, the key devices and caches know it by. */
public abstract class TargetEvent extends EntityEvent {

    @JsonProperty
    private String controllerId;

    protected TargetEvent() {}

    protected TargetEvent(String tenant, Long targetId, String controllerId, String origin) {
        super(tenant, targetId, origin);
        this.controllerId = controllerId;
    }

    public String getControllerId() {
        return controllerId;
    }
}
