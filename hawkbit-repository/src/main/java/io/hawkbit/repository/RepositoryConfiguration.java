package io.hawkbit.repository;

import java.time.Clock;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the repository module: auditing, the clock, statement counting, scheduling, its properties. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "auditingDateTimeProvider", auditorAwareRef = "auditor")
@EnableJpaRepositories(value = "io.hawkbit.repository", queryEnhancerSelector = RegexQueryEnhancer.class)
@EntityScan("io.hawkbit.repository")
// Scanned, not listed: the listing would make this package depend on every feature package it configures.
@ConfigurationPropertiesScan("io.hawkbit.repository")
@EnableScheduling
class RepositoryConfiguration {

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
