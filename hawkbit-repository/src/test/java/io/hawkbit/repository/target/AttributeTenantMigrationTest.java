package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V1_20 gives every existing attribute row its target's tenant, and a row written without one fails afterwards. */
class AttributeTenantMigrationTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void migrateToTheVersionBefore() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        jdbc = new JdbcTemplate(db);
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration/common")
                .target("1.19")
                .load()
                .migrate();
    }

    @Test
    void existingAttributes_takeTheirTargetsTenant() {
        long a = target("tenant-a", "dev-1");
        long b = target("tenant-b", "dev-1");
        attribute(a, "region", "eu-west");
        attribute(a, "hw", "rev-A");
        attribute(b, "region", "eu-west");

        Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration/common")
                .load()
                .migrate();

        assertThat(jdbc.queryForList(
                        "SELECT CONCAT(tenant, ':', attribute_key) FROM target_attributes ORDER BY tenant, attribute_key",
                        String.class))
                .isEqualTo(List.of("tenant-a:hw", "tenant-a:region", "tenant-b:region"));
        assertThatThrownBy(() -> attribute(a, "serial", "x"))
                .as("no default is left: a row without its tenant is refused")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long target(String tenant, String controllerId) {
        jdbc.update(
                "INSERT INTO target (tenant, controller_id, name, security_token, update_status,"
                        + " request_controller_attributes, created_at, created_by, last_modified_at, last_modified_by,"
                        + " optlock_revision) VALUES (?, ?, ?, 't', 'UNKNOWN', TRUE, CURRENT_TIMESTAMP, 'test',"
                        + " CURRENT_TIMESTAMP, 'test', 0)",
                tenant,
                controllerId,
                controllerId);
        return jdbc.queryForObject(
                "SELECT id FROM target WHERE tenant = ? AND controller_id = ?", Long.class, tenant, controllerId);
    }

    private void attribute(long target, String key, String value) {
        jdbc.update(
                "INSERT INTO target_attributes (target_id, attribute_key, attribute_value) VALUES (?, ?, ?)",
                target,
                key,
                value);
    }
}
