package io.hawkbit.repository.autoassign;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.CompatibleTargets;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.repository.targetfilter.TargetFilterQueryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each target filter's auto-assign distribution set to the matching targets that never had it: runs on every
 * node, and per tenant under the cluster lock, so one node at a time looks for candidates and assigns them. A target
 * counts as having had the set when any action of it ever deployed the set, or the set is its assigned or installed
 * one (as in hawkBit): a canceled or failed auto-assignment is not retried, an operator re-assigns by hand. At most
 * {@code batch-size} targets per filter and transaction, batch after batch in one run until no candidate is left or
 * {@code max-run-time} has passed; the rest follow in the next run.
 */
@Component
public class AutoAssignScheduler {

    /** The job's lock and metric name. */
    public static final String JOB = "auto-assign";

    private static final Logger LOG = LoggerFactory.getLogger(AutoAssignScheduler.class);

    private final SchedulerProperties properties;
    private final TenantProperties tenants;
    private final ClusterLock lock;
    private final TargetFilterQueryRepository filters;
    private final EntityManager entityManager;
    private final DeploymentService deployments;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public AutoAssignScheduler(
            SchedulerProperties properties,
            TenantProperties tenants,
            ClusterLock lock,
            TargetFilterQueryRepository filters,
            EntityManager entityManager,
            DeploymentService deployments,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock,
            PeriodicJobs jobs) {
        this.properties = properties;
        this.tenants = tenants;
        this.lock = lock;
        this.filters = filters;
        this.entityManager = entityManager;
        this.deployments = deployments;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        jobs.register("auto-assign-scheduler", properties.getAutoAssign(), this::run);
    }

    /**
     * One run over all tenants on the calling thread, as each period runs it; a tenant whose lock another node holds
     * is skipped this time. Its {@link JobRun#done()} is the number of targets assigned.
     */
    public JobRun run() {
        JobRun run = JobRun.NONE;
        for (String tenant : tenants.getNames()) {
            run = run.plus(lock.callExclusively(JOB, tenant, () -> assign(tenant)));
        }
        return run;
    }

    private long assign(String tenant) {
        List<TargetFilterQuery> autoAssigning = transactions.execute(status -> filters.findAutoAssigning(tenant));
        long deadline =
                clock.millis() + properties.getAutoAssign().getMaxRunTime().toMillis();
        long assigned = 0;
        for (TargetFilterQuery filter : autoAssigning) {
            try {
                // Batches in target id order from where the previous one ended: each candidate query reads on from
                // there instead of walking past the targets this run already assigned (quadratic over a large filter).
                long after = 0;
                Batch batch;
                do {
                    batch = assign(tenant, filter, after);
                    assigned += batch.assigned();
                    after = batch.lastTargetId();
                } while (batch.full() && clock.millis() < deadline);
            } catch (RuntimeException e) {
                // One broken filter (set deleted meanwhile, a conflicting change) must not stop the others.
                meters.counter("hawkbit.autoassign.failures").increment();
                LOG.warn(
                        "Auto-assignment of filter {} ({}) failed: {}", filter.getId(), filter.getName(), e.toString());
            }
        }
        return assigned;
    }

    /** One batch: how many targets got the set, the highest candidate id, and whether the batch was full. */
    private record Batch(int assigned, long lastTargetId, boolean full) {

        static final Batch NONE = new Batch(0, 0, false);
    }

    /** Assigns the filter's set to a batch of its candidates with a target id above {@code after}. */
    private Batch assign(String tenant, TargetFilterQuery filter, long after) {
        Long setId = filter.getAutoAssignDistributionSet().getId();
        if (filter.getAutoAssignDistributionSet().isDeleted()) {
            return Batch.NONE;
        }
        int batchSize = properties.getAutoAssign().getBatchSize();
        List<Candidate> found =
                transactions.execute(status -> candidates(tenant, filter.getQuery(), setId, after, batchSize));
        if (found.isEmpty()) {
            return Batch.NONE;
        }
        long last = found.get(found.size() - 1).id();
        List<DeploymentService.Assignment> assignments = found.stream()
                .map(candidate -> new DeploymentService.Assignment(
                        candidate.controllerId(),
                        filter.getAutoAssignActionType(),
                        null,
                        filter.getAutoAssignWeight(),
                        filter.getAutoAssignConfirmationRequired()))
                .toList();
        DeploymentService.AssignmentResult result =
                deployments.assignInBulk(tenant, setId, assignments, filter.getCreatedBy());
        meters.counter("hawkbit.autoassign.assigned")
                .increment(result.assigned().size());
        // Targets another run assigned between our candidate query and our assignment: work done twice.
        meters.counter("hawkbit.autoassign.duplicates")
                .increment(result.alreadyAssigned().size());
        LOG.debug(
                "Filter {} auto-assigned set {} to {} targets",
                filter.getName(),
                setId,
                result.assigned().size());
        return new Batch(result.assigned().size(), last, found.size() == batchSize);
    }

    /** A candidate as its batch needs it: the id for the cursor, the controllerId to assign by. */
    private record Candidate(long id, String controllerId) {}

    /**
     * The first {@code limit} {@link #candidates(String, String, Long) candidates} with a target id above
     * {@code after}, lowest id first. Read as two columns: as entities they were hydrated (every column, the type) only
     * to give these two.
     */
    private List<Candidate> candidates(String tenant, String query, Long setId, long after, int limit) {
        Specification<Target> spec =
                candidates(tenant, query, setId).and((root, cq, cb) -> cb.greaterThan(root.get("id"), after));
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> select = cb.createTupleQuery();
        Root<Target> root = select.from(Target.class);
        Path<Long> id = root.get("id");
        Path<String> controllerId = root.get("controllerId");
        select.multiselect(id, controllerId)
                .where(spec.toPredicate(root, select, cb))
                .orderBy(cb.asc(id));
        return entityManager.createQuery(select).setMaxResults(limit).getResultList().stream()
                .map(row -> new Candidate(row.get(id), row.get(controllerId)))
                .toList();
    }

    /** Targets of the tenant matching the filter that never had the set and whose type (if any) is compatible. */
    static Specification<Target> candidates(String tenant, String query, Long setId) {
        Specification<Target> neverHadIt = (root, cq, cb) -> {
            // An anti-join probed per candidate through the target's own actions (ix_action_target_ds), not NOT
            // EXISTS: MariaDB turned that into NOT IN and materialised every action of the set once per batch, so a
            // run over 100k targets slowed as it went (114-156 ms per batch with 100k actions of the set, against 2 ms;
            // docs/performance.md). RolloutTargets learned the same.
            Join<Target, Action> deployed = root.join(Action.class, JoinType.LEFT);
            deployed.on(
                    cb.equal(deployed.get("target"), root),
                    cb.equal(deployed.get("distributionSet").get("id"), setId));
            return cb.and(
                    cb.isNull(deployed.get("id")),
                    cb.or(
                            cb.isNull(root.get("assignedDistributionSet")),
                            cb.notEqual(root.get("assignedDistributionSet").get("id"), setId)),
                    cb.or(
                            cb.isNull(root.get("installedDistributionSet")),
                            cb.notEqual(root.get("installedDistributionSet").get("id"), setId)));
        };
        return RsqlSpecification.<Target>parse(query, TargetService.FIELDS)
                .and((root, cq, cb) -> cb.equal(root.get("tenant"), tenant))
                .and(neverHadIt)
                .and(CompatibleTargets.withSet(setId));
    }
}
