package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.JsonNode;

/**
 * Multi-assignment on three nodes sharing a database (MariaDB, then PostgreSQL) and RabbitMQ. Each node reads the
 * tenant's {@code multi.assignments.enabled} through its own {@code tenant-config} cache, which only the bus evicts, so
 * what an assignment or a poll does on one node after the switch through another depends on that eviction. The switch
 * cannot go back to off, so every test works in a tenant of its own.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MultiAssignmentClusterIT {

    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY = "multi.assignments.enabled";
    private static final String CONFIG = "/rest/v1/system/configs/" + KEY;
    private static final String NOT_ALLOWED = "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed";
    /** One tenant per test; its admin user has the tenant's name in lower case as name and password. */
    private static final List<String> TENANTS = List.of("MA_SWITCH", "MA_STALE", "MA_ORDER", "MA_OFF");

    @TempDir
    static Path artifacts;

    static String database;
    static final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        List<String> args = new ArrayList<>();
        args.add("--hawkbit.tenants.names=" + String.join(",", TENANTS));
        for (String tenant : TENANTS) {
            String user = tenant.toLowerCase();
            args.add("--hawkbit.security.users." + user + ".password=" + user);
            args.add("--hawkbit.security.users." + user + ".tenant=" + tenant);
        }
        for (int i = 1; i <= 3; i++) {
            nodes.add(new ClusterNode("multi-node-" + i, database, artifacts, args.toArray(String[]::new)));
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
        nodes.clear();
    }

    /**
     * Nodes 2 and 3 cached the setting as off (the device polled them); it is switched on through node 1. Once the bus
     * evicted their caches, a second set assigned through node 2 opens a second action beside the first instead of
     * canceling it, and node 3 serves the heavier one.
     */
    @Test
    void switchedOnThroughOneNode_anAssignmentThroughAnotherKeepsTheOpenAction() {
        String tenant = "MA_SWITCH";
        Device device = new Device(tenant, "ms-dev", fixture(tenant, 0).target("ms-dev"));
        long first = fixture(tenant, 0).completeSet("ms-a");
        long second = fixture(tenant, 0).completeSet("ms-b");
        // Weight without multi-assignment is stored (as 1.1 allows) but orders nothing yet.
        long firstAction = assign(tenant, 1, device.controllerId, first, 100);
        for (int node = 1; node <= 2; node++) {
            assertThat(device.poll(node).at("/_links/deploymentBase/href").asString())
                    .contains("/deploymentBase/" + firstAction);
        }
        assertThat(cachedSetting(1, tenant))
                .as("node 2 read the setting as off")
                .contains("false");
        assertThat(cachedSetting(2, tenant))
                .as("node 3 read the setting as off")
                .contains("false");

        fixture(tenant, 0).config(KEY, "true");
        awaitSeenOn(tenant);
        assertThat(nodes.get(1).received(TenantConfigurationChangedEvent.class))
                .as("node 2 heard of the change from node 1")
                .anyMatch(e ->
                        e.getTenant().equals(tenant) && e.getOriginService().equals("multi-node-1"));

        long secondAction = assign(tenant, 1, device.controllerId, second, 900);
        JsonNode actions = mgmt(tenant, 2, "GET", "/rest/v1/targets/ms-dev/actions?sort=id:ASC")
                .json();
        assertThat(actions.get("total").asInt()).isEqualTo(2);
        assertThat(actions.get("content"))
                .extracting(a -> a.get("id").asLong() + ":" + a.get("status").asString() + ":"
                        + a.get("active").asBoolean())
                .as("the first is not canceled")
                .containsExactly(firstAction + ":running:true", secondAction + ":running:true");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                device.poll(2).at("/_links/deploymentBase/href").asString())
                        .as("node 3 serves the heavier action")
                        .contains("/deploymentBase/" + secondAction));
        JsonAssert.statusCode(device.get(2, "/deploymentBase/" + firstAction), 200);
    }

    /**
     * An assignment reads the setting as stored, not as the node's cache has it: node 3, cut off from the broker while
     * the setting went on and still caching it as off, keeps the open action when a second set (and then two more in
     * one request) is assigned through it. Back on the broker, it serves the heaviest.
     */
    @Test
    void anAssignmentThroughANodeThatMissedTheSwitch_keepsTheOpenActionToo() {
        String tenant = "MA_STALE";
        Device device = new Device(tenant, "mt-dev", fixture(tenant, 0).target("mt-dev"));
        long first = fixture(tenant, 0).completeSet("mt-a");
        long second = fixture(tenant, 0).completeSet("mt-b");
        long third = fixture(tenant, 0).completeSet("mt-c");
        long fourth = fixture(tenant, 0).completeSet("mt-d");
        long firstAction = assign(tenant, 2, "mt-dev", first, 100);
        device.poll(2);
        assertThat(cachedSetting(2, tenant))
                .as("node 3 read the setting as off")
                .contains("false");
        ClusterNode cutOff = nodes.get(2);
        long secondAction;
        cutOff.broker.disable();
        try {
            fixture(tenant, 0).config(KEY, "true");
            assertThat(cachedSetting(2, tenant))
                    .as("node 3 missed the eviction")
                    .contains("false");
            secondAction = assign(tenant, 2, "mt-dev", second, 900);
            ApiClient.Response two = mgmt(
                    tenant,
                    2,
                    "POST",
                    "/rest/v1/targets/mt-dev/assignedDS",
                    "[{\"id\":" + third + ",\"weight\":300},{\"id\":" + fourth + ",\"weight\":200}]");
            JsonAssert.statusCode(two, 200);
            assertThat(two.json().get("assigned").asInt()).isEqualTo(2);
            JsonNode open = mgmt(tenant, 2, "GET", "/rest/v1/targets/mt-dev/actions?q=active==true")
                    .json();
            assertThat(open.get("total").asInt()).as("four open actions").isEqualTo(4);
            assertThat(open.get("content"))
                    .extracting(a -> a.get("status").asString())
                    .as("none canceled")
                    .containsOnly("running");
        } finally {
            cutOff.broker.enable();
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(offered(device, 2))
                        .as("node 3, back on the broker, serves the heaviest")
                        .isEqualTo(secondAction));
        JsonAssert.statusCode(device.get(2, "/deploymentBase/" + firstAction), 200);
    }

    /**
     * Four sets assigned through different nodes with different weights; the device polls node 3 and gets them in
     * hawkBit's order (highest weight, none counting as 1000, the oldest first among equals), finishing each through
     * one node and being offered the next through another.
     */
    @Test
    void weightsAssignedThroughAllNodes_theDeviceIsServedInOrderWhicheverNodeItPolls() {
        String tenant = "MA_ORDER";
        fixture(tenant, 0).config(KEY, "true");
        awaitSeenOn(tenant);
        Device device = new Device(tenant, "mo-dev", fixture(tenant, 1).target("mo-dev"));
        long light = assign(tenant, 0, "mo-dev", fixture(tenant, 0).completeSet("mo-light"), 200);
        long heavy = assign(tenant, 1, "mo-dev", fixture(tenant, 1).completeSet("mo-heavy"), 800);
        long unweighted = assign(tenant, 2, "mo-dev", fixture(tenant, 2).completeSet("mo-none"), null);
        long heavyToo = assign(tenant, 0, "mo-dev", fixture(tenant, 0).completeSet("mo-heavy2"), 800);

        List<Long> order = List.of(unweighted, heavy, heavyToo, light);
        // Polled on node 3 first; each action finished through node n, the next offered on node n + 1.
        assertThat(offered(device, 2)).isEqualTo(unweighted);
        for (int i = 0; i < order.size(); i++) {
            int finishedOn = i % 3;
            int polledOn = (i + 1) % 3;
            device.finish(finishedOn, order.get(i));
            if (i + 1 < order.size()) {
                long next = order.get(i + 1);
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(offered(device, polledOn))
                                .as("offered on node " + (polledOn + 1))
                                .isEqualTo(next));
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode links = device.poll(1).get("_links");
            assertThat(links.has("deploymentBase")).isFalse();
            assertThat(links.get("installedBase").get("href").asString()).endsWith("/installedBase/" + light);
        });
        assertThat(mgmt(tenant, 2, "GET", "/rest/v1/targets/mo-dev/installedDS")
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("mo-light-set");
    }

    /**
     * Once on, switching off (a write of false, in one key or several, or a reset) is refused on every node: also on
     * node 3, cut off from the broker while the setting went on, whose cache still says off.
     */
    @Test
    void switchingOff_isRefusedOnEveryNode_alsoWhereTheCacheStillSaysOff() {
        String tenant = "MA_OFF";
        Device device = new Device(tenant, "mf-dev", fixture(tenant, 0).target("mf-dev"));
        device.poll(2);
        assertThat(cachedSetting(2, tenant))
                .as("node 3 read the setting as off")
                .contains("false");
        ClusterNode cutOff = nodes.get(2);
        cutOff.broker.disable();
        try {
            fixture(tenant, 0).config(KEY, "true");
            await().atMost(WAIT).until(() -> !cachedSetting(1, tenant).contains("false"));
            assertThat(cachedSetting(2, tenant))
                    .as("node 3 missed the eviction")
                    .contains("false");
            for (int node = 0; node < 3; node++) {
                JsonAssert.error(mgmt(tenant, node, "PUT", CONFIG, "{\"value\":false}"), 403, NOT_ALLOWED);
                JsonAssert.error(
                        mgmt(tenant, node, "PUT", "/rest/v1/system/configs", "{\"" + KEY + "\":false}"),
                        403,
                        NOT_ALLOWED);
                JsonAssert.error(mgmt(tenant, node, "DELETE", CONFIG, null), 403, NOT_ALLOWED);
                JsonNode stored = mgmt(tenant, node, "GET", CONFIG, null).json();
                assertThat(stored.get("value").asBoolean())
                        .as("node " + (node + 1))
                        .isTrue();
                JsonAssert.statusCode(mgmt(tenant, node, "PUT", CONFIG, "{\"value\":true}"), 200);
            }
        } finally {
            cutOff.broker.enable();
        }
        // Back on the broker, node 3 flushes its caches and reads the setting as it is.
        await().atMost(WAIT).until(() -> !cachedSetting(2, tenant).contains("false"));
        assertThat(mgmt(tenant, 2, "GET", CONFIG, null).json().get("value").asBoolean())
                .isTrue();
    }

    /** Waits until no node holds the tenant's settings cached from before multi-assignment went on. */
    private static void awaitSeenOn(String tenant) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (int node = 0; node < nodes.size(); node++) {
                assertThat(cachedSetting(node, tenant))
                        .as("node " + (node + 1) + " still has the setting cached as off")
                        .doesNotContain("false");
            }
        });
    }

    /**
     * The multi-assignment setting in a node's {@code tenant-config} cache: empty when nothing is cached for the
     * tenant, {@code "false"} when the cached settings leave it at its default.
     */
    @SuppressWarnings("unchecked")
    private static List<String> cachedSetting(int node, String tenant) {
        Cache cache = nodes.get(node).bean(CacheManager.class).getCache(CacheNames.TENANT_CONFIG);
        Cache.ValueWrapper cached = cache.get(tenant);
        if (cached == null) {
            return List.of();
        }
        return List.of(((Map<String, String>) cached.get()).getOrDefault(KEY, "false"));
    }

    private static Fixture fixture(String tenant, int node) {
        return new Fixture(admin(tenant, node));
    }

    private static ApiClient admin(String tenant, int node) {
        String user = tenant.toLowerCase();
        return nodes.get(node).api.as(user, user);
    }

    private static ApiClient.Response mgmt(String tenant, int node, String method, String path, String body) {
        return admin(tenant, node).mgmt(method, path, body);
    }

    private static ApiClient.Response mgmt(String tenant, int node, String method, String path) {
        return mgmt(tenant, node, method, path, null);
    }

    /** Assigns a set to the target through a node's {@code POST /targets/{id}/assignedDS}; returns the new action. */
    private static long assign(String tenant, int node, String controllerId, long set, Integer weight) {
        ApiClient.Response assigned = mgmt(
                tenant,
                node,
                "POST",
                "/rest/v1/targets/" + controllerId + "/assignedDS",
                "{\"id\":" + set + (weight == null ? "" : ",\"weight\":" + weight) + "}");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(1);
        return assigned.json().get("assignedActions").get(0).get("id").asLong();
    }

    /** The action the device's poll of a node links as its deploymentBase. */
    private static long offered(Device device, int node) {
        String href = device.poll(node).at("/_links/deploymentBase/href").asString();
        assertThat(href).as("a deploymentBase link").contains("/deploymentBase/");
        String id = href.substring(href.indexOf("/deploymentBase/") + "/deploymentBase/".length());
        return Long.parseLong(id.contains("?") ? id.substring(0, id.indexOf('?')) : id);
    }

    /** A device of a tenant, talking DDI to whichever node a step names. */
    private record Device(String tenant, String controllerId, String token) {

        ApiClient.Response get(int node, String path) {
            return nodes.get(node)
                    .api
                    .send(
                            "GET",
                            "/" + tenant + "/controller/v1/" + controllerId + path,
                            (byte[]) null,
                            Map.of("Authorization", "TargetToken " + token));
        }

        JsonNode poll(int node) {
            ApiClient.Response poll = get(node, "");
            JsonAssert.statusCode(poll, 200);
            return poll.json();
        }

        void finish(int node, long action) {
            ApiClient.Response closed = nodes.get(node)
                    .api
                    .send(
                            "POST",
                            "/" + tenant + "/controller/v1/" + controllerId + "/deploymentBase/" + action + "/feedback",
                            "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                            Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
            JsonAssert.statusCode(closed, 200);
        }
    }
}
