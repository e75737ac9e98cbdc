package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.hawkbit.repository.event.TargetsMarkedOverdueEvent;
import io.hawkbit.repository.target.OverdueScheduler;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes sharing one MariaDB and RabbitMQ, each running the overdue scheduler every 200 ms: targets whose last
 * poll is an hour old are marked once each in the cluster, announced by exactly one event per target (batches of 10),
 * which every node receives once; a target that polls again through another node is unmarked by that node's poll
 * write and not marked again. As in {@link SchedulerClusterIT}, a row lock held by the test on the oldest target
 * makes overlap deterministic: with the JDBC lock one node waits inside the marking while the others skip; without
 * it all three wait on the same rows, and the UPDATE's re-check of the mark still lets only one of them mark each.
 */
class OverdueClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int TARGETS = 60;

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
        LocalServices.assumeMariaDb();
        LocalServices.assumeRabbitMq();
        String database = LocalServices.createMariaDbDatabase();
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                nodes.add(new ClusterNode("overdue-" + lockMode + "-" + i, database, artifacts,
                        "--hawkbit.scheduler.lock.mode=" + lockMode, "--hawkbit.scheduler.overdue.period=200ms", "--hawkbit.scheduler.overdue.batch-size=10",
                        "--hawkbit.poll.write-interval=200ms"));
            }
            await().atMost(WAIT).untilAsserted(() -> nodes.forEach(n -> assertThat(n.bean(ClusterMembers.class).live()).hasSize(3)));
            Fixture fixture = new Fixture(nodes.get(0).api);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                tokens.add(fixture.target("od-" + i));
            }
            fixture.target("od-never-polled");
            // Not overdue yet: a polling time of a day, and the last polls an hour back (creation order = poll order).
            fixture.config("pollingTime", "\"23:59:59\"");
            lastPolled(database, "od-%", Duration.ofHours(1));
            int inside = "none".equals(lockMode) ? 3 : 1;
            long released;
            try (Connection blocker = RowLocks.blockTarget(database, "od-0")) {
                // Back to 5 minutes: od-0, the oldest, heads every run's first batch, whose UPDATE waits for its row.
                fixture.config("pollingTime", "\"00:05:00\"");
                await().atMost(WAIT).until(() -> RowLocks.waitingTransactions(database) == inside);
                await().during(Duration.ofSeconds(1)).atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(RowLocks.waitingTransactions(database)).as("nodes marking at once").isEqualTo(inside));
                blocker.rollback();
                released = System.nanoTime();
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(marked(database)).hasSize(TARGETS));
            long markMillis = (System.nanoTime() - released) / 1_000_000;

            // Many more periods on three nodes: nothing is marked or announced twice.
            await().during(Duration.ofSeconds(2)).atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                for (ClusterNode node : nodes) {
                    List<String> announced = node.received(TargetsMarkedOverdueEvent.class).stream()
                            .flatMap(e -> e.getControllerIds().stream()).toList();
                    assertThat(announced).as("targets announced to %s", node.id).hasSize(TARGETS).doesNotHaveDuplicates()
                            .doesNotContain("od-never-polled");
                }
            });
            List<TargetsMarkedOverdueEvent> batches = nodes.get(0).received(TargetsMarkedOverdueEvent.class);
            assertThat(batches).allSatisfy(e -> assertThat(e.getControllerIds()).hasSizeLessThanOrEqualTo(10));
            assertThat(sum(nodes, "hawkbit.overdue.marked")).isEqualTo(TARGETS);
            assertThat(sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "lost")).isZero();
            // Every node counts for itself after each run, whichever node marked.
            await().atMost(WAIT).untilAsserted(() -> nodes.forEach(n -> assertThat(overdueGauge(n)).as("gauge of %s", n.id)
                    .isEqualTo(TARGETS)));
            ApiClient.Response overdue = nodes.get(2).api.mgmt("GET", "/rest/v1/targets?q=overdue==true&limit=1");
            JsonAssert.statusCode(overdue, 200);
            assertThat(overdue.json().get("total").asLong()).isEqualTo(TARGETS);

            Map<String, Long> batchesByNode = batches.stream()
                    .collect(Collectors.groupingBy(e -> e.getOriginService(), TreeMap::new, Collectors.counting()));
            System.out.printf("%n[overdue, lock=%s] %d targets marked within %d ms of the release; %d events (%s), %d target names announced; "
                    + "runs with the lock %.0f, skipped for the lock %.0f, without a lock %.0f%n%n", lockMode, TARGETS, markMillis,
                    batches.size(), batchesByNode, batches.stream().mapToInt(e -> e.getControllerIds().size()).sum(),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "acquired"),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "skipped"),
                    sum(nodes, "hawkbit.scheduler.lock", "job", OverdueScheduler.JOB, "outcome", "unlocked"));

            ApiClient.Response poll = nodes.get(1).api.send("GET", "/DEFAULT/controller/v1/od-0", (byte[]) null,
                    Map.of("Authorization", "TargetToken " + tokens.get(0), "Accept", "application/hal+json"));
            assertThat(poll.status()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(marked(database)).hasSize(TARGETS - 1).doesNotContain("od-0"));
            await().during(Duration.ofSeconds(1)).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(marked(database)).hasSize(TARGETS - 1));
            assertThat(nodes.get(0).api.mgmt("GET", "/rest/v1/targets?q=overdue==true&limit=1").json().get("total").asLong())
                    .isEqualTo(TARGETS - 1);
            assertThat(sum(nodes, "hawkbit.overdue.marked")).isEqualTo(TARGETS);
        } finally {
            for (ClusterNode node : nodes) {
                node.close();
            }
            LocalServices.dropMariaDbDatabase(database);
            deleteBusExchange(database);
        }
    }

    /** Sets the last poll of the matching targets to {@code ago} before now, one millisecond apart in id order. */
    private static void lastPolled(String database, String pattern, Duration ago) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, LocalServices.MARIADB_USER, LocalServices.MARIADB_PASSWORD);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE target SET last_target_query = ? + id WHERE controller_id LIKE ? AND controller_id <> 'od-never-polled'")) {
            update.setLong(1, System.currentTimeMillis() - ago.toMillis());
            update.setString(2, pattern);
            assertThat(update.executeUpdate()).isEqualTo(TARGETS);
        }
    }

    private static List<String> marked(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, LocalServices.MARIADB_USER, LocalServices.MARIADB_PASSWORD);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT controller_id FROM target WHERE overdue_since IS NOT NULL")) {
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
        Gauge gauge = node.bean(MeterRegistry.class).find("hawkbit.overdue.targets").tag("tenant", "DEFAULT").gauge();
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
        try (com.rabbitmq.client.Connection connection = rabbit.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDelete("hawkbit-test." + database.substring(database.lastIndexOf('/') + 1));
        }
    }
}
