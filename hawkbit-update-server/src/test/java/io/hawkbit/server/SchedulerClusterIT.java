package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.hawkbit.repository.action.ActionCleanupScheduler;
import io.hawkbit.repository.autoassign.AutoAssignScheduler;
import io.hawkbit.repository.event.ActionsDeletedEvent;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three nodes sharing one database (MariaDB, then PostgreSQL), the auto-assignment and action cleanup run by the test
 * on all three nodes at once (their periodic runs are off, so the test knows when work happens). With the JDBC lock the auto-assignment's
 * critical work runs on one node at a time (also while the holder is stuck longer than the lease, thanks to renewal),
 * creates exactly one action per matching target, and a dead holder's lock is taken over after its lease. With
 * {@code hawkbit.scheduler.lock.mode=none} the three nodes run the same work at once.
 *
 * <p>Overlap is made deterministic rather than hoped for: the test holds a row lock on the first candidate target,
 * so whoever enters the critical work waits in the database (the action insert needs that row), and the database's
 * own list of waiting transactions shows how many nodes are inside. "Nothing more happens" is a round of runs on all
 * nodes that changes nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SchedulerClusterIT {

    @Parameter
    TestDatabase server;

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final int TARGETS = 60;
    private static final int CLEANUP_BATCH = 6;
    private static final Function<ClusterNode, JobRun> AUTO_ASSIGN =
            node -> node.bean(AutoAssignScheduler.class).run();
    private static final Function<ClusterNode, JobRun> CLEANUP =
            node -> node.bean(ActionCleanupScheduler.class).run();

    @TempDir
    Path artifacts;

    private static String[] args(String lockMode) {
        return new String[] {
            "--hawkbit.scheduler.lock.mode=" + lockMode,
            "--hawkbit.scheduler.lock.lease=" + LEASE.toMillis() + "ms",
            "--hawkbit.scheduler.lock.renew-interval=500ms",
            "--hawkbit.scheduler.auto-assign.enabled=false",
            "--hawkbit.scheduler.auto-assign.batch-size=10",
            "--hawkbit.scheduler.action-cleanup.enabled=false",
            "--hawkbit.scheduler.action-cleanup.batch-size=" + CLEANUP_BATCH
        };
    }

    @Test
    void withJdbcLock_oneNodeAtATime_oneActionPerTarget_cleanupOnce_deadHolderTakenOver() throws Exception {
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        String database = server.create();
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            startCluster(nodes, database, "jdbc");
            ClusterNode node1 = nodes.get(0);
            Fixture fixture = new Fixture(node1.api);
            long set = prepare(fixture, "dev-");

            JobRun first;
            try (Connection blocker = RowLocks.blockTarget(database, "dev-0")) {
                autoAssign(node1.api, "devices", "controllerId==dev-*", set);
                List<CompletableFuture<JobRun>> runs = ConcurrentRuns.start(nodes, AUTO_ASSIGN);
                await().atMost(WAIT).until(() -> RowLocks.waitingTransactions(database) == 1);
                long inside = System.nanoTime();
                // One node is inside, waiting for the row: the other two ended their runs without entering.
                await().atMost(WAIT)
                        .until(() ->
                                runs.stream().filter(CompletableFuture::isDone).count() == 2);
                assertThat(ConcurrentRuns.sum(runs.stream()
                                .filter(CompletableFuture::isDone)
                                .map(ConcurrentRuns::join)
                                .toList()))
                        .as("the runs that did not enter")
                        .isEqualTo(new JobRun(0, 2, 0));
                // Stuck for longer than the lease: renewal keeps the lock, so the other nodes' next runs skip too.
                await().atMost(WAIT).until(() -> System.nanoTime() - inside > LEASE.toNanos());
                assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", AutoAssignScheduler.JOB, "outcome", "renewed"))
                        .isGreaterThan(0);
                List<ClusterNode> others = nodes.stream()
                        .filter(n -> runs.get(nodes.indexOf(n)).isDone())
                        .toList();
                assertThat(ConcurrentRuns.round(others, AUTO_ASSIGN))
                        .as("the other nodes' runs after the lease")
                        .isEqualTo(new JobRun(0, 2, 0));
                assertThat(RowLocks.waitingTransactions(database))
                        .as("nodes inside the auto-assignment at once")
                        .isEqualTo(1);
                blocker.rollback();
                first = ConcurrentRuns.sum(
                        runs.stream().map(ConcurrentRuns::join).toList());
            }
            // The one run that entered goes on batch after batch (10 each) until the filter has no candidate left.
            assertThat(first).as("the first round, once released").isEqualTo(new JobRun(1, 2, TARGETS));
            // Further rounds on all nodes until one finds nothing left: nothing is assigned twice.
            JobRun rest = ConcurrentRuns.untilNothingLeft(nodes, AUTO_ASSIGN);
            assertThat(first.done() + rest.done()).as("targets assigned").isEqualTo(TARGETS);
            assertThat(actionsPerTarget(database, "dev-%"))
                    .hasSize(TARGETS)
                    .allSatisfy((target, count) -> assertThat(count).as(target).isEqualTo(1));
            assertThat(sum(nodes, "hawkbit.autoassign.assigned")).isEqualTo(TARGETS);
            assertThat(sum(nodes, "hawkbit.autoassign.duplicates")).isZero();
            assertThat(sum(nodes, "hawkbit.autoassign.failures")).isZero();
            assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", AutoAssignScheduler.JOB, "outcome", "skipped"))
                    .isGreaterThan(0);
            assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", AutoAssignScheduler.JOB, "outcome", "lost"))
                    .isZero();

            cleanupRunsOnce(nodes, fixture, database);
            deadHolderIsTakenOverAfterLease(nodes, fixture, database);
            printOverhead(nodes, "jdbc");
        } finally {
            stopCluster(nodes, database);
        }
    }

    @Test
    void withoutLock_allThreeNodesRunTheSameWorkAtOnce() throws Exception {
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        String database = server.create();
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            startCluster(nodes, database, "none");
            Fixture fixture = new Fixture(nodes.get(0).api);
            long set = prepare(fixture, "dev-");
            List<CompletableFuture<JobRun>> runs;
            try (Connection blocker = RowLocks.blockTarget(database, "dev-0")) {
                autoAssign(nodes.get(0).api, "devices", "controllerId==dev-*", set);
                runs = ConcurrentRuns.start(nodes, AUTO_ASSIGN);
                // Every node found the same candidates and is assigning them: the work the lock runs once, three times.
                await().atMost(WAIT).until(() -> RowLocks.waitingTransactions(database) == 3);
                blocker.rollback();
            }
            assertThat(ConcurrentRuns.sum(
                                    runs.stream().map(ConcurrentRuns::join).toList())
                            .ran())
                    .isEqualTo(3);
            ConcurrentRuns.untilNothingLeft(nodes, AUTO_ASSIGN);
            assertThat(actionsPerTarget(database, "dev-%")).hasSize(TARGETS);
            // The runs that lost: rolled back, or finding their targets already assigned by another node.
            double wasted = sum(nodes, "hawkbit.autoassign.duplicates") + sum(nodes, "hawkbit.autoassign.failures");
            Map<String, Integer> perTarget = actionsPerTarget(database, "dev-%");
            long duplicateActions =
                    perTarget.values().stream().filter(c -> c > 1).count();
            System.out.printf(
                    "%n[lock=none] 3 nodes entered the auto-assignment at once; wasted work (targets found already assigned + failed runs): %.0f;"
                            + " targets with more than one action: %d (the target's optimistic lock rolls back the losers)%n%n",
                    wasted, duplicateActions);
            assertThat(wasted)
                    .as("runs that redid or lost work without the lock")
                    .isGreaterThan(0);
            printOverhead(nodes, "none");
        } finally {
            stopCluster(nodes, database);
        }
    }

    private void startCluster(List<ClusterNode> nodes, String database, String lockMode) throws Exception {
        for (int i = 1; i <= 3; i++) {
            nodes.add(new ClusterNode("sched-" + lockMode + "-" + i, database, artifacts, args(lockMode)));
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (ClusterNode node : nodes) {
                assertThat(node.bean(ClusterMembers.class).live()).hasSize(3);
            }
        });
    }

    private static void stopCluster(List<ClusterNode> nodes, String database) throws Exception {
        for (ClusterNode node : nodes) {
            node.close();
        }
        TestDatabase.of(database).drop(database);
        ConnectionFactory rabbit = new ConnectionFactory();
        rabbit.setHost(LocalServices.RABBIT_HOST);
        rabbit.setPort(LocalServices.RABBIT_PORT);
        try (com.rabbitmq.client.Connection connection = rabbit.newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDelete(busDestination(database));
        }
    }

    /** The bus exchange {@link ClusterNode} gives a test cluster, removed with the cluster. */
    private static String busDestination(String database) {
        return "hawkbit-test." + database.substring(database.lastIndexOf('/') + 1);
    }

    /** A complete set and {@link #TARGETS} targets named prefix0.. in creation (id) order; returns the set's id. */
    private static long prepare(Fixture fixture, String prefix) {
        long module = fixture.module(prefix + "os", "1", "os");
        long set = fixture.distributionSet(prefix + "set", "1", "os", module);
        for (int i = 0; i < TARGETS; i++) {
            fixture.target(prefix + i);
        }
        return set;
    }

    private static void autoAssign(ApiClient api, String name, String query, long set) {
        ApiClient.Response filter =
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "\",\"query\":\"" + query + "\"}");
        JsonAssert.statusCode(filter, 201);
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/targetfilters/" + filter.json().get("id").asLong() + "/autoAssignDS",
                        "{\"id\":" + set + "}"),
                200);
    }

    /**
     * Closed actions deleted by the cleanup are each named by exactly one event in the cluster, one event per batch of
     * at most the batch size, each batch under its own hold of the lock; open actions stay.
     */
    private static void cleanupRunsOnce(List<ClusterNode> nodes, Fixture fixture, String database) throws SQLException {
        long module = fixture.module("cl-os", "1", "os");
        long setA = fixture.distributionSet("cl-a", "1", "os", module);
        long setB = fixture.distributionSet("cl-b", "1", "os", module);
        fixture.config("repository.actions.autoclose.enabled", "true");
        List<Long> canceled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fixture.target("cl-" + i);
            canceled.add(fixture.assign("cl-" + i, setA, "forced"));
            fixture.assign("cl-" + i, setB, "forced");
        }
        fixture.config("action.cleanup.actionStatus", "\"CANCELED\"");
        fixture.config("action.cleanup.actionExpiry", "0");
        fixture.config("action.cleanup.enabled", "true");
        // Each node reads the settings through its cache, evicted by the bus: all must see them before the runs.
        await().atMost(WAIT)
                .until(() -> nodes.stream()
                        .map(n -> n.bean(TenantSettings.class))
                        .allMatch(settings -> settings.enabled("DEFAULT", TenantConfigKey.ACTION_CLEANUP_ENABLED)
                                && "0".equals(settings.value("DEFAULT", TenantConfigKey.ACTION_CLEANUP_EXPIRY))
                                && "CANCELED"
                                        .equals(settings.value("DEFAULT", TenantConfigKey.ACTION_CLEANUP_STATUS))));
        JobRun cleanup = ConcurrentRuns.untilNothingLeft(nodes, CLEANUP);
        assertThat(cleanup.done()).as("actions deleted").isEqualTo(canceled.size());
        assertThat(actionsPerTarget(database, "cl-%").values()).containsOnly(1);
        // Every deleted action was announced by the run that deleted it, once: the events still travelling arrive.
        await().atMost(WAIT)
                .until(() -> nodes.get(0).received(ActionsDeletedEvent.class).stream()
                                .mapToInt(e -> e.getActionIds().size())
                                .sum()
                        >= canceled.size());
        assertThat(nodes.get(0).received(ActionsDeletedEvent.class).stream()
                        .flatMap(e -> e.getActionIds().stream())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(canceled);
        assertThat(nodes.get(0).received(ActionsDeletedEvent.class))
                .as("one event per batch: 20 actions in batches of " + CLEANUP_BATCH)
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.getActionIds()).hasSizeLessThanOrEqualTo(CLEANUP_BATCH));
        assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", ActionCleanupScheduler.JOB, "outcome", "acquired"))
                .as("the lock taken per batch (and once more by each round's run that found nothing)")
                .isGreaterThanOrEqualTo(4 + 1);
        fixture.config("action.cleanup.enabled", "false");
    }

    /** A holder that dies without releasing blocks the job for one lease; then a node takes over and does it once. */
    private void deadHolderIsTakenOverAfterLease(List<ClusterNode> nodes, Fixture fixture, String database)
            throws Exception {
        long set = prepare(fixture, "late-");
        Lock lock = DeadLockHolder.lock(database, AutoAssignScheduler.JOB, LEASE);
        assertThat(lock.tryLock()).as("no node runs the job now").isTrue();
        long acquired = System.nanoTime();
        autoAssign(nodes.get(0).api, "late", "controllerId==late-*", set);
        // The dead node never renews nor releases: it just stops. Every round skips until its lease has run out.
        JobRun takeover = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ConcurrentRuns.round(nodes, AUTO_ASSIGN), run -> run.ran() > 0);
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acquired);
        System.out.printf(
                "%n[lock=jdbc] dead holder's lock taken over after %d ms (lease %d ms)%n%n",
                takeoverMillis, LEASE.toMillis());
        assertThat(takeoverMillis).isGreaterThanOrEqualTo(LEASE.toMillis() - 100);
        JobRun rest = ConcurrentRuns.untilNothingLeft(nodes, AUTO_ASSIGN);
        assertThat(takeover.done() + rest.done()).as("targets assigned").isEqualTo(TARGETS);
        assertThat(actionsPerTarget(database, "late-%"))
                .hasSize(TARGETS)
                .allSatisfy((t, c) -> assertThat(c).as(t).isEqualTo(1));
        assertThat(sum(nodes, "hawkbit.autoassign.duplicates")).isZero();
    }

    private void printOverhead(List<ClusterNode> nodes, String mode) {
        StringBuilder line = new StringBuilder("[lock=" + mode + "] per scheduler run on " + server + ":");
        for (String outcome : List.of("acquired", "skipped")) {
            long runs = 0;
            double nanos = 0;
            for (ClusterNode node : nodes) {
                for (Timer timer : node.bean(MeterRegistry.class)
                        .find("hawkbit.scheduler.lock.overhead")
                        .tag("outcome", outcome)
                        .timers()) {
                    runs += timer.count();
                    nanos += timer.totalTime(TimeUnit.NANOSECONDS);
                }
            }
            line.append(String.format(
                    " lock overhead when %s: mean %.2f ms over %d runs;",
                    outcome, runs == 0 ? 0 : nanos / runs / 1e6, runs));
        }
        long workRuns = 0;
        double workNanos = 0;
        for (ClusterNode node : nodes) {
            for (Timer timer :
                    node.bean(MeterRegistry.class).find("hawkbit.scheduler.run").timers()) {
                workRuns += timer.count();
                workNanos += timer.totalTime(TimeUnit.NANOSECONDS);
            }
        }
        line.append(String.format(
                " the work itself: mean %.2f ms over %d runs",
                workRuns == 0 ? 0 : workNanos / workRuns / 1e6, workRuns));
        System.out.printf("%n%s%n%n", line);
    }

    private static double sum(List<ClusterNode> nodes, String name, String... tags) {
        return nodes.stream().mapToDouble(n -> n.counter(name, tags)).sum();
    }

    private static Map<String, Integer> actionsPerTarget(String database, String pattern) throws SQLException {
        try (Connection connection = TestDatabase.of(database).connect(database);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT t.controller_id, COUNT(a.id) FROM target t "
                                + "JOIN action a ON a.target_id = t.id WHERE t.controller_id LIKE ? GROUP BY t.controller_id")) {
            query.setString(1, pattern);
            Map<String, Integer> counts = new java.util.HashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
