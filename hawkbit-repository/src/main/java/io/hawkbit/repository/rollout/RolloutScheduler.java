package io.hawkbit.repository.rollout;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.RolloutActionClosed;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.lock.PeriodicJob;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drives rollouts forward on every node, once per cluster: each run takes the (rollout, tenant) lock and advances
 * the tenant's active rollouts. Besides its period it runs right after this node committed something a rollout must
 * react to (a closing feedback, a start, a resume), so progression does not wait for the period and takes the same
 * time whichever node got the feedback. When another node holds the lock at that moment, the run is retried shortly:
 * the holder may have read the rollout before the commit.
 */
@Component
public class RolloutScheduler {

    /** The job's lock and metric name. */
    public static final String JOB = "rollout";

    private static final Logger LOG = LoggerFactory.getLogger(RolloutScheduler.class);
    private static final Duration RETRY = Duration.ofMillis(50);
    private static final int MAX_RETRIES = 20;

    private final TenantProperties tenants;
    private final ClusterLock lock;
    private final RolloutProgress progress;
    private final MeterRegistry meters;
    private final Set<String> triggered = ConcurrentHashMap.newKeySet();
    private final PeriodicJob job;

    public RolloutScheduler(
            SchedulerProperties properties,
            TenantProperties tenants,
            ClusterLock lock,
            RolloutProgress progress,
            MeterRegistry meters,
            PeriodicJobs jobs) {
        this.tenants = tenants;
        this.lock = lock;
        this.progress = progress;
        this.meters = meters;
        this.job = jobs.register("rollout-scheduler", properties.getRollout(), this::run);
    }

    /**
     * One run over all tenants on the calling thread, as each period runs it; a tenant whose lock another node holds
     * is skipped this time, and so is a tenant without active rollouts (one indexed read instead of the lock's
     * writes, on every node and period). Its {@link JobRun#done()} is the number of rollouts with work that it moved as
     * far as they could go (or left waiting for feedback) without failing.
     */
    public JobRun run() {
        JobRun run = JobRun.NONE;
        for (String tenant : tenants.getNames()) {
            if (!progress.work(tenant).isEmpty()) {
                run = run.plus(lock.callExclusively(JOB, tenant, () -> advance(tenant)));
            }
        }
        return run;
    }

    /** After the commit that gave a rollout work; several such commits before the run starts make one run. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onWork(RolloutWorkPending work) {
        runSoon(work.tenant());
    }

    /** After the commit that closed one of a rollout's actions. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onActionClosed(RolloutActionClosed closed) {
        runSoon(closed.tenant());
    }

    private void runSoon(String tenant) {
        if (job != null && triggered.add(tenant)) {
            job.runSoon(() -> triggeredRun(tenant, 0), Duration.ZERO);
        }
    }

    private void triggeredRun(String tenant, int attempt) {
        triggered.remove(tenant);
        if (!lock.runExclusively(JOB, tenant, () -> advance(tenant))
                && attempt < MAX_RETRIES
                && triggered.add(tenant)) {
            meters.counter("hawkbit.rollout.trigger.retries").increment();
            job.runSoon(() -> triggeredRun(tenant, attempt + 1), RETRY);
        }
    }

    /** Advances the tenant's rollouts with work; returns how many of them it advanced without failing. */
    private int advance(String tenant) {
        int advanced = 0;
        for (Long rolloutId : progress.work(tenant)) {
            try {
                progress.advance(rolloutId);
                advanced++;
            } catch (RuntimeException e) {
                // One rollout failing (its set deleted, a database error) must not hold up the others; the next run
                // retries.
                meters.counter("hawkbit.rollout.failures").increment();
                LOG.warn("Advancing rollout {} of tenant {} failed: {}", rolloutId, tenant, e.toString());
            }
        }
        return advanced;
    }
}
