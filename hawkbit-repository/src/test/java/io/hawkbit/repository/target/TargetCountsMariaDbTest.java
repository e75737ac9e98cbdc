package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TargetCountsTest} on MariaDB, whose triggers are its own SQL. */
@DirtiesContext
class TargetCountsMariaDbTest extends TargetCountsTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
