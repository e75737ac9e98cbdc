package io.hawkbit.repository.target;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the overdue scheduler's walk over a tenant's poll times stands, kept in {@code overdue_cursor} so that a run,
 * on whichever node, goes on from the last one instead of reading the marked targets again: every target polled at or
 * before {@link Position} has been considered. Written by the scheduler, in the transaction of the batch that moved it.
 */
@Component
class OverdueCursor {

    /**
     * A place in ix_target_last_poll's order, (poll time, id): the targets at or before it are behind the walk. Poll
     * times are epoch millis.
     */
    record Position(long pollTime, long targetId) {

        /** Before every target: a tenant's first walk. */
        static final Position START = new Position(Long.MIN_VALUE, Long.MIN_VALUE);

        /** Behind every target polled before {@code cutoff}: a pass that reached the cutoff. */
        static Position before(long cutoff) {
            return new Position(cutoff - 1, Long.MAX_VALUE);
        }
    }

    private final JdbcTemplate jdbc;

    OverdueCursor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's position; a tenant's first run creates its row at {@link Position#START}. */
    Position read(String tenant) {
        List<Position> found = jdbc.query(
                "select poll_time, target_id from overdue_cursor where tenant = ?",
                (rs, row) -> new Position(rs.getLong(1), rs.getLong(2)),
                tenant);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        try {
            // On its own, before the batches' transactions, which then only update the row: nodes running without the
            // cluster lock (hawkbit.scheduler.lock.mode=none) never fail a batch on each other's insert.
            jdbc.update(
                    "insert into overdue_cursor (tenant, poll_time, target_id) values (?, ?, ?)",
                    tenant,
                    Position.START.pollTime(),
                    Position.START.targetId());
        } catch (DuplicateKeyException another) {
            // Another node's first run created it at the same moment.
        }
        return Position.START;
    }

    void write(String tenant, Position position) {
        jdbc.update(
                "update overdue_cursor set poll_time = ?, target_id = ? where tenant = ?",
                position.pollTime(),
                position.targetId(),
                tenant);
    }
}
