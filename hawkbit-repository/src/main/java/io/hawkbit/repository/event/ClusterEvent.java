package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;

/**
 * An event every node of the cluster receives. Its simple class name is its JSON {@code type} on the bus: renaming a
 * subclass changes the wire protocol (see docs/clustering.md for the list). Subclasses keep a public no-arg
 * constructor for Jackson and disable their all-args constructor as a creator.
 */
public abstract class ClusterEvent extends RemoteApplicationEvent {

    /** Whatever published the event; never sent over the wire. */
    protected static final Object SOURCE = "hawkbit";

    @JsonProperty
    private String tenant;

    protected ClusterEvent() {}

    protected ClusterEvent(String tenant, String origin) {
        super(SOURCE, origin, DEFAULT_DESTINATION_FACTORY.getDestination(null));
        this.tenant = tenant;
    }

    /** The tenant the change happened in; null for events about the cluster itself. */
    public String getTenant() {
        return tenant;
    }
}
