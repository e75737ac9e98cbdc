package io.hawkbit.repository.lock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.util.UUIDConverter;

/**
 * A non-blocking, cluster-wide lock per (job, tenant): the first node to take it runs the work, the others skip this
 * period. The lock is a row of {@code INT_LOCK} (Spring Integration's {@link JdbcLockRegistry}) with a lease; the
 * holder renews the lease while its work runs, and a holder that dies stops renewing, so its lock frees itself after
 * the lease. With {@link LockProperties.Mode#NONE} every node runs the work (single node, or to show what the lock
 * prevents).
 */
public class ClusterLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLock.class);

    private final JdbcLockRegistry registry;
    private final LockRepository repository;
    private final LockProperties properties;
    private final MeterRegistry meters;
    private final ScheduledExecutorService renewer;
    private final Clock clock;
    /** Jobs whose lock this node holds right now, and when this node last took each job's lock (epoch ms). */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    private final Map<String, Long> lastRuns = new ConcurrentHashMap<>();

    public ClusterLock(
            JdbcLockRegistry registry,
            LockRepository repository,
            LockProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.repository = repository;
        this.properties = properties;
        this.meters = meters;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-lock-renewer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The lock key of a job in a tenant; also its row key (as a UUID) in {@code INT_LOCK}. */
    public static String key(String job, String tenant) {
        return job + ":" + tenant;
    }

    /** The {@code INT_LOCK.LOCK_KEY} value of a key, as the registry computes it. */
    public static String rowKey(String key) {
        return UUIDConverter.getUUID(key).toString();
    }

    /**
     * Runs {@code work} on this thread if this node gets the lock of (job, tenant) at once; returns false without
     * waiting when another node holds it. The work's exceptions propagate after the lock is released.
     */
    public boolean runExclusively(String job, String tenant, Runnable work) {
        return callExclusively(job, tenant, () -> {
                    work.run();
                    return 0;
                })
                .isPresent();
    }

    /**
     * As {@link #runExclusively}, for work that counts what it did: returns its count, or empty when another node
     * holds the lock.
     */
    public OptionalLong callExclusively(String job, String tenant, LongSupplier work) {
        if (properties.getMode() == LockProperties.Mode.NONE) {
            meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "unlocked")
                    .increment();
            return OptionalLong.of(timed(job, work));
        }
        String key = key(job, tenant);
        long start = System.nanoTime();
        Lock lock = registry.obtain(key);
        boolean acquired;
        try {
            acquired = lock.tryLock();
        } catch (RuntimeException e) {
            // A database hiccup is a skipped period, not a failed scheduler.
            LOG.warn("Could not try the lock {}: {}", key, e.toString());
            acquired = false;
        }
        long lockNanos = System.nanoTime() - start;
        if (!acquired) {
            meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "skipped")
                    .increment();
            overhead(job, "skipped").record(lockNanos, TimeUnit.NANOSECONDS);
            return OptionalLong.empty();
        }
        meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "acquired")
                .increment();
        held.add(job);
        lastRuns.put(job, clock.millis());
        Renewal renewal = new Renewal(job, key);
        long renewMillis = properties.getRenewInterval().toMillis();
        renewal.future =
                renewer.scheduleWithFixedDelay(renewal::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        try {
            return OptionalLong.of(timed(job, work));
        } finally {
            renewal.stop();
            held.remove(job);
            long unlockStart = System.nanoTime();
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                // The lease ran out (the work outlived it without renewal): another node may have run meanwhile.
                meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "lost")
                        .increment();
                LOG.warn("Lock {} was lost before its work ended: {}", key, e.toString());
            }
            overhead(job, "acquired").record(lockNanos + System.nanoTime() - unlockStart, TimeUnit.NANOSECONDS);
        }
    }

    /** The jobs whose lock this node holds at this moment (the cluster page shows them per node). */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /** When this node last took each job's lock, in epoch milliseconds; jobs it never ran are absent. */
    public Map<String, Long> lastRuns() {
        return Map.copyOf(lastRuns);
    }

    /** The renewals of one holding; stopping waits for a renewal in flight, so none races with the unlock. */
    private final class Renewal {

        private final String job;
        private final String key;
        private volatile ScheduledFuture<?> future;
        private boolean stopped;

        Renewal(String job, String key) {
            this.job = job;
            this.key = key;
        }

        synchronized void renew() {
            if (stopped) {
                return;
            }
            try {
                if (repository.renew(rowKey(key), properties.getLease())) {
                    meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "renewed")
                            .increment();
                } else {
                    meters.counter("hawkbit.scheduler.lock", "job", job, "outcome", "lost")
                            .increment();
                    LOG.warn("Lock {} could not be renewed: its lease ran out and another node may hold it", key);
                }
            } catch (RuntimeException e) {
                LOG.warn("Renewing lock {} failed: {}", key, e.toString());
            }
        }

        synchronized void stop() {
            stopped = true;
            future.cancel(false);
        }
    }

    private long timed(String job, LongSupplier work) {
        return Timer.builder("hawkbit.scheduler.run")
                .tag("job", job)
                .register(meters)
                .record(work);
    }

    private Timer overhead(String job, String outcome) {
        return Timer.builder("hawkbit.scheduler.lock.overhead")
                .description("Time spent taking and releasing the lock")
                .tag("job", job)
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
