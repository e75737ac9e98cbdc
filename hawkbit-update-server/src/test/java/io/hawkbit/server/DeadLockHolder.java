package io.hawkbit.server;

import io.hawkbit.repository.lock.ClusterLock;
import java.time.Duration;
import java.util.concurrent.locks.Lock;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A node that takes a scheduler lock and then dies: its own lock client on the test database, which never renews
 * nor releases what it takes, so the lock frees itself only when the lease runs out.
 */
final class DeadLockHolder {

    private DeadLockHolder() {}

    /** The (job, DEFAULT) lock as such a node would hold it, with the given lease; not taken yet. */
    static Lock lock(String database, String job, Duration lease) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                database, TestDatabase.of(database).user, TestDatabase.of(database).password);
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("hawkbit");
        repository.setTimeToLive((int) lease.toMillis());
        repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository, lease).obtain(ClusterLock.key(job, "DEFAULT"));
    }
}
