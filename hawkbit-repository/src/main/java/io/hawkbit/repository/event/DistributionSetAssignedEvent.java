package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A distribution set was assigned to targets: one action each, in the same order as the controllerIds. */
public class DistributionSetAssignedEvent extends EntityEvent {

    @JsonProperty
    private List<String> controllerIds = List.of();

    @JsonProperty
    private List<Long> actionIds = List.of();

    public DistributionSetAssignedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public DistributionSetAssignedEvent(
            String tenant, Long distributionSetId, List<String> controllerIds, List<Long> actionIds, String origin) {
        super(tenant, distributionSetId, origin);
        this.controllerIds = List.copyOf(controllerIds);
        this.actionIds = List.copyOf(actionIds);
    }

    public List<String> getControllerIds() {
        return controllerIds;
    }

    public List<Long> getActionIds() {
        return actionIds;
    }
}
