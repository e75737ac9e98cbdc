package db.migration.common;

import io.hawkbit.repository.schema.DatabaseVendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fleet scale (#17): "not overdue" becomes 0 instead of NULL in {@code target.overdue_since}, so that marking a target
 * overwrites eight bytes in place. A NULL takes no room in an InnoDB row: setting it grew every record the overdue
 * scheduler marked, which InnoDB cannot update in place, and pages filled by the fleet's inserts were reorganised
 * over and over: ~3 KB of redo per mark against ~0.35 KB in place (docs/performance.md, "Overdue marking in place").
 *
 * <p>Only the column's default changes here (metadata, no table rewrite): the existing NULLs are turned into 0 by the
 * overdue scheduler in batches (one statement over a million rows would hold their locks for minutes), and nodes of the
 * previous version still write NULL during a rolling upgrade. So a target is marked when the column holds a positive
 * time; NULL and 0 both mean "not marked", and the triggers of V1_21 are replaced with ones that count that. Existing
 * rows hold NULL or a time, on which both definitions agree: the kept counts stay as they are. The update trigger
 * leaves a mark (unmarked to marked) uncounted while the session's {@code @hawkbit_marks_counted} is set: the overdue
 * scheduler counts its batch's marks in one statement ({@code CountedMarks}); a node of the previous version never
 * sets it, so its marks are counted here.
 *
 * <p>Java for the same reason as V1_21: MariaDB's triggers are SQL, H2's is {@code TargetCountH2Trigger}, which now
 * tests the same predicate. The PostgreSQL twin is {@code postgresql/V1_22__overdue_in_place.sql}.
 */
public class V1_22__overdue_in_place extends BaseJavaMigration {

    private static final String DEFAULT_ZERO = "ALTER TABLE target ALTER COLUMN overdue_since SET DEFAULT 0";

    private static final String MARKED_NEW = "COALESCE(NEW.overdue_since, 0) > 0";

    private static final String MARKED_OLD = "COALESCE(OLD.overdue_since, 0) > 0";

    private static final String MARIADB_INSERT =
            """
            CREATE TRIGGER target_count_insert AFTER INSERT ON target FOR EACH ROW
            BEGIN
            %s
                IF %s THEN
            %s
                END IF;
            END""".formatted(add("NEW", "all", "1"), MARKED_NEW, add("NEW", "overdue", "1"));

    private static final String MARIADB_DELETE =
            """
            CREATE TRIGGER target_count_delete AFTER DELETE ON target FOR EACH ROW
            BEGIN
            %s
                IF %s THEN
            %s
                END IF;
            END""".formatted(add("OLD", "all", "-1"), MARKED_OLD, add("OLD", "overdue", "-1"));

    private static final String MARIADB_UPDATE =
            """
            CREATE TRIGGER target_count_update AFTER UPDATE ON target FOR EACH ROW
            BEGIN
                IF (%1$s) <> (%2$s) AND (@hawkbit_marks_counted IS NULL OR NOT (%2$s)) THEN
            %3$s
                END IF;
            END""".formatted(MARKED_OLD, MARKED_NEW, add("NEW", "overdue", "IF(" + MARKED_NEW + ", 1, -1)"));

    /** As V1_21's: one upsert into the session's shard (why not an UPDATE first, or a procedure: see there). */
    private static String add(String row, String kind, String delta) {
        return V1_21__target_count.add(row, kind, delta);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseVendor vendor = DatabaseVendor.ofUrl(connection.getMetaData().getURL());
        try (Statement statement = connection.createStatement()) {
            switch (vendor) {
                case MARIADB -> mariaDb(statement);
                case H2 -> statement.execute(DEFAULT_ZERO);
                default ->
                    throw new IllegalStateException(
                            "V1_22 runs on H2 and MariaDB; PostgreSQL has its own script, other databases none: "
                                    + vendor);
            }
        }
    }

    /**
     * Under {@code LOCK TABLES}: a node of the previous version writing targets meanwhile waits, instead of writing
     * while one of the three triggers is missing and going uncounted.
     */
    private static void mariaDb(Statement statement) throws SQLException {
        statement.execute("LOCK TABLES target WRITE, target_count WRITE");
        try {
            statement.execute("DROP TRIGGER target_count_insert");
            statement.execute(MARIADB_INSERT);
            statement.execute("DROP TRIGGER target_count_delete");
            statement.execute(MARIADB_DELETE);
            statement.execute("DROP TRIGGER target_count_update");
            statement.execute(MARIADB_UPDATE);
            statement.execute(DEFAULT_ZERO);
        } finally {
            statement.execute("UNLOCK TABLES");
        }
    }
}
