package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Closed actions were deleted, by the action cleanup or an operator; names them and their targets' controllerIds (to
 * evict by).
 */
public class ActionsDeletedEvent extends ClusterEvent {

    @JsonProperty
    private List<Long> actionIds;

    @JsonProperty
    private List<String> controllerIds;

    public ActionsDeletedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public ActionsDeletedEvent(String tenant, List<Long> actionIds, List<String> controllerIds, String origin) {
        super(tenant, origin);
        this.actionIds = actionIds;
        this.controllerIds = controllerIds;
    }

    public List<Long> getActionIds() {
        return actionIds;
    }

    public List<String> getControllerIds() {
        return controllerIds;
    }
}
