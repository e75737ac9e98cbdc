package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import io.hawkbit.repository.schema.MigrationLocations;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link TargetCountMigrationTest} on MariaDB, with a writer inserting targets while V1_21 runs. */
class TargetCountMigrationMariaDbTest extends TargetCountMigrationTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @Override
    DataSource database() {
        return new DriverManagerDataSource(DATABASE.url(), DATABASE.user(), DATABASE.password());
    }

    @Override
    String location() {
        return MigrationLocations.COMMON;
    }

    @Override
    boolean concurrentWriter() {
        return true;
    }
}
