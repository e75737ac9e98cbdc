package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A node announces it is alive; members that stop announcing drop out of the member list. */
public class NodeHeartbeatEvent extends ClusterEvent {

    @JsonProperty
    private String address;

    @JsonProperty
    private String version;

    @JsonProperty
    private long startedAt;

    /** Null from a node of a version before figures were sent. */
    @JsonProperty
    private NodeFigures figures;

    public NodeHeartbeatEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public NodeHeartbeatEvent(String address, String version, long startedAt, NodeFigures figures, String origin) {
        super(null, origin);
        this.address = address;
        this.version = version;
        this.startedAt = startedAt;
        this.figures = figures;
    }

    public String getAddress() {
        return address;
    }

    public String getVersion() {
        return version;
    }

    /** Epoch milliseconds when the node started. */
    public long getStartedAt() {
        return startedAt;
    }

    public NodeFigures getFigures() {
        return figures;
    }
}
