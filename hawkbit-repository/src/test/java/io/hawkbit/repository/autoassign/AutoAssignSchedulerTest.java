package io.hawkbit.repository.autoassign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.action.DeploymentService.Assigned;
import io.hawkbit.repository.action.DeploymentService.Assignment;
import io.hawkbit.repository.action.DeploymentService.AssignmentResult;
import io.hawkbit.repository.action.Feedback;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.lock.LockProperties;
import io.hawkbit.repository.lock.PeriodicJobs;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.query.RecordedSql;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.repository.targetfilter.TargetFilterQueryRepository;
import io.hawkbit.repository.targettype.TargetType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which targets an auto-assignment run hands to the deployment service, batch by batch, and that reading them loads
 * no target as an entity. The scheduler is built by hand on the real schema (lock mode none); the deployment service
 * is stubbed and records each batch, so the statistics count the candidate reads alone. Each test runs in a
 * transaction that is rolled back.
 */
@RepositoryJpaTest
@TestPropertySource(
        properties = {
            "spring.jpa.properties.hibernate.generate_statistics=true",
            "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.hawkbit.repository.query.RecordedSql"
        })
class AutoAssignSchedulerTest {

    private static final String TENANT = "auto-test";
    private static final String FILTER = "tag==eu,attribute.region==eu-west";

    @Autowired
    TestEntityManager entities;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetFilterQueryRepository filters;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<List<String>> batches = new ArrayList<>();
    private ClusterLock lock;
    private AutoAssignScheduler scheduler;
    private DistributionSet set;
    private DistributionSet previous;
    private TargetTag eu;
    /** Lists the set's type as compatible. */
    private TargetType gateway;
    /** Lists no type. */
    private TargetType sensor;

    @BeforeEach
    void setUp() {
        DistributionSetType os = entities.persist(new DistributionSetType(TENANT, "os", "OS", null));
        set = entities.persist(new DistributionSet(TENANT, os, "os", "2.0"));
        previous = entities.persist(new DistributionSet(TENANT, os, "os", "1.0"));
        eu = entities.persist(new TargetTag(TENANT, "eu"));
        gateway = entities.persist(new TargetType(TENANT, "gateway", "Gateway", null, null));
        sensor = entities.persist(new TargetType(TENANT, "sensor", "Sensor", null, null));
        entities.flush();
        jdbc.update(
                "insert into target_type_ds_type (target_type_id, ds_type_id) values (?, ?)",
                gateway.getId(),
                os.getId());

        SchedulerProperties properties = new SchedulerProperties();
        properties.getAutoAssign().setBatchSize(2);
        TenantProperties tenants = new TenantProperties();
        tenants.setNames(List.of(TENANT));
        LockProperties locking = new LockProperties();
        locking.setMode(LockProperties.Mode.NONE);
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
        lock = new ClusterLock(null, null, locking, new SimpleMeterRegistry(), clock);
        DeploymentService deployments = mock(DeploymentService.class);
        when(deployments.assignInBulk(eq(TENANT), eq(set.getId()), anyList(), any()))
                .thenAnswer(call -> {
                    List<Assignment> assignments = call.getArgument(2);
                    List<String> controllerIds =
                            assignments.stream().map(Assignment::controllerId).toList();
                    batches.add(controllerIds);
                    return new AssignmentResult(
                            IntStream.range(0, controllerIds.size())
                                    .mapToObj(i -> new Assigned(batches.size() * 100L + i, controllerIds.get(i)))
                                    .toList(),
                            List.of(),
                            List.of());
                });
        scheduler = new AutoAssignScheduler(
                properties,
                tenants,
                lock,
                filters,
                entityManager,
                deployments,
                new TransactionTemplate(transactionManager),
                new SimpleMeterRegistry(),
                clock,
                new PeriodicJobs());
    }

    @AfterEach
    void closeLock() {
        lock.close();
    }

    @Test
    void run_handsOverTheFiltersTargetsThatNeverHadTheSet_batchByBatch_withoutLoadingATarget() {
        target("tagged", true, null, null);
        target("elsewhere", false, "us-east", null);
        target("west", false, "eu-west", null);
        target("installed", true, null, null).setInstalledDistributionSet(set);
        target("assigned", true, null, null).setAssignedDistributionSet(set);
        Target failed = target("failed-before", true, null, null);
        Action closed = new Action(failed, set, ActionType.FORCED, 0, null);
        closed.applyDeploymentFeedback(
                new Feedback(Feedback.Execution.CLOSED, Feedback.Result.FAILURE, null, null, null));
        entities.persist(closed);
        Target busy = target("busy", true, "eu-west", null);
        entities.persist(new Action(busy, previous, ActionType.FORCED, 0, null));
        target("refused-type", true, null, sensor);
        target("gateway", false, "eu-west", gateway);
        target("last", true, null, null);
        TargetFilterQuery filter = new TargetFilterQuery(TENANT, "eu", FILTER);
        filter.setAutoAssign(set, ActionType.SOFT, null);
        entities.persist(filter);
        entities.flush();
        entities.clear();
        Statistics statistics = entityManager
                .getEntityManagerFactory()
                .unwrap(SessionFactory.class)
                .getStatistics();
        statistics.clear();

        long assigned = scheduler.run().done();

        assertThat(statistics.getEntityStatistics(Target.class.getName()).getLoadCount())
                .as("targets hydrated by the run")
                .isZero();
        assertThat(batches).containsExactly(List.of("tagged", "west"), List.of("busy", "gateway"), List.of("last"));
        assertThat(assigned).isEqualTo(5);
        // The candidates as the scheduler read them before, as entities by the same specification.
        assertThat(batches.stream().flatMap(List::stream).toList())
                .isEqualTo(
                        targets
                                .findAll(AutoAssignScheduler.candidates(TENANT, FILTER, set.getId()), Sort.by("id"))
                                .stream()
                                .map(Target::getControllerId)
                                .toList());
    }

    @Test
    void candidates_areAnAntiJoinOverEachTargetsOwnActions() {
        target("tagged", true, null, null);
        Target failed = target("failed-before", true, null, null);
        entities.persist(new Action(failed, set, ActionType.FORCED, 0, null));
        TargetFilterQuery filter = new TargetFilterQuery(TENANT, "eu", FILTER);
        filter.setAutoAssign(set, ActionType.SOFT, null);
        entities.persist(filter);
        entities.flush();
        entities.clear();
        RecordedSql.clear();

        scheduler.run();

        assertThat(batches).containsExactly(List.of("tagged"));
        // Not NOT EXISTS over the set's actions, which MariaDB materialised whole for every batch.
        assertThat(RecordedSql.statements().stream()
                        .map(String::toLowerCase)
                        .filter(sql -> sql.startsWith("select") && sql.contains(" from target "))
                        .toList())
                .singleElement()
                .satisfies(sql -> assertThat(sql)
                        .containsPattern("left (outer )?join action")
                        .doesNotContainPattern("not exists\\s*\\(\\s*select [^)]* from action"));
    }

    /** A target, created in call order (so id order is call order), with the eu tag and a region as given. */
    private Target target(String controllerId, boolean tagged, String region, TargetType type) {
        Target target = new Target(TENANT, controllerId, controllerId, "token-" + controllerId);
        if (tagged) {
            target.getTags().add(eu);
        }
        if (region != null) {
            target.putControllerAttributes(Map.of("region", region));
        }
        target.setTargetType(type);
        return entities.persist(target);
    }
}
