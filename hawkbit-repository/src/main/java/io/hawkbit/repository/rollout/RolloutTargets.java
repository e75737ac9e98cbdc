package io.hawkbit.repository.rollout;

import io.hawkbit.repository.action.ActionState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code rollout_target_group} rows (which target is in which group) and the per-group action counts the
 * scheduler decides on. Plain JDBC: these are set operations over many rows, and the JDBC calls join the caller's
 * JPA transaction.
 */
@Component
class RolloutTargets {

    private final JdbcTemplate jdbc;

    public RolloutTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long groupId, List<Long> targetIds) {
        jdbc.batchUpdate(
                "insert into rollout_target_group (rollout_group_id, target_id) values (?, ?)",
                targetIds,
                500,
                (ps, targetId) -> {
                    ps.setLong(1, groupId);
                    ps.setLong(2, targetId);
                });
    }

    /**
     * The group's targets with a target id above {@code afterTargetId} that have no action of the group yet, lowest
     * target id first.
     */
    List<Member> withoutAction(Long groupId, long afterTargetId, int limit) {
        // An anti-join probed per member through the target's own actions (ix_action_target_ds: a target has few),
        // not NOT EXISTS: MariaDB materialised that by scanning the whole action table once per batch (O(actions)).
        return jdbc.query(
                "select rtg.target_id, t.controller_id from rollout_target_group rtg join target t on t.id = rtg.target_id "
                        + "left join action a on a.target_id = rtg.target_id and a.rollout_group_id = rtg.rollout_group_id "
                        + "where rtg.rollout_group_id = ? and rtg.target_id > ? and a.id is null "
                        + "order by rtg.target_id limit ?",
                (rs, row) -> new Member(rs.getLong(1), rs.getString(2)),
                groupId,
                afterTargetId,
                limit);
    }

    /** A target of a group. */
    record Member(long targetId, String controllerId) {}

    /** Takes targets out of a group (they already run the set through another assignment). */
    void remove(Long groupId, Collection<Long> targetIds) {
        jdbc.batchUpdate(
                "delete from rollout_target_group where rollout_group_id = ? and target_id = ?",
                targetIds,
                500,
                (ps, targetId) -> {
                    ps.setLong(1, groupId);
                    ps.setLong(2, targetId);
                });
    }

    /** Targets per group of a rollout as they are now (a deleted target leaves its group). */
    Map<Long, Long> targetsPerGroup(Long rolloutId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query(
                "select rtg.rollout_group_id, count(*) from rollout_target_group rtg join rollout_group g "
                        + "on g.id = rtg.rollout_group_id where g.rollout_id = ? group by rtg.rollout_group_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                },
                rolloutId);
        return counts;
    }

    /** How the actions of each group of a rollout stand. */
    Map<Long, GroupActions> actionsPerGroup(Long rolloutId) {
        Map<Long, GroupActions> counts = new HashMap<>();
        jdbc.query(
                "select rollout_group_id, status, active, count(*) from action where rollout_id = ? "
                        + "and rollout_group_id is not null group by rollout_group_id, status, active",
                rs -> {
                    GroupActions current = counts.getOrDefault(rs.getLong(1), GroupActions.NONE);
                    counts.put(
                            rs.getLong(1),
                            current.plus(ActionState.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getLong(4)));
                },
                rolloutId);
        return counts;
    }

    /** A group's actions by outcome: open ones, finished, failed, canceled (or otherwise closed). */
    public record GroupActions(long open, long finished, long failed, long canceled) {

        static final GroupActions NONE = new GroupActions(0, 0, 0, 0);

        GroupActions plus(ActionState state, boolean active, long count) {
            if (active) {
                return new GroupActions(open + count, finished, failed, canceled);
            }
            return switch (state) {
                case FINISHED, DOWNLOADED -> new GroupActions(open, finished + count, failed, canceled);
                case ERROR -> new GroupActions(open, finished, failed + count, canceled);
                default -> new GroupActions(open, finished, failed, canceled + count);
            };
        }

        public long total() {
            return open + finished + failed + canceled;
        }
    }
}
