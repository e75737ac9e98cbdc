package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An action changed status (device feedback, cancel, close). */
public class ActionUpdatedEvent extends ActionEvent {

    public ActionUpdatedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public ActionUpdatedEvent(
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
