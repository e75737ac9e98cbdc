package io.hawkbit.repository.query;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RsqlSpecificationTest} on MariaDB, in a database of its own: collation, LIKE escaping and the dialect's
 * SQL are the server's, not H2's imitation. Skipped (loudly) without a reachable MariaDB.
 */
@DirtiesContext
class RsqlSpecificationMariaDbTest extends RsqlSpecificationTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
