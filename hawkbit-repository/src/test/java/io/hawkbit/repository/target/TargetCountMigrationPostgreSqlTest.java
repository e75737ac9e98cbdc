package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import io.hawkbit.repository.schema.MigrationLocations;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link TargetCountMigrationTest} on PostgreSQL, with a writer inserting targets while V1_21 runs. */
class TargetCountMigrationPostgreSqlTest extends TargetCountMigrationTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.postgreSql();

    @Override
    DataSource database() {
        return new DriverManagerDataSource(DATABASE.url(), DATABASE.user(), DATABASE.password());
    }

    @Override
    String location() {
        return MigrationLocations.POSTGRESQL;
    }

    @Override
    boolean concurrentWriter() {
        return true;
    }
}
