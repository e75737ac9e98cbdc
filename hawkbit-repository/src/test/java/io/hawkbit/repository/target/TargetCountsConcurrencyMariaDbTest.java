package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TargetCountsConcurrencyTest} on MariaDB (UPDATE first, INSERT … ON DUPLICATE KEY UPDATE for a new shard, shards by connection id). */
class TargetCountsConcurrencyMariaDbTest extends TargetCountsConcurrencyTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
