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

    /** {@code %s}: the text columns' collation, which the stored procedure's parameters must share. */
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

    /**
     * Adds {@code delta} to the session's shard: an UPDATE first, which locks the one existing row only; the INSERT
     * (whose duplicate-key check takes a next-key lock, a gap lock too) only for a shard's first target. {@code %s}:
     * the collation of {@code target.tenant}: a parameter declared without one gets the database's default collation,
     * which need not be the columns' (utf8mb4_general_ci against the database's utf8mb4_unicode_ci here; a MariaDB
     * upgrade may change the default), and comparing the two then fails ("Illegal mix of collations").
     */
    private static final String MARIADB_ADD = """
            CREATE PROCEDURE target_count_add(
                IN p_tenant VARCHAR(40) %1$s, IN p_kind VARCHAR(16) %1$s, IN p_delta BIGINT)
            BEGIN
                DECLARE s INT DEFAULT CONNECTION_ID() %% 16;
                UPDATE target_count SET n = n + p_delta WHERE tenant = p_tenant AND kind = p_kind AND shard = s;
                IF ROW_COUNT() = 0 THEN
                    INSERT INTO target_count (tenant, kind, shard, n) VALUES (p_tenant, p_kind, s, p_delta)
                        ON DUPLICATE KEY UPDATE n = n + p_delta;
                END IF;
            END""";

    private static final String MARIADB_INSERT = """
            CREATE TRIGGER target_count_insert AFTER INSERT ON target FOR EACH ROW
            BEGIN
                CALL target_count_add(NEW.tenant, 'all', 1);
                IF NEW.overdue_since IS NOT NULL THEN
                    CALL target_count_add(NEW.tenant, 'overdue', 1);
                END IF;
            END""";

    private static final String MARIADB_DELETE = """
            CREATE TRIGGER target_count_delete AFTER DELETE ON target FOR EACH ROW
            BEGIN
                CALL target_count_add(OLD.tenant, 'all', -1);
                IF OLD.overdue_since IS NOT NULL THEN
                    CALL target_count_add(OLD.tenant, 'overdue', -1);
                END IF;
            END""";

    /**
     * Every poll write updates targets (a batch of them per second and node): only a mark set or cleared does more
     * than one comparison. The tenant of a target never changes (not updatable in the mapping, no SQL writes it).
     */
    private static final String MARIADB_UPDATE = """
            CREATE TRIGGER target_count_update AFTER UPDATE ON target FOR EACH ROW
            BEGIN
                IF (OLD.overdue_since IS NULL) <> (NEW.overdue_since IS NULL) THEN
                    CALL target_count_add(NEW.tenant, 'overdue', IF(NEW.overdue_since IS NULL, -1, 1));
                END IF;
            END""";

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
        statement.execute(MARIADB_ADD.formatted(collation));
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
