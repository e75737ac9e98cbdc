package io.hawkbit.repository.target;

import io.hawkbit.repository.StatementCounter;
import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetsMarkedOverdueEvent;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks targets whose last poll is overdue: polled at least once, last poll before now − (the tenant's
 * {@code pollingTime} + {@code pollingOverdueTime}), the rule {@code pollStatus.overdue} applies on read. Runs on every
 * node, per tenant under the cluster lock, in batches of at most {@code batch-size} targets (oldest poll first), each
 * batch its own transaction with one {@link TargetsMarkedOverdueEvent}; a run goes on batch after batch until none is
 * left or {@code max-run-time} has passed, so a backlog of a million targets is marked in one run with memory for one
 * batch. Each run logs where its time went ({@link MarkTimes}). A poll clears the mark ({@link PollRecorder}); a run
 * also clears marks that a longer polling time made wrong.
 */
@Component
public class OverdueScheduler {

    /** The job's lock and metric name. */
    public static final String JOB = "overdue";

    private static final Logger LOG = LoggerFactory.getLogger(OverdueScheduler.class);

    private final SchedulerProperties properties;
    private final TenantProperties tenants;
    private final TenantSettings settings;
    private final ClusterLock lock;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClusterEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final StatementCounter statements;
    private final TargetCounts counts;
    private final CountedMarks countedMarks;
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

    public OverdueScheduler(
            SchedulerProperties properties,
            TenantProperties tenants,
            TenantSettings settings,
            ClusterLock lock,
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions,
            ClusterEventPublisher events,
            Clock clock,
            MeterRegistry meters,
            StatementCounter statements,
            TargetCounts counts,
            CountedMarks countedMarks,
            PeriodicJobs jobs) {
        this.properties = properties;
        this.tenants = tenants;
        this.settings = settings;
        this.lock = lock;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.statements = statements;
        this.counts = counts;
        this.countedMarks = countedMarks;
        jobs.register("overdue-scheduler", properties.getOverdue(), this::run);
    }

    /**
     * One run over all tenants on the calling thread, as each period runs it; a tenant whose lock another node holds
     * is skipped this time. Its {@link JobRun#done()} is the number of marks set plus marks cleared.
     */
    public JobRun run() {
        JobRun run = JobRun.NONE;
        for (String tenant : tenants.getNames()) {
            run = run.plus(lock.callExclusively(JOB, tenant, () -> update(tenant)));
            // A read, so every node counts for itself: each node's gauge is current, whichever node marked.
            overdueGauge(tenant).set(countMarked(tenant));
        }
        return run;
    }

    /** The poll time (epoch millis) before which a target of the tenant is overdue at {@code now}. */
    private long cutoff(String tenant, long now) {
        return now
                - settings.duration(tenant, TenantConfigKey.POLLING_TIME)
                        .plus(settings.duration(tenant, TenantConfigKey.POLLING_OVERDUE_TIME))
                        .toMillis();
    }

    private int update(String tenant) {
        long now = clock.millis();
        long cutoff = cutoff(tenant, now);
        int batchSize = properties.getOverdue().getBatchSize();
        long deadline = now + properties.getOverdue().getMaxRunTime().toMillis();
        // Short transactions, one per batch: no row lock is held longer than one batch's UPDATE, and polls written
        // meanwhile are seen by the next batch's select. The mark's time stays the run's start, as one pass.
        int cleared = clearNulls(tenant, batchSize, deadline);
        MarkTimes times = new MarkTimes();
        int marked = markOldestFirst(tenant, now, cutoff, deadline, times);
        int unmarked = 0;
        int batch;
        do {
            batch = transactions.execute(status -> unmark(tenant, cutoff));
            unmarked += batch;
        } while (batch == batchSize && clock.millis() < deadline);
        if (marked > 0) {
            LOG.info(
                    "Marked {} targets of tenant {} overdue (last poll before {}) in {}",
                    marked,
                    tenant,
                    cutoff,
                    times);
        }
        if (cleared > 0) {
            LOG.info("Set the overdue mark of {} targets of tenant {} from NULL to 0 (not marked)", cleared, tenant);
        }
        if (unmarked > 0) {
            meters.counter("hawkbit.overdue.unmarked").increment(unmarked);
            LOG.info(
                    "Unmarked {} targets of tenant {} no longer overdue with the current polling time",
                    unmarked,
                    tenant);
        }
        return marked + unmarked;
    }

    /**
     * NULL to 0, batch by batch: what V1_22 left in place and nodes of the previous version still write during a
     * rolling upgrade (their polls clear the mark with NULL). Both mean "not marked", but only 0 is a candidate for
     * the mark, which then overwrites it in place; the NULLs are a range of ix_target_overdue, so a run with none
     * left costs one index probe. First, within the run's time limit: a target still NULL cannot be marked, and the
     * next run goes on where this one stopped.
     */
    private int clearNulls(String tenant, int batchSize, long deadline) {
        int cleared = 0;
        int batch;
        do {
            batch = transactions.execute(status -> idsThenUpdate(
                    "select id from target where tenant = :tenant and overdue_since is null limit :limit",
                    "update target set overdue_since = 0 where id in (:ids) and overdue_since is null",
                    new MapSqlParameterSource().addValue("tenant", tenant).addValue("limit", batchSize)));
            cleared += batch;
        } while (batch > 0 && clock.millis() < deadline);
        return cleared;
    }

