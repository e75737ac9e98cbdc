package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.event.TargetCreatedEvent;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
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
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.cloud.bus.BusConstants;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;

/**
 * Three nodes on one database (MariaDB, then PostgreSQL) and the real RabbitMQ: events reach every node, side effects
 * happen once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ClusterEventsIT {

    /** The database of the current run of the class. */
    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path artifacts;

    static String database;
    static ClusterNode node1;
    static ClusterNode node2;
    static ClusterNode node3;

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        node1 = new ClusterNode("it-node-1", database, artifacts);
        node2 = new ClusterNode("it-node-2", database, artifacts);
        node3 = new ClusterNode("it-node-3", database, artifacts);
        await().atMost(WAIT).untilAsserted(() -> {
            for (ClusterNode node : nodes()) {
                assertThat(memberIds(node)).containsExactly("it-node-1", "it-node-2", "it-node-3");
            }
        });
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        for (ClusterNode node :
                Stream.of(node1, node2, node3).filter(n -> n != null).toList()) {
            node.close();
        }
        if (database != null) {
            server.drop(database);
        }
        // The next run of the class (on the other database) starts from nothing.
        node1 = node2 = node3 = null;
        database = null;
    }

    static List<ClusterNode> nodes() {
        return Stream.of(node1, node2, node3)
                .filter(n -> n != null && n.context.isActive())
                .toList();
    }

    static List<String> memberIds(ClusterNode node) {
        return node.bean(ClusterMembers.class).live().stream()
                .map(ClusterMembers.Member::id)
                .toList();
    }

    @Test
    @Order(1)
    void changeOnOneNode_reachesListenersOnAllNodes_andIsAuditedOnce() {
        double auditsBefore = nodes().stream()
                .mapToDouble(n -> n.counter("hawkbit.audit.entries", "type", "TargetCreatedEvent"))
                .sum();
        double node1AuditsBefore = node1.counter("hawkbit.audit.entries", "type", "TargetCreatedEvent");

        new Fixture(node1.api).target("cluster-device-1");

        await().atMost(WAIT).untilAsserted(() -> {
            for (ClusterNode node : nodes()) {
                assertThat(node.received(TargetCreatedEvent.class)).as(node.id).anySatisfy(e -> {
                    assertThat(e.getControllerId()).isEqualTo("cluster-device-1");
                    assertThat(e.getTenant()).isEqualTo("DEFAULT");
                    assertThat(e.getOriginService()).isEqualTo("it-node-1");
                });
            }
        });
        assertThat(node2.counter("hawkbit.events.received", "type", "TargetCreatedEvent"))
                .isPositive();
        double auditsAfter = nodes().stream()
                .mapToDouble(n -> n.counter("hawkbit.audit.entries", "type", "TargetCreatedEvent"))
                .sum();
        assertThat(auditsAfter - auditsBefore)
                .as("one audit line in the whole cluster")
                .isEqualTo(1);
        assertThat(node1.counter("hawkbit.audit.entries", "type", "TargetCreatedEvent") - node1AuditsBefore)
                .as("written by the node that made the change")
                .isEqualTo(1);
    }

    /** Runs after events have crossed the cluster (order 1), so a meter the listener recorded would be there. */
    @Test
    @Order(2)
    void busConsumer_usesTheRegexFreeHeaderMapper_andNoObservationTimesBusMessages() {
        for (ClusterNode node : nodes()) {
            List<Binding<?>> bindings = node.bean(BindingService.class).getConsumerBindings(BusConstants.INPUT);
            assertThat(bindings).as(node.id).hasSize(1);
            Object endpoint = new DirectFieldAccessor(bindings.get(0)).getPropertyValue("lifecycle");
            assertThat(endpoint).isInstanceOf(AmqpInboundChannelAdapter.class);
            assertThat(new DirectFieldAccessor(endpoint).getPropertyValue("headerMapper"))
                    .as(node.id)
                    .extracting(mapper -> mapper.getClass().getSimpleName())
                    .isEqualTo("BusHeaderMapper");
            assertThat(node.bean(MeterRegistry.class).getMeters())
                    .as("management.observations.enable.spring.rabbit|integration=false (%s)", node.id)
                    .extracting(meter -> meter.getId().getName())
                    .doesNotContainAnyElementsOf(List.of(
                            "spring.rabbit.listener",
                            "spring.rabbit.template",
                            "spring.integration.producer",
                            "spring.integration.handler",
                            "spring.integration.consumer"));
        }
        assertThat(node2.counter("hawkbit.events.received", "type", "TargetCreatedEvent"))
                .as("events were received through that mapper")
                .isPositive();
    }

    @Test
    @Order(3)
    void rolledBackChange_producesNoEvent() {
        new Fixture(node1.api).target("cluster-dup");
        int before = node2.received(TargetCreatedEvent.class).size();
        // The second item collides with the first: the whole batch rolls back.
        ApiClient.Response response = node1.api.mgmt(
                "POST", "/rest/v1/targets", "[{\"controllerId\":\"cluster-new\"},{\"controllerId\":\"cluster-dup\"}]");
        assertThat(response.status()).isEqualTo(409);
        new Fixture(node1.api).target("cluster-after");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(node2.received(TargetCreatedEvent.class))
                        .anyMatch(e -> e.getControllerId().equals("cluster-after")));
        assertThat(node2.received(TargetCreatedEvent.class)
                        .subList(
                                before, node2.received(TargetCreatedEvent.class).size()))
                .noneMatch(e -> e.getControllerId().equals("cluster-new"));
    }

    @Test
    @Order(4)
    void eventStream_onOneNode_showsChangesMadeOnAnother() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(node2.api.base() + "/rest/v1/events"))
                .header("Authorization", ApiClient.basic("admin", "admin"))
                .header("Accept", "text/event-stream")
                .build();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture.runAsync(() -> stream.join().body().forEach(lines::add));
        // Changes made before the subscription is in place are not shown; keep changing until one is.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            node1.api.mgmt(
                    "PUT", "/rest/v1/targets/cluster-device-1", "{\"description\":\"sse " + System.nanoTime() + "\"}");
            assertThat(lines).anyMatch(line -> line.equals("event:TargetUpdatedEvent"));
            assertThat(lines)
                    .anyMatch(line -> line.startsWith("data:")
                            && line.contains("\"type\":\"TargetUpdatedEvent\"")
                            && line.contains("\"origin\":\"it-node-1\"")
                            && line.contains("\"controllerId\":\"cluster-device-1\""));
        });
        stream.cancel(true);
    }

    @Test
    @Order(5)
    void brokerLost_writesStillSucceed_andTheNodeResubscribesWhenItReturns() {
        node3.broker.disable();
        long start = System.nanoTime();
        ApiClient.Response created =
                node3.api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"during-outage\"}]");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(created.status()).isEqualTo(201);
        assertThat(millis).as("the request does not wait for the broker").isLessThan(2000);
        assertThat(node3.api.mgmt("GET", "/rest/v1/targets/during-outage").status())
                .isEqualTo(200);

        node3.broker.enable();
        // Events published after recovery flow both ways again.
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            node1.api.mgmt(
                    "PUT", "/rest/v1/targets/cluster-device-1", "{\"description\":\"" + System.nanoTime() + "\"}");
            assertThat(node3.received(TargetUpdatedEvent.class))
                    .anyMatch(e -> e.getOriginService().equals("it-node-1")
                            && e.getControllerId().equals("cluster-device-1"));
        });
        node3.received.clear();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            node3.api.mgmt("PUT", "/rest/v1/targets/during-outage", "{\"description\":\"" + System.nanoTime() + "\"}");
            assertThat(node1.received(TargetUpdatedEvent.class))
                    .anyMatch(e -> e.getControllerId().equals("during-outage"));
        });
    }

    @Test
    @Order(6)
    void silentMember_dropsOutAfterTheTimeout_andReturns() {
        node3.broker.disable();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(memberIds(node1)).containsExactly("it-node-1", "it-node-2"));
        node3.broker.enable();
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(memberIds(node1)).containsExactly("it-node-1", "it-node-2", "it-node-3"));
    }

    @Test
    @Order(7)
    void stoppedNode_leavesTheMemberList() throws Exception {
        node3.close();
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(memberIds(node1)).containsExactly("it-node-1", "it-node-2");
            assertThat(memberIds(node2)).containsExactly("it-node-1", "it-node-2");
        });
    }
}
