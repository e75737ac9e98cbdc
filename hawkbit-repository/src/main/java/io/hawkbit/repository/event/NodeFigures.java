package io.hawkbit.repository.event;

import java.util.Map;
import java.util.Set;

/**
 * What a node reports about itself with each heartbeat, for the cluster page: event traffic over the last interval,
 * its caches' hit rate, the requests its DoS filter and login guard refused since it started, its scheduler
 * locks and how many DDI base polls it answered in the last minute. Part of the wire format between nodes: fields may be added (older nodes ignore them), never renamed.
 *
 * @param eventsSentPerSecond events this node handed to the broker per second over the last heartbeat interval
 * @param eventsReceivedPerSecond events from other nodes per second over the same interval
 * @param cacheHitRate hits over lookups of all its caches since it started, 0..1; null before the first lookup
 * @param rejectedRequests requests refused by the DoS filter (over the limit or blacklisted) since it started
 * @param rejectedLogins requests refused while a client was locked out after failed logins since it started
 * @param locksHeld the scheduler jobs whose cluster lock it holds at the moment of the heartbeat
 * @param lastLockRuns when it last took each job's lock (epoch ms); the jobs it never ran are absent
 * @param ddiPollsPerMinute DDI base polls it received in the 60 s before the heartbeat, all tenants; null from a node of
 *     a version before this figure
 */
public record NodeFigures(
        double eventsSentPerSecond,
        double eventsReceivedPerSecond,
        Double cacheHitRate,
        long rejectedRequests,
        long rejectedLogins,
        Set<String> locksHeld,
        Map<String, Long> lastLockRuns,
        Long ddiPollsPerMinute) {

    public NodeFigures {
        locksHeld = locksHeld == null ? Set.of() : Set.copyOf(locksHeld);
        lastLockRuns = lastLockRuns == null ? Map.of() : Map.copyOf(lastLockRuns);
    }
}
