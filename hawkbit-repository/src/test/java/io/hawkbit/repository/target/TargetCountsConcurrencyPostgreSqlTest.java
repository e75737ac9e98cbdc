package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TargetCountsConcurrencyTest} on PostgreSQL (ON CONFLICT, shards by backend pid). */
class TargetCountsConcurrencyPostgreSqlTest extends TargetCountsConcurrencyTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.postgreSql();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
