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
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes closed actions, with their status history, once they are older (since their last change) than the tenant's
 * {@code action.cleanup.actionExpiry} and their status is one of {@code action.cleanup.actionStatus}; only for tenants
 * with {@code action.cleanup.enabled}. Runs on every node, per tenant under the cluster lock, at most
 * {@code batch-size} actions per tenant and run.
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
                run = run.plus(lock.callExclusively(JOB, tenant, () -> cleanup(tenant)));
            }
        }
        return run;
    }

    private int cleanup(String tenant) {
        Set<ActionState> statuses = statuses(settings.value(tenant, TenantConfigKey.ACTION_CLEANUP_STATUS));
        if (statuses.isEmpty()) {
            return 0;
        }
        long expiry = Long.parseLong(settings.value(tenant, TenantConfigKey.ACTION_CLEANUP_EXPIRY));
        Instant before = clock.instant().minusMillis(expiry);
        int deleted = transactions.execute(status -> {
            List<Object[]> expired = actions.findExpired(
                    tenant,
                    statuses,
                    before,
                    PageRequest.of(0, properties.getActionCleanup().getBatchSize()));
            if (expired.isEmpty()) {
                return 0;
            }
            List<Long> ids = expired.stream().map(row -> (Long) row[0]).toList();
            actions.deleteAllByIdInBatch(ids);
            events.publish(new ActionsDeletedEvent(
                    tenant,
                    ids,
                    expired.stream().map(row -> (String) row[1]).distinct().toList(),
                    events.origin()));
            return ids.size();
        });
        if (deleted > 0) {
            meters.counter("hawkbit.actioncleanup.deleted").increment(deleted);
            LOG.info("Deleted {} closed actions of tenant {} last changed before {}", deleted, tenant, before);
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
