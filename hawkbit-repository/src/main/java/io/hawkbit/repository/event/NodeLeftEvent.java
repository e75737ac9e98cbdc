package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A node is shutting down cleanly; the others drop it at once instead of waiting for the timeout. */
public class NodeLeftEvent extends ClusterEvent {

    public NodeLeftEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public NodeLeftEvent(String origin) {
        super(null, origin);
    }
}
