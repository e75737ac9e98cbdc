package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.hawkbit.repository.event.TargetsMarkedOverdueEvent;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.target.OverdueScheduler;
import io.hawkbit.repository.target.PollRecorder;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three nodes sharing one database (MariaDB, then PostgreSQL) and RabbitMQ, the test running the overdue scheduler on all three at once (their
 * periodic runs are off): targets whose last poll is an hour old are marked once each in the cluster, announced by
 * exactly one event per target (batches of 10), which every node receives once; a target that polls again through
 * another node is unmarked by that node's poll write and not marked again. As in {@link SchedulerClusterIT}, a row
 * lock held by the test on the oldest target makes overlap deterministic: with the JDBC lock one node waits inside the
 * marking while the others skip; without it all three wait on the same rows, and the UPDATE's re-check of the mark
 * still lets only one of them mark each.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OverdueClusterIT {

    @Parameter
    TestDatabase server;

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int TARGETS = 60;
    private static final Function<ClusterNode, JobRun> OVERDUE =
            node -> node.bean(OverdueScheduler.class).run();

    @TempDir
    Path artifacts;

    @Test
    void withJdbcLock_eachOverdueTargetMarkedOnce_oneEventPerTarget_pollUnmarks() throws Exception {
        marksEachTargetOnce("jdbc");
    }

    /** The lock saves the other nodes' queries; the marking UPDATE re-checks the mark, so it is never done twice. */
    @Test
    void withoutLock_stillEachOverdueTargetMarkedOnce() throws Exception {
        marksEachTargetOnce("none");
    }

    private void marksEachTargetOnce(String lockMode) throws Exception {
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        String database = server.create();
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                nodes.add(new ClusterNode(
                        "overdue-" + lockMode + "-" + i,
                        database,
                        artifacts,
                        "--hawkbit.scheduler.lock.mode=" + lockMode,
                        "--hawkbit.scheduler.overdue.enabled=false",
                        "--hawkbit.scheduler.overdue.batch-size=10",
                        "--hawkbit.poll.write-interval=1h"));
            }
            await().atMost(WAIT)
                    .untilAsserted(() -> nodes.forEach(
                            n -> assertThat(n.bean(ClusterMembers.class).live()).hasSize(3)));
            Fixture fixture = new Fixture(nodes.get(0).api);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                tokens.add(fixture.target("od-" + i));
            }
            fixture.target("od-never-polled");
            // Not overdue yet: a polling time of a day, and the last polls an hour back (creation order = poll order).
            fixture.config("pollingTime", "\"23:59:59\"");
            lastPolled(database, "od-%", Duration.ofHours(1));
            boolean locked = "jdbc".equals(lockMode);
            JobRun first;
            try (Connection blocker = RowLocks.blockTarget(database, "od-0")) {
                // Back to 5 minutes: od-0, the oldest, heads every run's first batch, whose UPDATE waits for its row.
                fixture.config("pollingTime", "\"00:05:00\"");
                // Each node reads the setting through its cache, evicted by the bus: all must see it before the runs.
                await().atMost(WAIT)
                        .until(() -> nodes.stream()
                                .allMatch(n -> n.bean(TenantSettings.class)
                                        .duration("DEFAULT", TenantConfigKey.POLLING_TIME)
                                        .equals(Duration.ofMinutes(5))));
                List<CompletableFuture<JobRun>> runs = ConcurrentRuns.start(nodes, OVERDUE);
                await().atMost(WAIT).until(() -> RowLocks.waitingTransactions(database) == (locked ? 1 : 3));
                if (locked) {
                    // One node is inside, waiting for the row: the other two ended their runs without entering.
                    await().atMost(WAIT)
                            .until(() -> runs.stream()
                                            .filter(CompletableFuture::isDone)
                                            .count()
                                    == 2);
                    assertThat(ConcurrentRuns.sum(runs.stream()
                                    .filter(CompletableFuture::isDone)
                                    .map(ConcurrentRuns::join)
                                    .toList()))
                            .as("the runs that did not enter")
                            .isEqualTo(new JobRun(0, 2, 0));
                    assertThat(RowLocks.waitingTransactions(database))
                            .as("nodes marking at once")
                            .isEqualTo(1);
                }
                blocker.rollback();
                first = ConcurrentRuns.sum(
                        runs.stream().map(ConcurrentRuns::join).toList());
            }
            // A run goes on batch after batch: with the lock the one node inside marks the whole backlog. Without it
            // all three marked at once, yet the re-checking UPDATE left each row to one of them; a node whose batch
            // came out short (rows another node took) ends its run, so the rest may wait for the next round.
            if (locked) {
                assertThat(first.done()).as("targets marked in the first round").isEqualTo(TARGETS);
            } else {
                assertThat(first.done()).as("targets marked in the first round").isBetween(10L, (long) TARGETS);
            }
            // Further rounds on three nodes until one finds nothing left: nothing is marked twice.
            JobRun rest = ConcurrentRuns.untilNothingLeft(nodes, OVERDUE);
            assertThat(first.done() + rest.done()).as("targets marked").isEqualTo(TARGETS);
            assertThat(marked(database)).hasSize(TARGETS);
            assertThat(sum(nodes, "hawkbit.overdue.marked")).isEqualTo(TARGETS);
            assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "lost"))
                    .isZero();
            // Every node counts for itself after each run, whichever node marked; the last round ran on all of them.
            nodes.forEach(
                    n -> assertThat(overdueGauge(n)).as("gauge of %s", n.id).isEqualTo(TARGETS));

            // Each mark was announced once, by the run that made it: the events still travelling arrive, none twice.
            await().atMost(WAIT)
                    .until(() -> nodes.stream().allMatch(node -> announced(node).size() >= TARGETS));
            for (ClusterNode node : nodes) {
                assertThat(announced(node))
                        .as("targets announced to %s", node.id)
                        .hasSize(TARGETS)
                        .doesNotHaveDuplicates()
                        .doesNotContain("od-never-polled");
            }
            List<TargetsMarkedOverdueEvent> batches = nodes.get(0).received(TargetsMarkedOverdueEvent.class);
            assertThat(batches).allSatisfy(e -> assertThat(e.getControllerIds()).hasSizeLessThanOrEqualTo(10));
            ApiClient.Response overdue = nodes.get(2).api.mgmt("GET", "/rest/v1/targets?q=overdue==true&limit=1");
            JsonAssert.statusCode(overdue, 200);
            assertThat(overdue.json().get("total").asLong()).isEqualTo(TARGETS);

            Map<String, Long> batchesByNode = batches.stream()
                    .collect(Collectors.groupingBy(e -> e.getOriginService(), TreeMap::new, Collectors.counting()));
            System.out.printf(
                    "%n[overdue, lock=%s] %d targets marked; %d events (%s), %d target names announced; "
                            + "runs with the lock %.0f, skipped for the lock %.0f, without a lock %.0f%n%n",
                    lockMode,
                    TARGETS,
                    batches.size(),
                    batchesByNode,
                    batches.stream().mapToInt(e -> e.getControllerIds().size()).sum(),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "acquired"),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "skipped"),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "unlocked"));

            ApiClient.Response poll = nodes.get(1)
                    .api
                    .send(
                            "GET",
                            "/DEFAULT/controller/v1/od-0",
                            (byte[]) null,
                            Map.of("Authorization", "TargetToken " + tokens.get(0), "Accept", "application/hal+json"));
            assertThat(poll.status()).isEqualTo(200);
            // The poll is written behind; its write clears the mark.
            nodes.get(1).bean(PollRecorder.class).flush();
            assertThat(marked(database)).hasSize(TARGETS - 1).doesNotContain("od-0");
            // The next round leaves the target that polled alone.
            assertThat(ConcurrentRuns.untilNothingLeft(nodes, OVERDUE).done())
                    .as("marks changed")
                    .isZero();
            assertThat(marked(database)).hasSize(TARGETS - 1);
            assertThat(nodes.get(0)
                            .api
                            .mgmt("GET", "/rest/v1/targets?q=overdue==true&limit=1")
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(TARGETS - 1);
            assertThat(sum(nodes, "hawkbit.overdue.marked")).isEqualTo(TARGETS);
        } finally {
            for (ClusterNode node : nodes) {
                node.close();
            }
            server.drop(database);
            deleteBusExchange(database);
        }
    }

    /** Sets the last poll of the matching targets to {@code ago} before now, one millisecond apart in id order. */
    private static void lastPolled(String database, String pattern, Duration ago) throws SQLException {
        try (Connection connection = TestDatabase.of(database).connect(database);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE target SET last_target_query = ? + id WHERE controller_id LIKE ? AND controller_id <> 'od-never-polled'")) {
            update.setLong(1, System.currentTimeMillis() - ago.toMillis());
            update.setString(2, pattern);
            assertThat(update.executeUpdate()).isEqualTo(TARGETS);
        }
    }

    private static List<String> announced(ClusterNode node) {
        return node.received(TargetsMarkedOverdueEvent.class).stream()
                .flatMap(e -> e.getControllerIds().stream())
                .toList();
    }

    private static List<String> marked(String database) throws SQLException {
        try (Connection connection = TestDatabase.of(database).connect(database);
                PreparedStatement query =
                        connection.prepareStatement("SELECT controller_id FROM target WHERE overdue_since > 0")) {
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static double overdueGauge(ClusterNode node) {
        Gauge gauge = node.bean(MeterRegistry.class)
                .find("hawkbit.overdue.targets")
                .tag("tenant", "DEFAULT")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static double sum(List<ClusterNode> nodes, String name, String... tags) {
        return nodes.stream().mapToDouble(n -> n.counter(name, tags)).sum();
    }

    /** The bus exchange {@link ClusterNode} gives a test cluster, removed with the cluster. */
    private static void deleteBusExchange(String database) throws Exception {
        ConnectionFactory rabbit = new ConnectionFactory();
        rabbit.setHost(LocalServices.RABBIT_HOST);
        rabbit.setPort(LocalServices.RABBIT_PORT);
        try (com.rabbitmq.client.Connection connection = rabbit.newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDelete("hawkbit-test." + database.substring(database.lastIndexOf('/') + 1));
        }
    }
}
