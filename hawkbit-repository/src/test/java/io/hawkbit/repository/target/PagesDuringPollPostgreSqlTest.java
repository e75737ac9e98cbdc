package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PagesDuringPollTest} on PostgreSQL. */
class PagesDuringPollPostgreSqlTest extends PagesDuringPollTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.postgreSql();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
