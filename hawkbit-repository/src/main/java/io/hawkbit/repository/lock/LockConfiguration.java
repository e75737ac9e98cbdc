package io.hawkbit.repository.lock;

import io.hawkbit.repository.schema.DatabaseVendor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/** The JDBC lock registry on the {@code INT_LOCK} table (created by Flyway) and the {@link ClusterLock} over it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LockProperties.class, SchedulerProperties.class})
class LockConfiguration {

    /** The lock rows' region: keeps our keys apart from any other user of the table. */
    static final String REGION = "hawkbit";

    @Bean
    DefaultLockRepository lockRepository(
            DataSource dataSource, PlatformTransactionManager transactions, LockProperties properties) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(REGION);
        repository.setTransactionManager(transactions);
        repository.setTimeToLive((int) properties.getLease().toMillis());
        if (DatabaseVendor.of(dataSource) == DatabaseVendor.POSTGRESQL) {
            // A refused insert (another node holds the lock) aborts a PostgreSQL transaction and logs an error on the
            // server for every skipped try; without the conflict the insert counts 0 rows and the try says no.
            repository.setInsertQuery(repository.getInsertQuery() + " ON CONFLICT DO NOTHING");
        }
        return repository;
    }

    @Bean
    JdbcLockRegistry lockRegistry(DefaultLockRepository repository, LockProperties properties) {
        return new JdbcLockRegistry(repository, properties.getLease());
    }

    @Bean
    ClusterLock clusterLock(
            JdbcLockRegistry registry,
            DefaultLockRepository repository,
            LockProperties properties,
            MeterRegistry meters,
            Clock clock) {
        if (properties.getRenewInterval().compareTo(properties.getLease()) >= 0) {
            throw new IllegalStateException("hawkbit.scheduler.lock.renew-interval (" + properties.getRenewInterval()
                    + ") must be shorter than hawkbit.scheduler.lock.lease (" + properties.getLease() + ")");
        }
        return new ClusterLock(registry, repository, properties, meters, clock);
    }
}
