package io.hawkbit.repository.target;

import io.hawkbit.repository.StatementCounter;
import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetsMarkedOverdueEvent;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.target.OverdueCursor.Position;
import io.hawkbit.repository.target.OverdueMarks.Candidate;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
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
 * batch. A run starts where the last one stopped ({@link OverdueCursor}), so it reads only what became overdue since.
 * Each run logs where its time went ({@link MarkTimes}). A poll clears the mark ({@link PollRecorder}); a run also
 * clears marks that a longer polling time made wrong.
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
    private final OverdueMarks marks;
    private final OverdueCursor cursor;
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
            OverdueMarks marks,
            OverdueCursor cursor,
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
        this.marks = marks;
        this.cursor = cursor;
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
        long deadline = now + properties.getOverdue().getMaxRunTime().toMillis();
        // Short transactions, one per batch: no row lock is held longer than one batch's UPDATE, and polls written
        // meanwhile are seen by the next batch. The mark's time stays the run's start, as one pass.
        Position position = cursor.read(tenant);
        int unmarked = 0;
        if (cutoff <= position.pollTime()) {
            // The polling time grew since the walk passed here: the marks of targets polled since the new cutoff are
            // wrong now. The walk goes back to the cutoff once they are all cleared; until then the cursor stays,
            // so that the next run goes on clearing (and nothing is to be marked before the cutoff meanwhile).
            Walk walk = unmark(tenant, cutoff, position, deadline);
            unmarked = walk.changed();
            countUnmarked(tenant, unmarked);
            if (!walk.complete()) {
                return unmarked;
            }
            position = Position.before(cutoff);
            cursor.write(tenant, position);
        }
        MarkTimes times = new MarkTimes();
        int marked = mark(tenant, now, cutoff, position, deadline, times);
        if (marked > 0) {
            LOG.info(
                    "Marked {} targets of tenant {} overdue (last poll before {}) in {}",
                    marked,
                    tenant,
                    cutoff,
                    times);
        }
        return marked + unmarked;
    }

    private void countUnmarked(String tenant, int unmarked) {
        if (unmarked > 0) {
            meters.counter("hawkbit.overdue.unmarked").increment(unmarked);
            LOG.info(
                    "Unmarked {} targets of tenant {} no longer overdue with the current polling time",
                    unmarked,
                    tenant);
        }
    }

    /** One batch of a walk: the targets it read and the marks it set or cleared. */
    private record Batch(int read, int changed) {}

    /** A walk's outcome: marks set or cleared, and whether it reached its end within the run's time. */
    private record Walk(int changed, boolean complete) {}

    /**
     * Oldest poll first, batch by batch along ix_target_last_poll from the tenant's cursor to the cutoff, the cursor
     * moved in each batch's transaction: a run reads only the targets whose poll became too old since the last
     * pass, never the ones it marked before (a poll clears the mark and moves the target past the cutoff), and a run
     * stopped by max-run-time leaves the rest to the next. A mark overwrites {@code overdue_since} in place and moves
     * no index entry.
     */
    private int mark(String tenant, long now, long cutoff, Position from, long deadline, MarkTimes times) {
        int batchSize = properties.getOverdue().getBatchSize();
        Position[] at = {from};
        int marked = 0;
        Batch batch;
        do {
            long start = System.nanoTime();
            batch = transactions.execute(status -> {
                Position before = at[0];
                List<Candidate> candidates = next(tenant, at, cutoff, "", times);
                List<String> done = marks.mark(tenant, now, cutoff, candidates, times);
                if (!done.isEmpty()) {
                    events.publish(new TargetsMarkedOverdueEvent(tenant, done, now, events.origin()));
                }
                if (candidates.size() < batchSize) {
                    at[0] = Position.before(cutoff);
                }
                if (!at[0].equals(before)) {
                    cursor.write(tenant, at[0]);
                    statements.count(1);
                }
                return new Batch(candidates.size(), done.size());
            });
            long took = System.nanoTime() - start;
            times.batch(took);
            meters.timer("hawkbit.overdue.batch").record(took, TimeUnit.NANOSECONDS);
            if (batch.changed() > 0) {
                meters.counter("hawkbit.overdue.marked").increment(batch.changed());
            }
            marked += batch.changed();
        } while (batch.read() == batchSize && clock.millis() < deadline);
        return marked;
    }

    /**
     * The next batch after {@code at[0]} in (poll time, id) order, polled before {@code below}, with the extra
     * {@code condition}; moves {@code at[0]} to the last one. The (poll time, id) key walks past ties of any size.
     */
    private List<Candidate> next(String tenant, Position[] at, long below, String condition, MarkTimes times) {
        long start = System.nanoTime();
        List<Candidate> found = new ArrayList<>();
        // The batch's ids from the poll-time index alone, then their rows by id: asked for the controllerId directly,
        // MariaDB walked the tenant's whole index from its start (ref on the tenant) once the range held most of the
        // fleet, 77 ms per batch 600,000 targets into a pass against 3.7 ms (docs/performance.md).
        jdbc.query(
                "select t.id, t.last_target_query, t.controller_id, coalesce(t.overdue_since, 0) > 0 "
                        + "from target t join (select id from target "
                        + "where tenant = :tenant and last_target_query >= :poll "
                        + "and (last_target_query > :poll or id > :id) and last_target_query < :below" + condition
                        + " order by last_target_query, id limit :limit) c on c.id = t.id "
                        + "order by t.last_target_query, t.id",
                new MapSqlParameterSource()
                        .addValue("tenant", tenant)
                        .addValue("poll", at[0].pollTime())
                        .addValue("id", at[0].targetId())
                        .addValue("below", below)
                        .addValue("limit", properties.getOverdue().getBatchSize()),
                rs -> {
                    found.add(new Candidate(rs.getLong(1), rs.getString(3), rs.getBoolean(4)));
                    at[0] = new Position(rs.getLong(2), rs.getLong(1));
                });
        statements.count(1);
        times.select(System.nanoTime() - start);
        return found;
    }

    /**
     * Clears the marks of targets polled from {@code cutoff} up to the cursor {@code to}: their polling time grew
     * after they were marked. Only the marked ones among them are read, batch by batch.
     */
    private Walk unmark(String tenant, long cutoff, Position to, long deadline) {
        int batchSize = properties.getOverdue().getBatchSize();
        Position[] at = {Position.before(cutoff)};
        MarkTimes untimed = new MarkTimes();
        int changed = 0;
        Batch batch;
        do {
            batch = transactions.execute(status -> {
                List<Long> ids = next(tenant, at, to.pollTime() + 1, " and overdue_since > 0", untimed).stream()
                        .map(Candidate::id)
                        .toList();
                if (ids.isEmpty()) {
                    return new Batch(0, 0);
                }
                statements.count(1);
                return new Batch(
                        ids.size(),
                        jdbc.update(
                                "update target set overdue_since = 0 where id in (:ids) and overdue_since > 0 "
                                        + "and last_target_query >= :cutoff",
                                new MapSqlParameterSource().addValue("ids", ids).addValue("cutoff", cutoff)));
            });
            changed += batch.changed();
        } while (batch.read() == batchSize && clock.millis() < deadline);
        return new Walk(changed, batch.read() < batchSize);
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
