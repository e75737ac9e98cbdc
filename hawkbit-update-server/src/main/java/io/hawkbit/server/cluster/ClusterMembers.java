package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.NodeFigures;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.hawkbit.repository.event.NodeLeftEvent;
import io.hawkbit.rest.dos.ClusterSize;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The live members of the cluster, as known from their heartbeats; this node included. */
@Component
public class ClusterMembers implements ClusterSize {

    /** One member as last heard of. */
    public record Member(
            String id, String address, String version, Instant startedAt, Instant lastSeen, NodeFigures figures) {}

    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final ClusterProperties properties;
    private final Clock clock;

    public ClusterMembers(ClusterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    public void onHeartbeat(NodeHeartbeatEvent event) {
        members.put(
                event.getOriginService(),
                new Member(
                        event.getOriginService(),
                        event.getAddress(),
                        event.getVersion(),
                        Instant.ofEpochMilli(event.getStartedAt()),
                        clock.instant(),
                        event.getFigures()));
    }

    @EventListener
    public void onLeft(NodeLeftEvent event) {
        members.remove(event.getOriginService());
    }

    /** At least 1: this node counts even before its first heartbeat went round. Called per request by the DoS filter. */
    @Override
    public int liveMembers() {
        Instant cutoff = clock.instant().minus(properties.getMemberTimeout());
        int live = 0;
        for (Member member : members.values()) {
            if (!member.lastSeen().isBefore(cutoff)) {
                live++;
            }
        }
        return Math.max(1, live);
    }

    /** Members heard from within the timeout, by id. */
    public List<Member> live() {
        Instant cutoff = clock.instant().minus(properties.getMemberTimeout());
        members.values().removeIf(m -> m.lastSeen().isBefore(cutoff));
        return members.values().stream()
                .sorted(Comparator.comparing(Member::id))
                .toList();
    }
}
