package io.hawkbit.repository.rollout;

import io.hawkbit.repository.rollout.RolloutTargets.GroupActions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets per status of a rollout and of its groups, with hawkBit's keys: {@code running} (open action),
 * {@code finished}, {@code error}, {@code cancelled}, {@code scheduled} (group waiting its turn, or action not yet
 * created) and {@code notstarted} (rollout not started, or stopped before the group's turn).
 */
public record RolloutCounts(Counts rollout, Map<Long, Counts> groups) {

    /** One total and its split by status. */
    public record Counts(long total, Map<String, Long> perStatus) {}

    static RolloutCounts of(
            List<RolloutGroup> groups, Map<Long, Long> targetsPerGroup, Map<Long, GroupActions> actionsPerGroup) {
        long[] sum = new long[6];
        Map<Long, Counts> perGroup = new HashMap<>();
        for (RolloutGroup group : groups) {
            long targets = targetsPerGroup.getOrDefault(group.getId(), 0L);
            GroupActions actions = actionsPerGroup.getOrDefault(group.getId(), GroupActions.NONE);
            long withoutAction = Math.max(0, targets - actions.total());
            boolean waiting = group.getStatus() == RolloutGroupStatus.SCHEDULED
                    || group.getStatus() == RolloutGroupStatus.RUNNING;
            long[] counts = {
                actions.open(),
                waiting ? 0 : withoutAction,
                waiting ? withoutAction : 0,
                actions.canceled(),
                actions.finished(),
                actions.failed()
            };
            for (int i = 0; i < counts.length; i++) {
                sum[i] += counts[i];
            }
            perGroup.put(group.getId(), new Counts(targets, map(counts)));
        }
        long total =
                targetsPerGroup.values().stream().mapToLong(Long::longValue).sum();
        return new RolloutCounts(new Counts(total, map(sum)), perGroup);
    }

    private static Map<String, Long> map(long[] counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("running", counts[0]);
        map.put("notstarted", counts[1]);
        map.put("scheduled", counts[2]);
        map.put("cancelled", counts[3]);
        map.put("finished", counts[4]);
        map.put("error", counts[5]);
        return map;
    }

    public Counts group(Long groupId) {
        return groups.getOrDefault(groupId, new Counts(0, map(new long[6])));
    }
}
