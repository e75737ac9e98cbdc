package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An operator asked the device to cancel an action. */
public class AssignmentCanceledEvent extends ActionEvent {

    public AssignmentCanceledEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public AssignmentCanceledEvent(
            String tenant,
            Long actionId,
            String controllerId,
            Long distributionSetId,
            String status,
            boolean active,
            String origin) {
        super(tenant, actionId, controllerId, distributionSetId, status, active, origin);
    }
}
