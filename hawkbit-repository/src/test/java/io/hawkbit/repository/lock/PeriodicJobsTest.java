package io.hawkbit.repository.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic path the schedulers' ITs no longer wait for (they call {@code run()} themselves): a registered job
 * runs on its own thread every period once started, keeps running after a failed run, and a switched-off job is
 * never scheduled.
 */
class PeriodicJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PeriodicJobs jobs = new PeriodicJobs();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stop() {
        jobs.stop();
    }

    private static SchedulerProperties.Job job(boolean enabled, Duration period) {
        SchedulerProperties.Job job = SchedulerProperties.Job.of(period, 1);
        job.setEnabled(enabled);
        return job;
    }

    @Test
    void register_enabledJobRunsEveryPeriodOnceStarted_evenAfterAFailedRun() {
        Thread[] thread = new Thread[1];
        PeriodicJob job = jobs.register("test-job", job(true, Duration.ofMillis(10)), () -> {
            thread[0] = Thread.currentThread();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        });
        assertThat(job).isNotNull();
        assertThat(runs).as("nothing runs before the application is ready").hasValue(0);
        jobs.start();
        await().atMost(WAIT).until(() -> runs.get() >= 3);
        assertThat(thread[0].getName()).isEqualTo("test-job");
    }

    @Test
    void register_disabledJobIsNeverScheduled() {
        assertThat(jobs.register("off", job(false, Duration.ofMillis(1)), runs::incrementAndGet))
                .isNull();
        jobs.start();
        jobs.stop();
        assertThat(runs).hasValue(0);
    }

    @Test
    void runSoon_runsExtraWorkOnTheJobsThread_andNothingOnceClosed() {
        PeriodicJob job = jobs.register("soon", job(true, Duration.ofHours(1)), () -> {});
        jobs.start();
        job.runSoon(runs::incrementAndGet, Duration.ZERO);
        await().atMost(WAIT).until(() -> runs.get() == 1);
        jobs.stop();
        job.runSoon(runs::incrementAndGet, Duration.ZERO);
        assertThat(runs).hasValue(1);
    }
}
