package db.migration.common;

import io.hawkbit.repository.schema.DatabaseVendor;
import io.hawkbit.repository.target.TargetCountH2Trigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fleet scale (#17): the tenant's number of targets and of targets marked overdue, kept by triggers on {@code target}
 * in {@code target_count}, so that the total of a target page without a filter, of {@code overdue==true}, and the
 * overdue gauge read at most 32 rows instead of counting a million index entries (see {@code TargetCounts}).
 *
 * <p>Java, because H2 and MariaDB share this folder but not their trigger syntax: MariaDB runs SQL trigger bodies, H2
 * calls a Java class ({@link TargetCountH2Trigger}). The PostgreSQL twin is {@code postgresql/V1_21__target_count.sql}.
 *
 * <p>Each count is split into 16 shards, picked by the database session ({@code CONNECTION_ID() % 16}): concurrent
 * transactions creating targets mostly update different rows instead of queueing on one, and a transaction always
 * writes the same shard of a kind, so two of them never wait on each other's rows in opposite order. The total is the
 * sum of the shards; a single shard may go negative (a target created on one session, deleted on another).
 *
 * <p>The counts of the existing targets are filled under {@code LOCK TABLES}, which the trigger creation does not
 * release: a node of the previous version writing targets meanwhile waits for the fill (about a second at 1M targets)
 * instead of being counted twice or not at all.
 */
public class V1_21__target_count extends BaseJavaMigration {

    /**
     * {@code %s}: the collation of {@code target.tenant}, so that the triggers compare like with like. A table created
     * without one takes the charset's default collation, which need not be the target table's (a MariaDB upgrade
     * may change the default between V1_0 and V1_21), and comparing two columns of different collations fails.
     */
    private static final String TABLE = """
            CREATE TABLE target_count (
                tenant VARCHAR(40) %1$s NOT NULL,
                kind VARCHAR(16) %1$s NOT NULL,
                shard INT NOT NULL,
                n BIGINT NOT NULL,
                PRIMARY KEY (tenant, kind, shard)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""";

    /** The fill: the counts of all existing targets, in shard 0. No alias: LOCK TABLES locks target by its name. */
    static final String FILL_ALL =
            "INSERT INTO target_count (tenant, kind, shard, n) SELECT tenant, 'all', 0, COUNT(*) FROM target"
                    + " GROUP BY tenant";

    static final String FILL_OVERDUE =
            "INSERT INTO target_count (tenant, kind, shard, n) SELECT tenant, 'overdue', 0, COUNT(*) FROM target"
                    + " WHERE overdue_since IS NOT NULL GROUP BY tenant";

    private static final String MARIADB_INSERT = """
            CREATE TRIGGER target_count_insert AFTER INSERT ON target FOR EACH ROW
            BEGIN
            %s
                IF NEW.overdue_since IS NOT NULL THEN
            %s
                END IF;
            END""".formatted(add("NEW", "all", "1"), add("NEW", "overdue", "1"));

    private static final String MARIADB_DELETE = """
            CREATE TRIGGER target_count_delete AFTER DELETE ON target FOR EACH ROW
            BEGIN
            %s
                IF OLD.overdue_since IS NOT NULL THEN
            %s
                END IF;
            END""".formatted(add("OLD", "all", "-1"), add("OLD", "overdue", "-1"));

    /**
     * Every poll write updates targets (a batch of them per second and node): only a mark set or cleared does more
     * than one comparison. The tenant of a target never changes (not updatable in the mapping, no SQL writes it).
     */
    private static final String MARIADB_UPDATE =
            """
            CREATE TRIGGER target_count_update AFTER UPDATE ON target FOR EACH ROW
            BEGIN
                IF (OLD.overdue_since IS NULL) <> (NEW.overdue_since IS NULL) THEN
            %s
                END IF;
            END""".formatted(add("NEW", "overdue", "IF(NEW.overdue_since IS NULL, -1, 1)"));

    /**
     * Adds {@code delta} to the session's shard of the row's tenant and {@code kind}, in one {@code INSERT … ON
     * DUPLICATE KEY UPDATE}: on the primary key (the clustered index) the duplicate is locked as a record, never a gap,
     * and a new shard's row takes an insert-intention lock, which no other writer's lock blocks. An UPDATE first (to
     * spare the failed insert) locked the gap where a shard's row did not exist yet under repeatable read: two
     * transactions adding two tenants' or kinds' first rows there each waited for the other's gap, a deadlock
     * (TargetCountsConcurrencyMariaDbTest). Written out in each trigger rather than called as a procedure: a call per
     * row took about 40 % longer to clear 73,559 marks (6.8-8.2 s against 4.6-5.6 s at load 16-22; no trigger: 5.0 s).
     */
    static String add(String row, String kind, String delta) {
        return """
                    INSERT INTO target_count (tenant, kind, shard, n)
                        VALUES (%1$s.tenant, '%2$s', CONNECTION_ID() %% 16, %3$s)
                        ON DUPLICATE KEY UPDATE n = n + VALUES(n);""".formatted(row, kind, delta);
    }

    private static final String H2_TRIGGER = "CREATE TRIGGER target_count AFTER INSERT, UPDATE, DELETE ON target"
            + " FOR EACH ROW CALL '" + TargetCountH2Trigger.class.getName() + "'";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseVendor vendor = DatabaseVendor.ofUrl(connection.getMetaData().getURL());
        try (Statement statement = connection.createStatement()) {
            switch (vendor) {
                case MARIADB -> mariaDb(statement);
                case H2 -> h2(statement);
                default ->
                    throw new IllegalStateException(
                            "V1_21 runs on H2 and MariaDB; PostgreSQL has its own script, other databases none: "
                                    + vendor);
            }
        }
    }

    private static void mariaDb(Statement statement) throws SQLException {
        String collation = tenantCollation(statement);
        statement.execute(TABLE.formatted(collation));
        statement.execute("LOCK TABLES target WRITE, target_count WRITE");
        try {
            statement.execute(MARIADB_INSERT);
            statement.execute(MARIADB_DELETE);
            statement.execute(MARIADB_UPDATE);
            statement.execute(FILL_ALL);
            statement.execute(FILL_OVERDUE);
        } finally {
            statement.execute("UNLOCK TABLES");
        }
    }

    /** {@code CHARACTER SET x COLLATE y} of {@code target.tenant}, as the target table was created. */
    private static String tenantCollation(Statement statement) throws SQLException {
        try (ResultSet column = statement.executeQuery("SELECT CHARACTER_SET_NAME, COLLATION_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'target'"
                + " AND COLUMN_NAME = 'tenant'")) {
            if (!column.next()) {
                throw new IllegalStateException("No column target.tenant in the current database");
            }
            String charset = column.getString(1);
            String collation = column.getString(2);
            if (!charset.matches("\\w+") || !collation.matches("\\w+")) {
                throw new IllegalStateException("Unexpected collation of target.tenant: " + charset + " " + collation);
            }
            return "CHARACTER SET " + charset + " COLLATE " + collation;
        }
    }

    /** H2 is embedded in one node: nothing else writes while it migrates. */
    private static void h2(Statement statement) throws SQLException {
        statement.execute(TABLE.formatted(""));
        statement.execute(H2_TRIGGER);
        statement.execute(FILL_ALL);
        statement.execute(FILL_OVERDUE);
    }
}
