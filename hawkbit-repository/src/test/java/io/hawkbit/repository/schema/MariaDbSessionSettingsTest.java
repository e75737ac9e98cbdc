package io.hawkbit.repository.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.hawkbit.repository.ServerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/** The pool's MariaDB connections get the session settings; other databases and an operator's init SQL do not. */
class MariaDbSessionSettingsTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @Test
    void mariaDbConnectionsGetTheJoinLimitPreference() throws SQLException {
        try (HikariDataSource pool = pool(DATABASE.url(), new MockEnvironment())) {
            assertThat(sessionRatio(pool)).isEqualTo(100);
        }
        var environment = new MockEnvironment().withProperty("hawkbit.database.mariadb.join-limit-pref-ratio", "7");
        try (HikariDataSource pool = pool(DATABASE.url(), environment)) {
            assertThat(sessionRatio(pool)).isEqualTo(7);
        }
    }

    @Test
    void zeroOrAnOperatorsInitSqlLeaveTheSessionAlone() throws SQLException {
        var off = new MockEnvironment().withProperty("hawkbit.database.mariadb.join-limit-pref-ratio", "0");
        try (HikariDataSource pool = pool(DATABASE.url(), off)) {
            assertThat(pool.getConnectionInitSql()).isNull();
        }
        HikariDataSource own = new HikariDataSource();
        own.setJdbcUrl(DATABASE.url());
        own.setConnectionInitSql("SELECT 1");
        new MariaDbSessionSettings(new MockEnvironment()).postProcessAfterInitialization(own, "dataSource");
        assertThat(own.getConnectionInitSql()).isEqualTo("SELECT 1");
    }

    @Test
    void otherDatabasesAreLeftAsTheyAre() {
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:x");
        new MariaDbSessionSettings(new MockEnvironment()).postProcessAfterInitialization(h2, "dataSource");
        assertThat(h2.getConnectionInitSql()).isNull();
    }

    @Test
    void anUnknownVariableDoesNotFailTheConnection() throws SQLException {
        try (Connection connection = DATABASE.connect()) {
            connection
                    .createStatement()
                    .execute(MariaDbSessionSettings.initSql(100).replace("optimizer_", "no_such_"));
            ResultSet one = connection.createStatement().executeQuery("SELECT 1");
            assertThat(one.next()).isTrue();
        }
    }

    private static HikariDataSource pool(String url, MockEnvironment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(DATABASE.user());
        pool.setPassword(DATABASE.password());
        pool.setMaximumPoolSize(1);
        new MariaDbSessionSettings(environment).postProcessAfterInitialization(pool, "dataSource");
        return pool;
    }

    private static int sessionRatio(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                ResultSet result =
                        connection.createStatement().executeQuery("SELECT @@session.optimizer_join_limit_pref_ratio")) {
            result.next();
            return result.getInt(1);
        }
    }
}
