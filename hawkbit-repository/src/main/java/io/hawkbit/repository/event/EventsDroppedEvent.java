package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node could not hand some of its events to the broker (its publish queue overflowed in a burst, or the broker was
 * away), so other nodes may hold cache entries those events would have evicted. Sent once the node's sends succeed
 * again; every other node flushes its caches on it.
 */
public class EventsDroppedEvent extends ClusterEvent {

    @JsonProperty
    private long dropped;

    public EventsDroppedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public EventsDroppedEvent(String origin, long dropped) {
        super(null, origin);
        this.dropped = dropped;
    }

    /** How many events the sender could not deliver since its previous notice. */
    public long getDropped() {
        return dropped;
    }
}