    /**
     * The oldest first, batch by batch from ix_target_overdue. Each batch's select starts at the poll time where the
     * one before ended (ties included), not at the start of the unmarked range: the entries just marked are still in
     * that range, delete-marked until InnoDB's purge removes them, and a select from the start stepped over all of
     * them again (a fifth of a pass's time over the 1M fleet; docs/performance.md). No target is left behind: a target
     * enters the range only with a poll older than the cutoff, which no poll written now is.
     */
    private int markOldestFirst(String tenant, long now, long cutoff, long deadline, MarkTimes times) {
        int batchSize = properties.getOverdue().getBatchSize();
        long[] from = {Long.MIN_VALUE};
        int marked = 0;
        int batch;
        do {
            long start = System.nanoTime();
            batch = transactions
                    .execute(status -> mark(tenant, now, cutoff, candidates(tenant, cutoff, from, times), times))
                    .size();
            long took = System.nanoTime() - start;
            times.batch(took);
            meters.timer("hawkbit.overdue.batch").record(took, TimeUnit.NANOSECONDS);
            if (batch > 0) {
                meters.counter("hawkbit.overdue.marked").increment(batch);
            }
            marked += batch;
        } while (batch == batchSize && clock.millis() < deadline);
        return marked;
    }

    /** The next batch's ids, oldest poll first from {@code from[0]}, which moves to the last one's poll time. */
    private List<Long> candidates(String tenant, long cutoff, long[] from, MarkTimes times) {
        long start = System.nanoTime();
        List<Long> candidates = new ArrayList<>();
        jdbc.query(
                "select id, last_target_query from target where tenant = :tenant and overdue_since = 0 "
                        + "and last_target_query >= :from and last_target_query < :cutoff "
                        + "order by last_target_query limit :limit",
                new MapSqlParameterSource()
                        .addValue("tenant", tenant)
                        .addValue("cutoff", cutoff)
                        .addValue("from", from[0])
                        .addValue("limit", properties.getOverdue().getBatchSize()),
                rs -> {
                    candidates.add(rs.getLong(1));
                    from[0] = rs.getLong(2);
                });
        statements.count(1);
        times.select(System.nanoTime() - start);
        return candidates;
    }

    /** Marks those of the candidates that are still overdue and unmarked; returns their controllerIds. */
    private List<String> mark(String tenant, long now, long cutoff, List<Long> candidates, MarkTimes times) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("cutoff", cutoff)
                .addValue("now", now)
                .addValue("ids", candidates);
        // The conditions again, in a locking read: a poll written, or another node's mark committed, since the select
        // leaves a row out, and the rows it returns are locked, so they are exactly the ones this UPDATE marks. A
        // locking read sees the latest committed rows on every database; re-reading the stamp after the UPDATE was
        // exact only under MariaDB's repeatable read (PostgreSQL's read committed also shows another node's rows
        // marked in the same millisecond). In id order, so that nodes marking the same rows never deadlock.
        Map<Long, String> locked = new LinkedHashMap<>();
        jdbc.query(
                "select id, controller_id from target where id in (:ids) and overdue_since = 0 "
                        + "and last_target_query < :cutoff order by id for update",
                params,
                rs -> {
                    locked.put(rs.getLong(1), rs.getString(2));
                });
        long lockedAt = System.nanoTime();
        times.lock(lockedAt - start);
        if (!locked.isEmpty()) {
            countedMarks.mark(
                    tenant,
                    () -> jdbc.update(
                            "update target set overdue_since = :now where id in (:locked)",
                            params.addValue("locked", List.copyOf(locked.keySet()))));
            times.update(System.nanoTime() - lockedAt);
        }
        List<String> marked = List.copyOf(locked.values());
        statements.count(locked.isEmpty() ? 1 : 2);
        if (!marked.isEmpty()) {
            events.publish(new TargetsMarkedOverdueEvent(tenant, marked, now, events.origin()));
        }
        return marked;
    }

    /** Clears marks of targets no longer overdue: their polling time grew after they were marked. */
    private int unmark(String tenant, long cutoff) {
        return idsThenUpdate(
                "select id from target where tenant = :tenant and overdue_since > 0 "
                        + "and last_target_query >= :cutoff limit :limit",
                "update target set overdue_since = 0 where id in (:ids) and last_target_query >= :cutoff",
                new MapSqlParameterSource()
                        .addValue("tenant", tenant)
                        .addValue("cutoff", cutoff)
                        .addValue("limit", properties.getOverdue().getBatchSize()));
    }

    /**
     * One batch: the ids {@code select} finds, then {@code update} of those ids ({@code :ids}), which repeats the
     * condition, so a row changed in between is left alone. Returns the rows updated.
     */
    private int idsThenUpdate(String select, String update, MapSqlParameterSource params) {
        List<Long> ids = jdbc.queryForList(select, params, Long.class);
        statements.count(1);
        if (ids.isEmpty()) {
            return 0;
        }
        statements.count(1);
        return jdbc.update(update, params.addValue("ids", ids));
    }

    private long countMarked(String tenant) {
        // The kept count (V1_21's triggers): every node reads it every period, a COUNT(*) read 150,000 index entries
        // per node and minute at 1M targets with 15 % overdue.
        return counts.of(tenant).overdue();
    }

    private AtomicLong overdueGauge(String tenant) {
        return overdue.computeIfAbsent(tenant, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("hawkbit.overdue.targets", value, AtomicLong::get)
                    .description("Targets currently marked overdue")
                    .tag("tenant", t)
                    .register(meters);
            return value;
        });
    }
}
