package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Per-node caches in a two-node cluster on the real broker and database: a change through one node shows in the
 * other's answers as soon as the event arrives, not after a TTL; without the broker, staleness is bounded by the
 * TTL; when the broker returns, the node flushes its caches, and a node whose events could not be sent tells the
 * others to flush theirs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CacheClusterIT {

    /** The database of the current run of the class. */
    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration TTL = Duration.ofSeconds(4);

    @TempDir
    static Path artifacts;

    static String database;
    /** No TTL at all: only events can make it see a change. */
    static ClusterNode eventsOnly;
    /** A short TTL, the backstop when events cannot arrive. */
    static ClusterNode withTtl;

    static String token;

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        eventsOnly = new ClusterNode("cache-node-1", database, artifacts);
        withTtl = new ClusterNode("cache-node-2", database, artifacts, "--hawkbit.cache.global.ttl=4s");
        await().atMost(WAIT)
                .until(() -> eventsOnly.bean(ClusterMembers.class).live().size() == 2
                        && withTtl.bean(ClusterMembers.class).live().size() == 2);
        token = new Fixture(eventsOnly.api).target("cached-device");
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        if (eventsOnly != null) {
            eventsOnly.close();
        }
        if (withTtl != null) {
            withTtl.close();
        }
        if (database != null) {
            server.drop(database);
        }
        // The next run of the class (on the other database) starts from nothing.
        eventsOnly = withTtl = null;
        database = null;
        token = null;
    }

    private static String sleep(ClusterNode node) {
        ApiClient.Response poll = node.api.send(
                "GET",
                "/DEFAULT/controller/v1/cached-device",
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + token));
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
        return poll.json().at("/config/polling/sleep").asString();
    }

    private static void setPollingTime(ClusterNode node, String value) {
        assertThat(node.api
                        .mgmt("PUT", "/rest/v1/system/configs/pollingTime", "{\"value\":\"" + value + "\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void changeThroughOneNode_showsOnTheOtherAsSoonAsTheEventArrives() {
        assertThat(sleep(eventsOnly)).isEqualTo("00:05:00");
        assertThat(sleep(eventsOnly)).as("now served from its cache").isEqualTo("00:05:00");

        long start = System.nanoTime();
        setPollingTime(withTtl, "00:07:00");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> sleep(eventsOnly).equals("00:07:00"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Change through node 2 seen in node 1's poll after " + millis + " ms");
        assertThat(millis)
                .as("bounded by event latency; this node has no TTL at all")
                .isLessThan(TTL.toMillis());
    }

    @Test
    @Order(2)
    void revokedDeviceToken_isRefusedByTheOtherNodeOnceTheEventArrives() {
        String oldToken = token;
        assertThat(sleep(eventsOnly)).isNotBlank();
        eventsOnly.api.mgmt("PUT", "/rest/v1/targets/cached-device", "{\"securityToken\":\"rotated-token-1\"}");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> withTtl.api
                                .send(
                                        "GET",
                                        "/DEFAULT/controller/v1/cached-device",
                                        (byte[]) null,
                                        Map.of("Authorization", "TargetToken " + oldToken))
                                .status()
                        == 401);
        token = "rotated-token-1";
        assertThat(sleep(withTtl)).isNotBlank();
    }

    @Test
    @Order(3)
    void withoutTheBroker_stalenessIsBoundedByTheTtl() {
        assertThat(sleep(withTtl)).isEqualTo("00:07:00");
        withTtl.broker.disable();
        setPollingTime(eventsOnly, "00:09:00");
        long changed = System.nanoTime();
        assertThat(sleep(withTtl))
                .as("cut off from events, the node still serves its cached value")
                .isEqualTo("00:07:00");
        await().atMost(TTL.plusSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> sleep(withTtl).equals("00:09:00"));
        long millis = (System.nanoTime() - changed) / 1_000_000;
        System.out.println("Without the broker, node 2 served the old value for " + millis + " ms (TTL "
                + TTL.toMillis() + " ms)");
        assertThat(millis).isLessThanOrEqualTo(TTL.toMillis() + 1000);
    }

    @Test
    @Order(4)
    void brokerBack_flushesTheNodesCaches() {
        double flushesBefore = withTtl.counter("hawkbit.cache.flushes", "reason", "broker-reconnect");
        withTtl.broker.enable();
        await().atMost(WAIT)
                .until(() -> withTtl.counter("hawkbit.cache.flushes", "reason", "broker-reconnect") > flushesBefore);
        // And events reach it again.
        withTtl.received.clear();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            setPollingTime(eventsOnly, "00:1" + (System.nanoTime() % 10) + ":00");
            assertThat(withTtl.received(TenantConfigurationChangedEvent.class))
                    .anyMatch(e -> e.getOriginService().equals("cache-node-1"));
        });
    }

    @Test
    @Order(5)
    void eventsLostWhileTheSenderWasCutOff_flushTheOtherNodeWhenTheSenderIsBack() {
        setPollingTime(withTtl, "00:04:00");
        // Node 2's first send since step 3 also announces the events it lost there: node 1 must have flushed for that
        // notice before this step cuts node 2 off again, or the late flush would reload the value changed below.
        int noticesDue = withTtl.counterTotal("hawkbit.events.failed", "stage", "broker") > 0 ? 1 : 0;
        await().atMost(WAIT)
                .until(() -> withTtl.counter("hawkbit.events.published", "type", "EventsDroppedEvent") >= noticesDue
                        && eventsOnly.counter("hawkbit.cache.flushes", "reason", "events-dropped")
                                >= withTtl.counter("hawkbit.events.published", "type", "EventsDroppedEvent"));
        await().atMost(WAIT).until(() -> sleep(eventsOnly).equals("00:04:00"));

        double failedBefore = withTtl.counter("hawkbit.events.failed", "stage", "broker");
        withTtl.broker.disable();
        setPollingTime(withTtl, "00:06:00");
        await().atMost(WAIT).until(() -> withTtl.counter("hawkbit.events.failed", "stage", "broker") > failedBefore);
        assertThat(sleep(eventsOnly))
                .as("node 1 has no TTL and its broker connection never broke: only node 2 can tell it")
                .isEqualTo("00:04:00");

        double flushesBefore = eventsOnly.counter("hawkbit.cache.flushes", "reason", "events-dropped");
        withTtl.broker.enable();
        await().atMost(WAIT)
                .until(() -> eventsOnly.counter("hawkbit.cache.flushes", "reason", "events-dropped") > flushesBefore);
        assertThat(sleep(eventsOnly)).isEqualTo("00:06:00");
    }
}
