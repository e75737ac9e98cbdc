package io.hawkbit.repository.lock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's own thread, running it with a fixed delay from application start to shutdown ({@link PeriodicJobs} starts
 * and stops it). Schedulers get a thread each rather than sharing Spring's single scheduling thread, where a long
 * run would delay poll writes and heartbeats.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration period;
    private final Runnable run;
    private final ScheduledExecutorService executor;

    PeriodicJob(String name, Duration period, Runnable run) {
        this.name = name;
        this.period = period;
        this.run = run;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Begins the periodic runs, the first one period from now. */
    void start() {
        long millis = period.toMillis();
        executor.scheduleWithFixedDelay(() -> guarded(run), millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs extra work on the job's thread after {@code delay}, between its periodic runs (never alongside one);
     * ignored once the job is closed.
     */
    public void runSoon(Runnable work, Duration delay) {
        try {
            executor.schedule(() -> guarded(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the work is picked up by whichever node runs next.
        }
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // A failed run must not end the schedule: the next period tries again.
            LOG.warn("Scheduled job {} failed", name, e);
        }
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
