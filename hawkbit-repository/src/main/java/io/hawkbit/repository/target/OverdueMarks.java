package io.hawkbit.repository.target;

import io.hawkbit.repository.StatementCounter;
import io.hawkbit.repository.schema.DatabaseVendor;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks one batch of the overdue scheduler's candidates and names exactly the targets it marked, for the batch's event,
 * even when nodes mark at once ({@code hawkbit.scheduler.lock.mode=none}) or a target polls in between. The UPDATE
 * checks the conditions again on the rows as committed, under their locks, taken in id order so that nodes marking the
 * same rows never deadlock (MariaDB walks a primary-key IN list in key order; on PostgreSQL a subquery locks them
 * {@code order by id}). Which rows it marked:
 *
 * <ul>
 *   <li>PostgreSQL: the UPDATE returns them.
 *   <li>MariaDB and H2: when the UPDATE changed every candidate (a pass over a quiet fleet), the candidates; otherwise
 *       the rows holding this batch's stamp, read back in the same transaction. Under MariaDB's repeatable read that
 *       read sees this transaction's marks and not those another node committed since the batch's select; H2 runs one
 *       node.
 * </ul>
 *
 * <p>A candidate the batch's select already saw marked is left out: with the lock off, another node may have marked it
 * in the same millisecond, so its stamp alone would not tell that node's mark from this batch's.
 *
 * <p>This replaced a locking re-read of every candidate before the UPDATE, about a fifth of a pass's time over the 1M fleet
 * (docs/performance.md).
 */
@Component
class OverdueMarks {

    private static final String STILL_DUE = "coalesce(overdue_since, 0) = 0 and last_target_query < :cutoff";

    private static final String MARK = "update target set overdue_since = :now where id in (:ids) and " + STILL_DUE;

    private static final String MARK_RETURNING = "update target set overdue_since = :now where id in "
            + "(select id from target where id in (:ids) and " + STILL_DUE + " order by id for update) and "
            + STILL_DUE + " returning controller_id";

    /** A target the walk found polled before the cutoff, and whether the walk's select saw it marked already. */
    record Candidate(long id, String controllerId, boolean marked) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CountedMarks countedMarks;
    private final StatementCounter statements;
    private final DatabaseVendor vendor;

    OverdueMarks(
            NamedParameterJdbcTemplate jdbc,
            CountedMarks countedMarks,
            StatementCounter statements,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.countedMarks = countedMarks;
        this.statements = statements;
        this.vendor = DatabaseVendor.of(dataSource);
    }

    /**
     * Marks those of the candidates still unmarked (0 or NULL: nodes before V1_22 cleared the mark with NULL) and
     * polled before {@code cutoff} with {@code now}; returns their controllerIds. Call it inside the batch's
     * transaction, after the candidates' select: on MariaDB the read-back relies on that select's snapshot.
     */
    List<String> mark(String tenant, long now, long cutoff, List<Candidate> found, MarkTimes times) {
        List<Candidate> candidates =
                found.stream().filter(candidate -> !candidate.marked()).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        statements.count(1);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("now", now)
                .addValue("cutoff", cutoff)
                .addValue("ids", candidates.stream().map(Candidate::id).toList());
        if (vendor == DatabaseVendor.POSTGRESQL) {
            List<String> marked =
                    countedMarks.markAll(tenant, () -> jdbc.queryForList(MARK_RETURNING, params, String.class));
            times.update(System.nanoTime() - start);
            return marked;
        }
        int updated = countedMarks.mark(tenant, () -> jdbc.update(MARK, params));
        long updatedAt = System.nanoTime();
        times.update(updatedAt - start);
        if (updated == candidates.size()) {
            return candidates.stream().map(Candidate::controllerId).toList();
        }
        statements.count(1);
        List<String> marked = jdbc.queryForList(
                "select controller_id from target where id in (:ids) and overdue_since = :now", params, String.class);
        times.readBack(System.nanoTime() - updatedAt);
        return marked;
    }
}
