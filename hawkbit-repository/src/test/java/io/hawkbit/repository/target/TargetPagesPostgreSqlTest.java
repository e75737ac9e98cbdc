package io.hawkbit.repository.target;

import io.hawkbit.repository.ServerDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link TargetPagesTest} on PostgreSQL, whose LIMIT/OFFSET and ordering the deferred join relies on. */
@DirtiesContext
class TargetPagesPostgreSqlTest extends TargetPagesTest {

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.postgreSql();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }
}
