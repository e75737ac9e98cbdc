package io.hawkbit.repository;

import java.time.Clock;

import io.hawkbit.repository.metadata.MetadataProperties;
import io.hawkbit.repository.softwaremodule.ArtifactStorageProperties;
import io.hawkbit.repository.target.PollProperties;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** Wires the repository module: auditing, the clock, statement counting, scheduling, its properties. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "auditingDateTimeProvider", auditorAwareRef = "auditor")
@EnableJpaRepositories("io.hawkbit.repository")
@EntityScan("io.hawkbit.repository")
@EnableConfigurationProperties({ArtifactStorageProperties.class, TenantProperties.class, PollProperties.class,
        QuotaProperties.class, MetadataProperties.class})
@EnableScheduling
public class RepositoryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HibernatePropertiesCustomizer statementCounting(StatementCounter counter) {
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, counter);
    }

    @Bean
    org.springframework.data.auditing.DateTimeProvider auditingDateTimeProvider(Clock clock) {
        return () -> java.util.Optional.of(clock.instant());
    }
}
