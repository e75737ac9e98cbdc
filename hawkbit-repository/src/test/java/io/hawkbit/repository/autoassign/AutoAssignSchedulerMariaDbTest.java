package io.hawkbit.repository.autoassign;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AutoAssignSchedulerTest} on MariaDB, where the candidates' select (the filter's subqueries) is its SQL. */
@DirtiesContext
class AutoAssignSchedulerMariaDbTest extends AutoAssignSchedulerTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
