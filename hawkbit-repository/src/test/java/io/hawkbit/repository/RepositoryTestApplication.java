package io.hawkbit.repository;

import io.hawkbit.repository.schema.MigrationLocations;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The JPA part of the repository module as the server wires it (entities, Spring Data repositories, auditing), for
 * {@link RepositoryJpaTest}s. Audit columns get the user {@code test} and the fixed instant {@link #NOW}. Flyway picks
 * its script set by the database as in the server ({@link MigrationLocations}).
 */
@SpringBootConfiguration
@Import(MigrationLocations.class)
@EnableJpaAuditing(dateTimeProviderRef = "auditingDateTimeProvider", auditorAwareRef = "auditor")
@EnableJpaRepositories(value = "io.hawkbit.repository", queryEnhancerSelector = RegexQueryEnhancer.class)
@EntityScan("io.hawkbit.repository")
public class RepositoryTestApplication {

    /** createdAt and lastModifiedAt of everything a test saves. */
    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Bean
    AuditorAware<String> auditor() {
        return () -> Optional.of("test");
    }

    @Bean
    DateTimeProvider auditingDateTimeProvider() {
        return () -> Optional.of(NOW);
    }
}
