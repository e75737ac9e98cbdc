package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DoS and login limits across three nodes on the real broker and database, with requests spread round-robin as a
 * load balancer would: node scope lets a client through about three times the limit, cluster scope about once; a
 * login lockout reached through one node holds on the others within a second.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ClusterLimitsIT {

    @Parameter
    TestDatabase server;

    /** Divisible by three, so the cluster share (rounded up) adds nothing. */
    private static final int LIMIT = 6;

    private static final int SECONDS = 5;
    private static final int SENDERS = 4;

    @TempDir
    Path artifacts;

    String database;
    List<ClusterNode> nodes = new ArrayList<>();

    @BeforeEach
    void databaseAndBroker() {
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
    }

    @AfterEach
    void stop() throws Exception {
        for (ClusterNode node : nodes) {
            node.close();
        }
        if (database != null) {
            server.drop(database);
        }
    }

    private void start(String scope) throws Exception {
        for (int i = 1; i <= 3; i++) {
            nodes.add(new ClusterNode(
                    "limits-" + scope + "-" + i,
                    database,
                    artifacts,
                    "--hawkbit.server.security.dos.filter.whitelist=",
                    "--hawkbit.server.security.dos.filter.trusted-proxies=127.0.0.1/32",
                    "--hawkbit.server.security.dos.filter.max-read=" + LIMIT,
                    "--hawkbit.server.security.dos.filter.scope=" + scope,
                    "--hawkbit.server.security.login.max-attempts=3",
                    "--hawkbit.server.security.login.scope=" + scope));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> nodes.stream()
                        .allMatch(n -> n.bean(ClusterMembers.class).live().size() == 3));
    }

    /** Accepted reads over the allowance of {@value #SECONDS} seconds, several senders going round-robin. */
    private double allowedOverLimit(String client) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            // Warm-up from other addresses, so the measured client meets warm nodes.
            nodes.get(i % 3)
                    .api
                    .send("GET", "/actuator/info", (byte[]) null, Map.of("X-Forwarded-For", "198.51.100." + i));
        }
        long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            Thread sender = new Thread(() -> {
                while (System.nanoTime() < end) {
                    ClusterNode node = nodes.get(sent.getAndIncrement() % nodes.size());
                    if (node.api
                                    .send("GET", "/actuator/info", (byte[]) null, Map.of("X-Forwarded-For", client))
                                    .status()
                            == 200) {
                        accepted.incrementAndGet();
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        // A window starts with a full bucket, so T seconds of sending span up to T+1 windows of one limit each.
        double ratio = accepted.get() / (double) (LIMIT * (SECONDS + 1));
        System.out.printf(
                "RESULT %s: sent %d, accepted %d, allowed/limit %.2f%n",
                nodes.get(0).id, sent.get(), accepted.get(), ratio);
        assertThat(sent.get())
                .as("the senders must outpace three times the limit to show anything")
                .isGreaterThan(3 * LIMIT * (SECONDS + 1));
        return ratio;
    }

    @Test
    void nodeScope_allowsAboutThreeTimesTheLimit() throws Exception {
        start("node");
        assertThat(allowedOverLimit("203.0.113.10")).isGreaterThan(2.4);
    }

    @Test
    void clusterScope_holdsTheLimitForTheWholeCluster_andSharesLockouts() throws Exception {
        start("cluster");
        assertThat(allowedOverLimit("203.0.113.20")).isLessThanOrEqualTo(1.2).isGreaterThan(0.6);

        // Three wrong passwords through node 1 lock the user on nodes 2 and 3 too, even with the right password.
        // (From three addresses, so the request limit of one address does not get in the way.)
        for (int i = 0; i < 3; i++) {
            Map<String, String> wrong =
                    Map.of("Authorization", ApiClient.basic("admin", "wrong"), "X-Forwarded-For", "203.0.113.4" + i);
            assertThat(nodes.get(0)
                            .api
                            .send("GET", "/rest/v1/targets", (byte[]) null, wrong)
                            .status())
                    .isEqualTo(401);
        }
        long locked = System.nanoTime();
        Map<String, String> right =
                Map.of("Authorization", ApiClient.basic("admin", "admin"), "X-Forwarded-For", "203.0.113.31");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> {
                    for (ClusterNode node : nodes.subList(1, 3)) {
                        ApiClient.Response refused = node.api.send("GET", "/rest/v1/targets", (byte[]) null, right);
                        assertThat(refused.status()).isEqualTo(429);
                        assertThat(refused.header("Retry-After")).isNotBlank();
                    }
                });
        System.out.printf(
                "RESULT lockout through node 1 enforced on nodes 2 and 3 after %d ms%n",
                (System.nanoTime() - locked) / 1_000_000);
    }
}
