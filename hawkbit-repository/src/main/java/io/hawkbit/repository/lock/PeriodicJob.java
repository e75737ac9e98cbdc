package io.hawkbit.repository.lock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's own thread, running it with a fixed delay from application start to shutdown. Schedulers get a thread each
 * rather than sharing Spring's single scheduling thread, where a long run would delay poll writes and heartbeats.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final ScheduledExecutorService executor;

    private PeriodicJob(String name, Duration period, Runnable run) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = period.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                run.run();
            } catch (RuntimeException e) {
                // A failed run must not end the schedule: the next period tries again.
                LOG.warn("Scheduled job {} failed", name, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    public static PeriodicJob start(String name, Duration period, Runnable run) {
        return new PeriodicJob(name, period, run);
    }

    /** Stops scheduling and waits briefly for a running run, which ends its transaction and releases its lock. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
