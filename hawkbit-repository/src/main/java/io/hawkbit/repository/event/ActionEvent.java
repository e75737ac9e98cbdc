package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A change of an action, with the device and set it concerns and its status after the change. */
public abstract class ActionEvent extends EntityEvent {

    @JsonProperty
    private String controllerId;

    @JsonProperty
    private Long distributionSetId;

    @JsonProperty
    private String status;

    @JsonProperty
    private boolean active;

    protected ActionEvent() {}

    protected ActionEvent(
            String tenant,
            Long actionId,
            String controllerId,
            Long distributionSetId,
            String status,
            boolean active,
            String origin) {
        super(tenant, actionId, origin);
        this.controllerId = controllerId;
        this.distributionSetId = distributionSetId;
        this.status = status;
        this.active = active;
    }

    public String getControllerId() {
        return controllerId;
    }

    public Long getDistributionSetId() {
        return distributionSetId;
    }

    /** hawkBit's action status, lower case. */
    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return active;
    }
}
