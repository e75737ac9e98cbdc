package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A target polled; off by default, see hawkbit.events.target-polled. */
public class TargetPolledEvent extends TargetEvent {

    public TargetPolledEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetPolledEvent(String tenant, Long id, String controllerId, String origin) {
        super(tenant, id, controllerId, origin);
    }
}
