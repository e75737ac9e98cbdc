package io.hawkbit.repository.query;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RsqlSpecificationTest} on PostgreSQL, in a database of its own with the PostgreSQL twin of the Flyway
 * scripts: case-insensitive {@code ==} and {@code =in=} through lower(), LIKE with its escape, the NOT EXISTS
 * negations and the controllerId's exact collation are the server's. Skipped (loudly) without a reachable PostgreSQL.
 */
@DirtiesContext
class RsqlSpecificationPostgreSqlTest extends RsqlSpecificationTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.postgreSql();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
