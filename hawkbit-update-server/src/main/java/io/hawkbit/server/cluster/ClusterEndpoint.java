package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.EventOrigin;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/cluster}: this node's id and the live members. */
@Component
@Endpoint(id = "cluster")
class ClusterEndpoint {

    private final ClusterMembers members;
    private final EventOrigin origin;

    public ClusterEndpoint(ClusterMembers members, EventOrigin origin) {
        this.members = members;
        this.origin = origin;
    }

    /** The view an operator asks for. */
    public record ClusterView(String self, List<ClusterMembers.Member> members) {}

    @ReadOperation
    public ClusterView cluster() {
        return new ClusterView(origin.nodeId(), members.live());
    }
}
