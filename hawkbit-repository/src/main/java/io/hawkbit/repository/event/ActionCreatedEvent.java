package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An action was created by an assignment. */
public class ActionCreatedEvent extends ActionEvent {

    public ActionCreatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public ActionCreatedEvent(
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
