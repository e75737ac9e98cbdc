package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what a set-based assignment batch decides on as plain rows: its targets, which of them have an open action,
 * which target types may get the set. As entities, a batch's targets and their open actions were the largest share
 * of a rollout group's start (hydration, then a dirty check at every flush). Plain JDBC: nothing to flush before, and
 * the calls join the caller's transaction.
 */
@Component
class BatchTargets {

    private final NamedParameterJdbcTemplate jdbc;

    BatchTargets(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A target as the batch needs it; {@code typeId} null for an untyped target. */
    record Row(long id, String controllerId, Long typeId) {}

    /** The tenant's targets with the given controllerIds (as the database compares them), in no particular order. */
    List<Row> of(String tenant, List<String> controllerIds) {
        return BatchQuota.inChunks(
                controllerIds,
                chunk -> jdbc.query(
                        "select id, controller_id, target_type from target where tenant = :tenant "
                                + "and controller_id in (:ids)",
                        Map.of("tenant", tenant, "ids", chunk),
                        (rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))));
    }

    /**
     * Those of the targets that have an open action. Actions created earlier in the transaction are in the database
     * already: their ids are the database's own, so Hibernate inserts them at once.
     */
    Set<Long> withOpenAction(List<Long> targetIds) {
        return new HashSet<>(BatchQuota.inChunks(
                targetIds,
                chunk -> jdbc.queryForList(
                        "select distinct target_id from action where target_id in (:ids) and active = true",
                        Map.of("ids", chunk),
                        Long.class)));
    }

    /** The target types that list the distribution set type as compatible. */
    Set<Long> typesCompatibleWith(long distributionSetTypeId) {
        return new HashSet<>(jdbc.queryForList(
                "select target_type_id from target_type_ds_type where ds_type_id = :type",
                Map.of("type", distributionSetTypeId),
                Long.class));
    }
}
