package io.hawkbit.repository.target;

import io.hawkbit.repository.schema.DatabaseVendor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The overdue scheduler's marks of one batch, counted in {@code target_count} once per batch by the scheduler instead
 * of once per row by the count trigger: the trigger's upsert was about a third of the mark's cost in MariaDB (60,000
 * marks in 1.9-2.1 s without it, 2.7-2.8 s with it), and the UPDATE most of a pass's time. While the batch's UPDATE
 * runs, a flag of the database session tells the trigger (V1_22) to leave rows going from unmarked to marked to the
 * writer; every other change (a poll clearing the mark, a delete, an insert, a node of an earlier version marking
 * without the flag) is still counted by the trigger. Call it inside the batch's transaction.
 *
 * <p>MariaDB: a user variable, cleared in {@code finally} since it outlives transactions on a pooled connection.
 * PostgreSQL: {@code SET LOCAL}, which ends with the transaction anyway. H2 (one embedded node, a Java trigger that
 * would pay a query per row to read a flag): the trigger counts as before.
 */
@Component
public class CountedMarks {

    private static final String MARIADB_ADD = "INSERT INTO target_count (tenant, kind, shard, n)"
            + " VALUES (?, 'overdue', CONNECTION_ID() % 16, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

    private final JdbcTemplate jdbc;
    private final DatabaseVendor vendor;

    public CountedMarks(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.vendor = DatabaseVendor.of(dataSource);
    }

    /**
     * Runs {@code mark}, an UPDATE that marks unmarked targets of the tenant and returns how many, and counts them.
     */
    public int mark(String tenant, IntSupplier mark) {
        return switch (vendor) {
            case MARIADB -> mariaDb(tenant, mark);
            case POSTGRESQL -> postgreSql(tenant, mark);
            default -> mark.getAsInt();
        };
    }

    /** {@link #mark(String, IntSupplier)} for an UPDATE that returns the rows it marked. */
    public <T> List<T> markAll(String tenant, Supplier<List<T>> mark) {
        List<List<T>> marked = new ArrayList<>(1);
        mark(tenant, () -> {
            marked.add(mark.get());
            return marked.get(0).size();
        });
        return marked.get(0);
    }

    private int mariaDb(String tenant, IntSupplier mark) {
        jdbc.execute("SET @hawkbit_marks_counted = 1");
        try {
            int marked = mark.getAsInt();
            if (marked > 0) {
                jdbc.update(MARIADB_ADD, tenant, marked);
            }
            return marked;
        } finally {
            jdbc.execute("SET @hawkbit_marks_counted = NULL");
        }
    }

    private int postgreSql(String tenant, IntSupplier mark) {
        jdbc.execute("SET LOCAL hawkbit.marks_counted = 'on'");
        int marked = mark.getAsInt();
        // Off again at once: whatever else the transaction writes is the trigger's to count.
        jdbc.execute("SET LOCAL hawkbit.marks_counted = 'off'");
        if (marked > 0) {
            jdbc.query(
                    "SELECT target_count_add(?, 'overdue', ?)", (RowCallbackHandler) rs -> {}, tenant, (long) marked);
        }
        return marked;
    }
}
