package io.hawkbit.repository.action;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.AuditorAware;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one assignment batch's new actions, each with its first status and message, and the targets' new assigned
 * set, as five set-based statements per batch instead of three per target: the action and status ids are the
 * database's own (AUTO_INCREMENT / identity), which Hibernate cannot batch, so a 20,000-target rollout group cost
 * 40,000 single-row round trips. For targets without an open action only (nothing to cancel) and without the
 * device's consent in play: the callers keep the entity path for the rest. Joins the caller's transaction.
 */
@Component
class ActionBulkInsert {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditorAware<String> auditor;
    private final Clock clock;

    ActionBulkInsert(NamedParameterJdbcTemplate jdbc, @Qualifier("auditor") AuditorAware<String> auditor, Clock clock) {
        this.jdbc = jdbc;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** What the batch's actions share. {@code rolloutId} and {@code groupId} are null outside a rollout. */
    record Batch(
            String tenant,
            long setId,
            ActionType type,
            long forcedTime,
            Integer weight,
            Long rolloutId,
            Long groupId,
            String message,
            String user) {}

    /** A new action and the target it was created for. */
    record Created(long actionId, long targetId) {}

    /**
     * Creates one RUNNING action per target (none of which may have an open action) and points the targets at the
     * set; returns the new actions, lowest id first.
     */
    List<Created> insert(Batch batch, Collection<Long> targetIds) {
        Timestamp at = Timestamp.from(clock.instant());
        String by = auditor.getCurrentAuditor().orElse("system");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("tenant", batch.tenant())
                .addValue("set", batch.setId())
                .addValue("type", batch.type().name())
                .addValue("forced", batch.forcedTime())
                .addValue("weight", batch.weight(), Types.INTEGER)
                .addValue("rollout", batch.rolloutId(), Types.BIGINT)
                .addValue("group", batch.groupId(), Types.BIGINT)
                .addValue("at", at)
                .addValue("by", by)
                .addValue("user", batch.user())
                .addValue("now", clock.millis())
                .addValue("message", batch.message())
                .addValue("targets", targetIds);
        // The targets first: their row locks keep a concurrent assignment of the same targets out until we commit, so
        // the active actions of these targets read back below are exactly the ones inserted here.
        jdbc.update(
                "update target set assigned_distribution_set = :set, update_status = 'PENDING', "
                        + "last_modified_at = :at, last_modified_by = :by, optlock_revision = optlock_revision + 1 "
                        + "where id in (:targets)",
                params);
        Long before = jdbc.queryForObject("select coalesce(max(id), 0) from action", params, Long.class);
        params.addValue("before", before);
        jdbc.update(
                "insert into action (tenant, target_id, distribution_set_id, action_type, forced_time, weight, status, "
                        + "active, created_at, created_by, last_modified_at, last_modified_by, optlock_revision, "
                        + "rollout_id, rollout_group_id) "
                        + "select :tenant, id, :set, :type, :forced, :weight, 'RUNNING', true, :at, :by, :at, :by, 0, "
                        + ":rollout, :group from target where id in (:targets)",
                params);
        List<Created> created = jdbc.query(
                "select id, target_id from action where target_id in (:targets) and distribution_set_id = :set "
                        + "and active = true and id > :before order by id",
                params,
                (rs, row) -> new Created(rs.getLong(1), rs.getLong(2)));
        params.addValue("actions", created.stream().map(Created::actionId).toList());
        jdbc.update(
                "insert into action_status (tenant, action_id, status, occurred_at, created_at, created_by) "
                        + "select :tenant, id, 'RUNNING', :now, :at, :user from action where id in (:actions)",
                params);
        jdbc.update(
                "insert into action_status_message (action_status_id, position, detail) "
                        + "select id, 0, :message from action_status where action_id in (:actions)",
                params);
        return created;
    }
}
