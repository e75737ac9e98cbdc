package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.event.RolloutGroupUpdatedEvent;
import io.hawkbit.repository.rollout.RolloutScheduler;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ApplicationListener;
import tools.jackson.databind.JsonNode;

/**
 * Rollouts on three nodes sharing a database (MariaDB, then PostgreSQL) and RabbitMQ, every node running the rollout
 * scheduler with its default 5 s period, devices reporting through all three nodes. Progression happens once per cluster (one action per
 * target, each group started once) and right after the feedback that allows it, whichever node received it.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class RolloutClusterIT {

    /** The database of the current run of the class. */
    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    static Path artifacts;

    static String database;
    static final List<ClusterNode> nodes = new ArrayList<>();
    /** When a group was first seen started, on any node (the node that started it sees it first). */
    static final Map<Long, Long> groupStartedNanos = new ConcurrentHashMap<>();

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        for (int i = 1; i <= 3; i++) {
            ClusterNode node = new ClusterNode(
                    "rollout-node-" + i,
                    database,
                    artifacts,
                    "--hawkbit.scheduler.lock.lease=" + LEASE.toMillis() + "ms",
                    "--hawkbit.scheduler.lock.renew-interval=500ms",
                    // Dynamic rollouts look for new targets on every run, not only after 30 s of finding none.
                    "--hawkbit.scheduler.rollout.dynamic-lookup=0s");
            node.context.addApplicationListener((ApplicationListener<RolloutGroupUpdatedEvent>) event -> {
                if ("running".equals(event.getStatus())) {
                    groupStartedNanos.putIfAbsent(event.getEntityId(), System.nanoTime());
                }
            });
            nodes.add(node);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (ClusterNode node : nodes) {
                assertThat(node.bean(ClusterMembers.class).live()).hasSize(3);
            }
        });
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        for (ClusterNode node : nodes) {
            node.close();
        }
        if (database != null) {
            server.drop(database);
        }
        database = null;
        // The next run of the class (on the other database) starts with none of this run's nodes or group ids.
        nodes.clear();
        groupStartedNanos.clear();
    }

    @Test
    void threeGroupsOverThirtyTargets_feedbackThroughAllNodes_pausesOnErrors_resumes_onceEach() throws Exception {
        ApiClient api = nodes.get(0).api;
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("cl");
        RolloutDevices devices = new RolloutDevices();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(String.format("cl-%02d", i));
            devices.create(fixture, ids.get(i));
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"cluster\","
                        + "\"targetFilterQuery\":\"controllerId==cl-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":3,"
                        + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"100\"},"
                        + "\"errorCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"20\"},"
                        + "\"errorAction\":{\"action\":\"PAUSE\",\"expression\":\"\"}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(nodes.get(1).api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        RolloutApiIT.awaitStatuses(nodes.get(2).api, id, "running", "running", "scheduled", "scheduled");

        for (int i = 0; i < 10; i++) {
            devices.finish(node(i), ids.get(i), "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "running", "scheduled");
        for (int i = 10; i < 13; i++) {
            devices.finish(node(i), ids.get(i), "failure");
        }
        RolloutApiIT.awaitStatuses(api, id, "paused", "finished", "error", "scheduled");
        for (int i = 13; i < 20; i++) {
            devices.finish(node(i), ids.get(i), "success");
        }
        assertThat(devices.offeredAction(nodes.get(2).api, ids.get(20)))
                .as("paused: group 3 waits")
                .isNull();
        JsonAssert.statusCode(nodes.get(2).api.mgmt("POST", "/rest/v1/rollouts/" + id + "/resume"), 204);
        for (int i = 20; i < 30; i++) {
            devices.finish(node(i), ids.get(i), "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "finished", "finished", "error", "finished");

        assertThat(query("select count(*), count(distinct target_id) from action where rollout_id = " + id))
                .as("actions, targets with an action")
                .containsExactly(30L, 30L);
        List<Long> groupIds = RolloutApiIT.groups(api, id).stream()
                .map(g -> g.get("id").asLong())
                .toList();
        for (Long groupId : groupIds) {
            long starts = nodes.stream()
                    .flatMap(n -> n.received(RolloutGroupUpdatedEvent.class).stream())
                    .filter(e -> e.getEntityId().equals(groupId) && "running".equals(e.getStatus()))
                    .map(e -> e.getOriginService())
                    .distinct()
                    .count();
            long seen = nodes.stream()
                    .mapToLong(n -> n.received(RolloutGroupUpdatedEvent.class).stream()
                            .filter(e -> e.getEntityId().equals(groupId) && "running".equals(e.getStatus()))
                            .count())
                    .sum();
            assertThat(starts).as("nodes that started group " + groupId).isEqualTo(1);
            assertThat(seen)
                    .as("group " + groupId + " start events over 3 nodes (one start, seen by each node)")
                    .isEqualTo(3);
        }
        printLockOverhead();
    }

    /**
     * A rollout of 30 one-target groups: the last (only) feedback of group i goes through node i % 3, and the time
     * from sending it to group i+1 being started is taken per receiving node.
     */
    @Test
    void progressionLatency_isTheSameWhicheverNodeReceivesTheFeedback() {
        ApiClient api = nodes.get(0).api;
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("lat");
        RolloutDevices devices = new RolloutDevices();
        int groups = 31;
        for (int i = 0; i < groups; i++) {
            devices.create(fixture, String.format("lat-%02d", i));
        }
        long id = RolloutApiIT.rollout(api, "latency", "controllerId==lat-*", set, groups);
        List<Long> groupIds = RolloutApiIT.groups(api, id).stream()
                .map(g -> g.get("id").asLong())
                .toList();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        Map<Integer, List<Double>> millisByNode = new ConcurrentHashMap<>();
        for (int i = 0; i < groups - 1; i++) {
            String device = String.format("lat-%02d", i);
            ApiClient through = node(i);
            Long action = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> devices.offeredAction(through, device), a -> a != null);
            long sent = System.nanoTime();
            devices.report(through, device, action, "success");
            Long next = groupIds.get(i + 1);
            long started = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> groupStartedNanos.get(next), s -> s != null);
            millisByNode.computeIfAbsent(i % 3 + 1, n -> new ArrayList<>()).add((started - sent) / 1e6);
        }
        RolloutApiIT.awaitStatuses(
                api,
                id,
                "running",
                Stream.concat(Stream.generate(() -> "finished").limit(groups - 1), Stream.of("running"))
                        .toArray(String[]::new));
        millisByNode.forEach((node, millis) -> {
            double[] sorted =
                    millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    "ROLLOUT-PROGRESSION feedback via node %d: n=%d p50=%.1f ms max=%.1f ms all=%s%n",
                    node,
                    sorted.length,
                    sorted[sorted.length / 2],
                    sorted[sorted.length - 1],
                    Arrays.toString(Arrays.stream(sorted).mapToLong(Math::round).toArray()));
            // The scheduler's period is 5 s: a median far below it means the feedback's own node moved the rollout on.
            assertThat(sorted[sorted.length / 2])
                    .as("median progression latency via node " + node)
                    .isLessThan(1000);
        });
        printLockOverhead();
    }

    /**
     * A node dies holding the rollout lock right before a group's last feedback: the other nodes' triggered runs give
     * up, the group waits for the lease, then the next run takes over and starts the next group, once. The test runs
     * the scheduler on all nodes until one gets the lock, rather than waiting up to a 5 s period for it.
     */
    @Test
    void deadLockHolder_blocksProgressionForOneLease_thenAnotherNodeTakesOver() throws Exception {
        ApiClient api = nodes.get(0).api;
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("dead");
        RolloutDevices devices = new RolloutDevices();
        for (int i = 0; i < 6; i++) {
            devices.create(fixture, "dead-" + i);
        }
        long id = RolloutApiIT.rollout(api, "dead-holder", "controllerId==dead-*", set, 2);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        RolloutApiIT.awaitStatuses(api, id, "running", "running", "scheduled");
        for (int i = 0; i < 2; i++) {
            devices.finish(node(i), "dead-" + i, "success");
        }
        Lock lock = DeadLockHolder.lock(database, RolloutScheduler.JOB, LEASE);
        await().atMost(WAIT).until(lock::tryLock);
        long acquired = System.nanoTime();
        devices.finish(node(2), "dead-2", "success");
        // Every run skips the tenant until the dead holder's lease ran out; the first that gets it starts the group.
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> ConcurrentRuns.round(
                                nodes, node -> node.bean(RolloutScheduler.class).run()),
                        run -> run.ran() > 0);
        long takeoverMillis = (System.nanoTime() - acquired) / 1_000_000;
        assertThat(RolloutApiIT.groups(api, id).get(1).get("status").asString()).isEqualTo("running");
        System.out.printf(
                "ROLLOUT-TAKEOVER next group started %d ms after a node died holding the lock (lease %d ms)%n",
                takeoverMillis, LEASE.toMillis());
        assertThat(takeoverMillis).isGreaterThanOrEqualTo(LEASE.toMillis() - 100);
        for (int i = 3; i < 6; i++) {
            devices.finish(node(i), "dead-" + i, "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "finished", "finished", "finished");
        assertThat(query("select count(*), count(distinct target_id) from action where rollout_id = " + id))
                .as("actions, targets with an action")
                .containsExactly(6L, 6L);
    }

    /**
     * hawkBit's dynamic rollout on three nodes: targets created through all nodes while every node runs the scheduler
     * join the dynamic groups; the rollout lock lets each join once, so each ends in exactly one action, and every
     * group keeps the template's size.
     */
    @Test
    void dynamicRollout_targetsCreatedThroughAllNodes_eachJoinsOnce() throws Exception {
        ApiClient api = nodes.get(0).api;
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("cdyn");
        for (int i = 0; i < 3; i++) {
            new Fixture(node(i)).target("cdyn-s-" + i);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"cluster-dynamic\",\"targetFilterQuery\":\"controllerId==cdyn-*\",\"distributionSetId\":"
                        + set + ",\"amountGroups\":1,\"dynamic\":true,"
                        + "\"dynamicGroupTemplate\":{\"nameSuffix\":\"-d\",\"targetCount\":4},"
                        + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"0\"}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(nodes.get(1).api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        RolloutApiIT.awaitStatuses(api, id, "running", "running", "running");

        int perNode = 8;
        List<Thread> creators = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            int node = n;
            Thread creator = new Thread(() -> {
                Fixture through = new Fixture(nodes.get(node).api);
                for (int i = 0; i < perNode; i++) {
                    through.target("cdyn-n" + node + "-" + i);
                }
            });
            creator.start();
            creators.add(creator);
        }
        while (creators.stream().anyMatch(Thread::isAlive)) {
            ConcurrentRuns.round(
                    nodes, node -> node.bean(RolloutScheduler.class).run());
        }
        for (Thread creator : creators) {
            creator.join();
        }
        long expected = 3 + 3L * perNode;
        await().atMost(WAIT).untilAsserted(() -> {
            ConcurrentRuns.round(
                    nodes, node -> node.bean(RolloutScheduler.class).run());
            assertThat(query("select count(*) from action where rollout_id = " + id))
                    .containsExactly(expected);
        });
        ConcurrentRuns.round(nodes, node -> node.bean(RolloutScheduler.class).run());

        assertThat(query("select count(*), count(distinct target_id) from action where rollout_id = " + id))
                .as("actions, targets with an action")
                .containsExactly(expected, expected);
        assertThat(query("select count(*), count(distinct rtg.target_id) from rollout_target_group rtg "
                        + "join rollout_group g on g.id = rtg.rollout_group_id where g.rollout_id = " + id))
                .as("group memberships, targets in a group")
                .containsExactly(expected, expected);
        List<JsonNode> groups = RolloutApiIT.groups(api, id);
        assertThat(groups.get(0).get("totalTargets").asLong()).isEqualTo(3);
        List<JsonNode> dynamic = groups.subList(1, groups.size());
        assertThat(dynamic).allSatisfy(g -> {
            assertThat(g.get("dynamic").asBoolean()).isTrue();
            assertThat(g.get("name").asString()).endsWith("-d");
        });
        assertThat(dynamic.subList(0, 6))
                .extracting(g -> g.get("totalTargets").asLong())
                .as("full dynamic groups")
                .containsOnly(4L);
        assertThat(dynamic.subList(6, dynamic.size()))
                .extracting(g -> g.get("totalTargets").asLong())
                .as("the next, empty group")
                .containsOnly(0L);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/stop"), 204);
    }

    @Test
    void pacedRollout_maxRunningHoldsAcrossThreeNodesRunningTheSchedulerAtOnce() throws Exception {
        ApiClient api = nodes.get(0).api;
        long set = new Fixture(api).completeSet("cpace");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 9; i++) {
            tokens.put("cpace-" + i, new Fixture(node(i)).target("cpace-" + i));
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"cluster-paced\",\"targetFilterQuery\":\"controllerId==cpace-*\",\"distributionSetId\":"
                        + set + ",\"amountGroups\":1,\"pace\":{\"maxRunning\":3}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(nodes.get(2).api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        String actions = "select count(*), coalesce(sum(case when active then 1 else 0 end), 0) from action"
                + " where rollout_id = " + id;
        for (int finished = 0; finished < 9; finished += 3) {
            long expected = finished + 3;
            await().atMost(WAIT).untilAsserted(() -> {
                ConcurrentRuns.round(
                        nodes, node -> node.bean(RolloutScheduler.class).run());
                assertThat(query(actions)).as("actions, open ones").containsExactly(expected, 3L);
            });
            // Three nodes racing over more rounds never start a fourth while three are open.
            for (int round = 0; round < 5; round++) {
                ConcurrentRuns.round(
                        nodes, node -> node.bean(RolloutScheduler.class).run());
            }
            assertThat(query(actions)).containsExactly(expected, 3L);
            // The devices of the open actions finish, each through another node.
            int n = 0;
            for (Map.Entry<String, Long> open : openActions(id).entrySet()) {
                ApiClient.Response closed = node(n++)
                        .send(
                                "POST",
                                "/DEFAULT/controller/v1/" + open.getKey() + "/deploymentBase/" + open.getValue()
                                        + "/feedback",
                                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                                Map.of(
                                        "Authorization",
                                        "TargetToken " + tokens.get(open.getKey()),
                                        "Content-Type",
                                        "application/json"));
                JsonAssert.statusCode(closed, 200);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            ConcurrentRuns.round(
                    nodes, node -> node.bean(RolloutScheduler.class).run());
            assertThat(query(actions)).containsExactly(9L, 0L);
        });
    }

    @Test
    void rolloutWaitingForConsent_devicesConfirmThroughAllNodes_thenTheNextGroupStarts() throws Exception {
        ApiClient api = nodes.get(0).api;
        long set = new Fixture(api).completeSet("cconf");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 6; i++) {
            tokens.put("cconf-" + i, new Fixture(node(i)).target("cconf-" + i));
        }
        new Fixture(nodes.get(1).api).config("user.confirmation.flow.enabled", "true");
        try {
            ApiClient.Response created = api.mgmt(
                    "POST",
                    "/rest/v1/rollouts",
                    "{\"name\":\"cluster-consent\",\"targetFilterQuery\":\"controllerId==cconf-*\","
                            + "\"distributionSetId\":" + set + ",\"amountGroups\":2,\"confirmationRequired\":true,"
                            + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"100\"}}");
            JsonAssert.statusCode(created, 201);
            long id = created.json().get("id").asLong();
            JsonAssert.statusCode(nodes.get(2).api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
            String waiting =
                    "select count(*) from action where rollout_id = " + id + " and status = 'WAIT_FOR_CONFIRMATION'";
            await().atMost(WAIT).untilAsserted(() -> {
                ConcurrentRuns.round(
                        nodes, node -> node.bean(RolloutScheduler.class).run());
                assertThat(query(waiting)).as("the first group's actions wait").containsExactly(3L);
            });
            for (int group = 0; group < 2; group++) {
                int n = 0;
                for (Map.Entry<String, Long> open : openActions(id).entrySet()) {
                    Map<String, String> device = Map.of(
                            "Authorization",
                            "TargetToken " + tokens.get(open.getKey()),
                            "Content-Type",
                            "application/json");
                    String base = "/DEFAULT/controller/v1/" + open.getKey();
                    // The device sees the consent request on one node, answers on the next, reports on the third.
                    assertThat(node(n).send("GET", base, (byte[]) null, device)
                                    .json()
                                    .get("_links")
                                    .has("confirmationBase"))
                            .isTrue();
                    JsonAssert.statusCode(
                            node(n + 1)
                                    .send(
                                            "POST",
                                            base + "/confirmationBase/" + open.getValue() + "/feedback",
                                            "{\"confirmation\":\"confirmed\",\"code\":0,\"details\":[\"ok\"]}",
                                            device),
                            200);
                    JsonAssert.statusCode(
                            node(n + 2)
                                    .send(
                                            "POST",
                                            base + "/deploymentBase/" + open.getValue() + "/feedback",
                                            "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                                            device),
                            200);
                    n++;
                }
                long finished = 3L * (group + 1);
                long stillWaiting = group == 0 ? 3L : 0L;
                await().atMost(WAIT).untilAsserted(() -> {
                    ConcurrentRuns.round(
                            nodes, node -> node.bean(RolloutScheduler.class).run());
                    assertThat(query("select count(*) from action where rollout_id = " + id
                                    + " and status = 'FINISHED'"))
                            .containsExactly(finished);
                    assertThat(query(waiting))
                            .as("the next group's actions wait in turn")
                            .containsExactly(stillWaiting);
                });
            }
        } finally {
            new Fixture(api).config("user.confirmation.flow.enabled", "false");
        }
    }

    private static Map<String, Long> openActions(long rolloutId) throws SQLException {
        try (Connection connection = TestDatabase.of(database).connect(database);
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("select t.controller_id, a.id from action a join target t on t.id = a.target_id"
                                + " where a.active and a.rollout_id = " + rolloutId)) {
            Map<String, Long> open = new java.util.TreeMap<>();
            while (rs.next()) {
                open.put(rs.getString(1), rs.getLong(2));
            }
            return open;
        }
    }

    private static ApiClient node(int i) {
        return nodes.get(i % 3).api;
    }

    private static void printLockOverhead() {
        for (ClusterNode node : nodes) {
            MeterRegistry meters = node.bean(MeterRegistry.class);
            for (String outcome : List.of("acquired", "skipped")) {
                Timer timer = meters.find("hawkbit.scheduler.lock.overhead")
                        .tags("job", "rollout", "outcome", outcome)
                        .timer();
                if (timer != null && timer.count() > 0) {
                    System.out.printf(
                            "ROLLOUT-LOCK %s %s: runs=%d mean=%.2f ms max=%.2f ms%n",
                            node.id,
                            outcome,
                            timer.count(),
                            timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                            timer.max(java.util.concurrent.TimeUnit.MILLISECONDS));
                }
            }
        }
    }

    private static List<Long> query(String sql) throws SQLException {
        try (Connection connection = TestDatabase.of(database).connect(database);
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getLong(i));
            }
            return values;
        }
    }
}
