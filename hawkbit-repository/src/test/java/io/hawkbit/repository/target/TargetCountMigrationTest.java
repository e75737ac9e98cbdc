package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.schema.MigrationLocations;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V1_21 fills target_count with the counts of the targets that exist (per tenant, overdue marks too), and its triggers
 * count what follows. On H2 here; the server variants also keep a writer inserting targets on its own connection while
 * the migration runs, as a node of the previous version would during a rolling upgrade: no target is counted twice
 * or missed (MariaDB: the fill runs under LOCK TABLES; PostgreSQL: under a SHARE ROW EXCLUSIVE lock of target).
 * V1_22 replaces the triggers (a mark is a positive time; 0 and NULL are none) under the same locks, with the same
 * writer going on as a previous version's node writes: NULL for "not marked".
 */
class TargetCountMigrationTest {

    JdbcTemplate jdbc;

    /** A fresh database for the test; the server variants override it. */
    DataSource database() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }

    String location() {
        return MigrationLocations.COMMON;
    }

    /** Whether another connection may write while the database migrates (not H2, which is embedded in one node). */
    boolean concurrentWriter() {
        return false;
    }

    @BeforeEach
    void migrateToTheVersionBefore() {
        jdbc = new JdbcTemplate(database());
        // The server variants' database lives as long as the class: each test starts from an empty one.
        flyway().cleanDisabled(false).load().clean();
        flyway().target("1.20").load().migrate();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(jdbc.getDataSource()).locations(location());
    }

    @Test
    void existingTargetsAreCounted_andTheTriggersCountWhatFollows() throws Exception {
        for (int i = 0; i < 5; i++) {
            target("tenant-a", "a-" + i, i < 2 ? 7L : null);
        }
        for (int i = 0; i < 3; i++) {
            target("tenant-b", "b-" + i, 9L);
        }
        AtomicBoolean migrated = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = previousVersionWriting(migrated, written, false);

        flyway().load().migrate();
        migrated.set(true);
        writer.get();

        for (String tenant : List.of("tenant-a", "tenant-b")) {
            assertExact(tenant);
        }
        assertThat(kept("tenant-b", "all")).isEqualTo(3);
        assertThat(kept("tenant-b", "overdue")).isEqualTo(3);
        assertThat(kept("tenant-a", "all")).isEqualTo(5 + written.get());

        target("tenant-b", "b-new", null);
        jdbc.update("UPDATE target SET overdue_since = NULL WHERE controller_id = 'b-0'");
        jdbc.update("DELETE FROM target WHERE controller_id IN ('a-0', 'a-4')");
        assertThat(kept("tenant-b", "all")).isEqualTo(4);
        assertThat(kept("tenant-b", "overdue")).isEqualTo(2);
        for (String tenant : List.of("tenant-a", "tenant-b")) {
            assertExact(tenant);
        }
    }

    @Test
    void afterV1_22_aMarkIsAPositiveTime_andNullAndZeroAreNone() throws Exception {
        flyway().target("1.21").load().migrate();
        target("tenant-a", "a-0", 7L);
        target("tenant-a", "a-1", null);
        target("tenant-a", "a-2", null);
        AtomicBoolean migrated = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = previousVersionWriting(migrated, written, true);

        flyway().load().migrate();
        migrated.set(true);
        writer.get();
        assertExact("tenant-a");

        jdbc.update("INSERT INTO target (tenant, controller_id, name, security_token, update_status,"
                + " request_controller_attributes, created_at, created_by, last_modified_at, last_modified_by,"
                + " optlock_revision) VALUES ('tenant-b', 'b-default', 'b-default', 't', 'UNKNOWN', TRUE,"
                + " CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 0)");
        assertThat(jdbc.queryForObject(
                        "SELECT overdue_since FROM target WHERE controller_id = 'b-default'", Long.class))
                .as("the column's default")
                .isZero();
        target("tenant-b", "b-marked", 3L);
        target("tenant-b", "b-zero", 0L);
        assertThat(kept("tenant-b", "all")).isEqualTo(3);
        assertThat(kept("tenant-b", "overdue")).isEqualTo(1);

        // NULL to 0 (the scheduler's clean-up) is no change; 0 to a time is a mark; a time to NULL or 0 clears it.
        jdbc.update("UPDATE target SET overdue_since = 0 WHERE overdue_since IS NULL");
        assertExact("tenant-a");
        jdbc.update("UPDATE target SET overdue_since = 9 WHERE controller_id IN ('a-1', 'b-zero', 'b-default')");
        assertThat(kept("tenant-b", "overdue")).isEqualTo(3);
        jdbc.update("UPDATE target SET overdue_since = NULL WHERE controller_id = 'b-marked'");
        jdbc.update("UPDATE target SET overdue_since = 0 WHERE controller_id = 'b-zero'");
        jdbc.update("DELETE FROM target WHERE controller_id IN ('a-0', 'b-default')");
        assertThat(kept("tenant-b", "overdue")).isZero();
        for (String tenant : List.of("tenant-a", "tenant-b")) {
            assertExact(tenant);
        }
    }

    /**
     * On the server variants, a node of the previous version inserting targets (every other one marked) on its own
     * connection, and with {@code clearing} clearing marks with NULL as its polls do; it goes on a little after the
     * migration, so that some writes surely land after the triggers.
     */
    private CompletableFuture<Void> previousVersionWriting(
            AtomicBoolean migrated, AtomicInteger written, boolean clearing) {
        if (!concurrentWriter()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            int after = 0;
            while (after < 20) {
                int n = written.incrementAndGet();
                target("tenant-a", "w-" + n, n % 2 == 0 ? 1L : null);
                if (clearing) {
                    jdbc.update("UPDATE target SET overdue_since = NULL WHERE controller_id = ?", "w-" + (n - 3));
                }
                after += migrated.get() ? 1 : 0;
            }
        });
    }

    private void assertExact(String tenant) {
        assertThat(kept(tenant, "all"))
                .as("targets of %s", tenant)
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM target WHERE tenant = ?", Long.class, tenant));
        assertThat(kept(tenant, "overdue"))
                .as("overdue targets of %s", tenant)
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM target WHERE tenant = ? AND COALESCE(overdue_since, 0) > 0",
                        Long.class,
                        tenant));
    }

    private long kept(String tenant, String kind) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(n), 0) FROM target_count WHERE tenant = ? AND kind = ?", Long.class, tenant, kind);
    }

    private void target(String tenant, String controllerId, Long overdueSince) {
        jdbc.update(
                "INSERT INTO target (tenant, controller_id, name, security_token, update_status,"
                        + " request_controller_attributes, created_at, created_by, last_modified_at, last_modified_by,"
                        + " optlock_revision, overdue_since) VALUES (?, ?, ?, 't', 'UNKNOWN', TRUE, CURRENT_TIMESTAMP,"
                        + " 'test', CURRENT_TIMESTAMP, 'test', 0, ?)",
                tenant,
                controllerId,
                controllerId,
                overdueSince);
    }
}
