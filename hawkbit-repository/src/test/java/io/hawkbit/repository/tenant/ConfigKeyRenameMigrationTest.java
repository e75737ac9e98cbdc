package io.hawkbit.repository.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V1_6 moves values stored under the 0.x names of renamed settings to hawkBit 1.1's names. */
class ConfigKeyRenameMigrationTest {

    private Flyway flyway;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrateToTheVersionBefore() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        jdbc = new JdbcTemplate(db);
        flyway = Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration/common")
                .target("1.5")
                .load();
        flyway.migrate();
    }

    @Test
    void oldNames_moveToTheNewOnes_andAnExistingNewValueWins() {
        insert("A", "action.cleanup.actionExpiry", "86400000");
        insert("A", "action.cleanup.actionStatus", "ERROR");
        insert("B", "action.cleanup.actionStatus", "CANCELED");
        insert("B", "action.cleanup.auto.status", "FINISHED");
        insert("B", "pollingTime", "00:01:00");

        Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration/common")
                .load()
                .migrate();

        assertThat(rows("A"))
                .containsExactly("action.cleanup.auto.expiry=86400000", "action.cleanup.auto.status=ERROR");
        assertThat(rows("B")).containsExactly("action.cleanup.auto.status=FINISHED", "pollingTime=00:01:00");
    }

    private void insert(String tenant, String key, String value) {
        jdbc.update(
                "INSERT INTO tenant_configuration (tenant, conf_key, conf_value, created_at, created_by, last_modified_at,"
                        + " last_modified_by, optlock_revision) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 0)",
                tenant,
                key,
                value);
    }

    private List<String> rows(String tenant) {
        return jdbc.queryForList(
                "SELECT CONCAT(conf_key, '=', conf_value) FROM tenant_configuration WHERE tenant = ?"
                        + " ORDER BY conf_key",
                String.class,
                tenant);
    }
}
