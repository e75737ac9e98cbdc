package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.EventOrigin;
import io.hawkbit.server.ddi.DdiPollMeter;
import org.springframework.stereotype.Component;

/**
 * The DDI base polls of the last minute across the cluster: this node's own figure as of now, plus each other live
 * member's as its last heartbeat carried it. Without a broker the cluster is this node alone.
 */
@Component
public class ClusterPollRate {

    /**
     * @param perMinute polls in the last 60 s on the nodes counted, all tenants
     * @param nodes the nodes counted, this one included
     * @param silent live members whose heartbeat carries no poll figure (a version before it): not counted
     */
    public record Polls(long perMinute, int nodes, int silent) {}

    private final ClusterMembers members;
    private final EventOrigin origin;
    private final DdiPollMeter polls;

    ClusterPollRate(ClusterMembers members, EventOrigin origin, DdiPollMeter polls) {
        this.members = members;
        this.origin = origin;
        this.polls = polls;
    }

    public Polls lastMinute() {
        String self = origin.nodeId();
        long total = polls.lastMinute();
        int nodes = 1;
        int silent = 0;
        for (ClusterMembers.Member member : members.live()) {
            if (member.id().equals(self)) {
                continue;
            }
            Long figure = member.figures() == null ? null : member.figures().ddiPollsPerMinute();
            if (figure == null) {
                silent++;
            } else {
                total += figure;
                nodes++;
            }
        }
        return new Polls(total, nodes, silent);
    }
}
