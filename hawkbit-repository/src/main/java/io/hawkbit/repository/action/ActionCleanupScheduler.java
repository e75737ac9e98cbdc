package io.hawkbit.repository.action;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.event.ActionsDeletedEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes closed actions, with their status history, once they are older (since their last change) than the tenant's
 * {@code action.cleanup.actionExpiry} and their status is one of {@code action.cleanup.actionStatus}; only for tenants
 * with {@code action.cleanup.enabled}. Runs on every node; deletes batch after batch of {@code batch-size} actions,
 * each batch its own short transaction under its own hold of the (cleanup, tenant) cluster lock, until none is due or
 * {@code max-run-time} has passed: a million due actions hold neither a row lock nor the cluster lock for longer
 * than one batch, and a node that stops mid-run leaves the rest to any node's next batch.
 */
@Component
public class ActionCleanupScheduler {

    /** The job's lock and metric name. */
    public static final String JOB = "action-cleanup";

    private static final Logger LOG = LoggerFactory.getLogger(ActionCleanupScheduler.class);

    private final SchedulerProperties properties;
    private final TenantProperties tenants;
    private final TenantSettings settings;
    private final ClusterLock lock;
    private final ActionRepository actions;
    private final TransactionTemplate transactions;
    private final ClusterEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    public ActionCleanupScheduler(
            SchedulerProperties properties,
            TenantProperties tenants,
            TenantSettings settings,
            ClusterLock lock,
            ActionRepository actions,
            TransactionTemplate transactions,
            ClusterEventPublisher events,
            Clock clock,
            MeterRegistry meters,
            PeriodicJobs jobs) {
        this.properties = properties;
        this.tenants = tenants;
        this.settings = settings;
        this.lock = lock;
        this.actions = actions;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        jobs.register("action-cleanup-scheduler", properties.getActionCleanup(), this::run);
    }

    /**
     * One run over all tenants with cleanup enabled, on the calling thread, as each period runs it; its
     * {@link JobRun#done()} is the number of actions deleted.
     */
    public JobRun run() {
        JobRun run = JobRun.NONE;
        for (String tenant : tenants.getNames()) {
            if (settings.enabled(tenant, TenantConfigKey.ACTION_CLEANUP_ENABLED)) {
                run = run.plus(cleanup(tenant));
            }
        }
        return run;
    }

    /**
     * The tenant's batches of this run; empty when another node held the lock at the first batch. The due time is
     * the run's start, so actions expiring while the run goes on wait for the next run.
     */
    private OptionalLong cleanup(String tenant) {
        Set<ActionState> statuses = statuses(settings.value(tenant, TenantConfigKey.ACTION_CLEANUP_STATUS));
        if (statuses.isEmpty()) {
            return OptionalLong.of(0);
        }
        long expiry = Long.parseLong(settings.value(tenant, TenantConfigKey.ACTION_CLEANUP_EXPIRY));
        Instant before = clock.instant().minusMillis(expiry);
        int batchSize = properties.getActionCleanup().getBatchSize();
        long deadline =
                clock.millis() + properties.getActionCleanup().getMaxRunTime().toMillis();
        OptionalLong total = OptionalLong.empty();
        AtomicReference<Batch> batch = new AtomicReference<>(new Batch(0, 0));
        int batches = 0;
        long longestNanos = 0;
        do {
            // The lock per batch, not per run: a node that wants it waits at most one batch, and no hold outlasts one
            // batch's delete. The id cursor keeps each batch's read from walking the rows deleted before it.
            long after = batch.get().lastId();
            long start = System.nanoTime();
            OptionalLong deleted = lock.callExclusively(JOB, tenant, () -> {
                batch.set(deleteBatch(tenant, statuses, before, after, batchSize));
                return batch.get().count();
            });
            longestNanos = Math.max(longestNanos, System.nanoTime() - start);
            if (deleted.isEmpty()) {
                break;
            }
            batches++;
            total = OptionalLong.of(total.orElse(0) + deleted.getAsLong());
        } while (batch.get().count() == batchSize && clock.millis() < deadline);
        if (total.orElse(0) > 0) {
            LOG.info(
                    "Deleted {} closed actions of tenant {} last changed before {} in {} batches of at most {}, "
                            + "longest {} ms",
                    total.getAsLong(),
                    tenant,
                    before,
                    batches,
                    batchSize,
                    longestNanos / 1_000_000);
        }
        return total;
    }

    /** One batch's deleted actions and the highest id among them. */
    private record Batch(int count, long lastId) {}

    private Batch deleteBatch(String tenant, Set<ActionState> statuses, Instant before, long after, int size) {
        Batch deleted = transactions.execute(status -> {
            List<Object[]> expired = actions.findExpired(tenant, after, statuses, before, PageRequest.of(0, size));
            if (expired.isEmpty()) {
                return new Batch(0, after);
            }
            List<Long> ids = expired.stream().map(row -> (Long) row[0]).toList();
            actions.deleteAllByIdInBatch(ids);
            events.publish(new ActionsDeletedEvent(
                    tenant,
                    ids,
                    expired.stream().map(row -> (String) row[1]).distinct().toList(),
                    events.origin()));
            return new Batch(ids.size(), ids.get(ids.size() - 1));
        });
        if (deleted.count() > 0) {
            meters.counter("hawkbit.actioncleanup.deleted").increment(deleted.count());
        }
        return deleted;
    }

    /** The tenant's status list, e.g. {@code CANCELED,ERROR}; unknown names are ignored. */
    static Set<ActionState> statuses(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> Arrays.stream(ActionState.values())
                        .anyMatch(v -> v.name().equalsIgnoreCase(s)))
                .map(s -> ActionState.valueOf(s.toUpperCase()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
