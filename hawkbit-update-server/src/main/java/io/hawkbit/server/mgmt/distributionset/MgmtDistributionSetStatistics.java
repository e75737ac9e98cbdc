package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * hawkBit's usage counts of a set: {@code actions} and {@code rollouts} per status (upper-case names) with their
 * {@code total}, and {@code totalAutoAssignments}. The single-count endpoints leave out what they were not asked or
 * what is empty; the combined one always has all three.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record MgmtDistributionSetStatistics(Map<String, Long> actions, Map<String, Long> rollouts, Long totalAutoAssignments) {

    static MgmtDistributionSetStatistics actions(Map<String, Long> byStatus) {
        return new MgmtDistributionSetStatistics(withTotal(byStatus, false), null, null);
    }

    static MgmtDistributionSetStatistics rollouts(Map<String, Long> byStatus) {
        return new MgmtDistributionSetStatistics(null, withTotal(byStatus, false), null);
    }

    static MgmtDistributionSetStatistics autoAssignments(long count) {
        return new MgmtDistributionSetStatistics(null, null, count);
    }

    static MgmtDistributionSetStatistics all(
            Map<String, Long> actions, Map<String, Long> rollouts, long autoAssignments) {
        return new MgmtDistributionSetStatistics(withTotal(actions, true), withTotal(rollouts, true), autoAssignments);
    }

    /** The counts plus their sum as {@code total}; none at all stays empty unless {@code always}, as in hawkBit. */
    private static Map<String, Long> withTotal(Map<String, Long> byStatus, boolean always) {
        if (byStatus.isEmpty() && !always) {
            return Map.of();
        }
        Map<String, Long> counts = new TreeMap<>(byStatus);
        counts.put(
                "total", byStatus.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }
}
