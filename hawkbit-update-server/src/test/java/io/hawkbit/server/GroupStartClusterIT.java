package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.CacheNames.TargetKey;
import io.hawkbit.repository.event.ActionCreatedEvent;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.springframework.cache.CacheManager;

/**
 * A rollout group started on one node of a two-node cluster (real broker and database): its set-based batches are
 * announced by one {@link DistributionSetAssignedEvent} each, which makes the other node, whose caches have no
 * effective TTL, serve the new deploymentBase link to a device whose poll answer it had cached; and a group with more
 * actions than the sender's publish queue holds drops no event, so no node flushes its caches.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass
@EnumSource(TestDatabase.class)
class GroupStartClusterIT {

    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BATCH = 150;
    private static final int PUBLISH_QUEUE = 100;

    @TempDir
    static Path artifacts;

    static String database;
    /** Starts the groups: the rollout scheduler runs here only, with a publish queue of {@link #PUBLISH_QUEUE}. */
    static ClusterNode starter;
    /** Serves the devices from its caches (the cluster profile's 10 min TTL: only events can refresh them). */
    static ClusterNode server2;

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        starter = new ClusterNode(
                "group-node-1",
                database,
                artifacts,
                "--hawkbit.cluster.publish-queue-capacity=" + PUBLISH_QUEUE,
                "--hawkbit.scheduler.rollout.batch-size=" + BATCH);
        server2 = new ClusterNode("group-node-2", database, artifacts, "--hawkbit.scheduler.rollout.enabled=false");
        await().atMost(WAIT)
                .until(() -> starter.bean(ClusterMembers.class).live().size() == 2
                        && server2.bean(ClusterMembers.class).live().size() == 2);
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        if (starter != null) {
            starter.close();
        }
        if (server2 != null) {
            server2.close();
        }
        if (database != null) {
            server.drop(database);
        }
        starter = server2 = null;
        database = null;
    }

    @Test
    @Order(1)
    void groupStartedOnOneNode_otherNodeServesTheNewDeploymentBaseInsteadOfItsCachedAnswer() {
        // Created through node 2: their own events (one per target) would overrun node 1's small queue.
        Fixture fixture = new Fixture(server2.api);
        long set = fixture.completeSet("gsa");
        fixture.targets("gsa-", 2 * BATCH);
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "gsa-watched");
        assertThat(devices.offeredAction(server2.api, "gsa-watched")).isNull();
        TargetKey key = new TargetKey("DEFAULT", "gsa-watched");
        assertThat(server2.bean(CacheManager.class)
                        .getCache(CacheNames.POLL_STATE)
                        .get(key))
                .as("node 2 answers the next poll from its cache")
                .isNotNull();

        double flushes = sum(server2, "hawkbit.cache.flushes");
        long rollout = RolloutApiIT.rollout(starter.api, "gsa", "controllerId==gsa-*", set);
        await().atMost(WAIT)
                .until(() -> RolloutApiIT.status(starter.api, rollout).equals("ready"));
        JsonAssert.statusCode(starter.api.mgmt("POST", "/rest/v1/rollouts/" + rollout + "/start"), 204);

        Long offered = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> devices.offeredAction(server2.api, "gsa-watched"), a -> a != null);
        assertThat(devices.offeredAction(starter.api, "gsa-watched")).isEqualTo(offered);

        // The 301 actions came in batches of 150, each announced by one event naming its actions and devices.
        List<DistributionSetAssignedEvent> assigned = assignedOnServer2(set, 2 * BATCH + 1);
        assertThat(assigned).hasSize(3);
        assertThat(assigned.stream().flatMap(e -> e.getActionIds().stream())).contains(offered);
        assertThat(server2.received(ActionCreatedEvent.class))
                .as("no event per action")
                .noneMatch(e -> e.getDistributionSetId() == set);
        assertThat(server2.received(TargetUpdatedEvent.class))
                .noneMatch(e -> e.getControllerId().startsWith("gsa-"));
        assertThat(sum(server2, "hawkbit.cache.flushes"))
                .as("the answer was evicted, not flushed with everything else")
                .isEqualTo(flushes);
    }

    @Test
    @Order(2)
    void groupLargerThanThePublishQueue_dropsNoEvent_andFlushesNoCache() {
        // Two batches of 150 actions each: as two events per action, each batch overran the queue of 100.
        int size = 3 * PUBLISH_QUEUE;
        Fixture fixture = new Fixture(server2.api);
        long set = fixture.completeSet("gsb");
        fixture.targets("gsb-", size);
        double failed = sum(starter, "hawkbit.events.failed");
        double flushes = sum(server2, "hawkbit.cache.flushes");

        long rollout = RolloutApiIT.rollout(starter.api, "gsb", "controllerId==gsb-*", set);
        await().atMost(WAIT)
                .until(() -> RolloutApiIT.status(starter.api, rollout).equals("ready"));
        JsonAssert.statusCode(starter.api.mgmt("POST", "/rest/v1/rollouts/" + rollout + "/start"), 204);

        List<DistributionSetAssignedEvent> assigned = assignedOnServer2(set, size);
        assertThat(assigned).hasSize(size / BATCH);
        assertThat(sum(starter, "hawkbit.events.failed"))
                .as("events node 1 could not queue or send")
                .isEqualTo(failed);
        assertThat(sum(server2, "hawkbit.cache.flushes")).isEqualTo(flushes);
        assertThat(starter.api
                        .mgmt("GET", "/rest/v1/rollouts/" + rollout)
                        .json()
                        .get("totalTargets")
                        .asLong())
                .isEqualTo(size);
    }

    /** Awaits the starter's assignment events of the set on node 2 until they name {@code devices} devices in all. */
    private List<DistributionSetAssignedEvent> assignedOnServer2(long set, int devices) {
        return await().atMost(WAIT)
                .until(
                        () -> fromStarter(server2.received(DistributionSetAssignedEvent.class), set),
                        a -> a.stream()
                                        .mapToInt(e -> e.getControllerIds().size())
                                        .sum()
                                == devices);
    }

    private static List<DistributionSetAssignedEvent> fromStarter(List<DistributionSetAssignedEvent> events, long set) {
        return events.stream()
                .filter(e -> e.getOriginService().equals(starter.id) && e.getEntityId() == set)
                .toList();
    }

    /** The counter summed over all its tags (types, stages, reasons). */
    private static double sum(ClusterNode node, String name) {
        return node.bean(MeterRegistry.class).find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
