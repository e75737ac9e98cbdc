package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A change of one entity, named by its id. */
public abstract class EntityEvent extends ClusterEvent {

    @JsonProperty
    private Long entityId;

    protected EntityEvent() {}

    protected EntityEvent(String tenant, Long entityId, String origin) {
        super(tenant, origin);
        this.entityId = entityId;
    }

    public Long getEntityId() {
        return entityId;
    }
}
