package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Two nodes on MariaDB and the real RabbitMQ, a browser on node 2's cluster page: node 1 appears in the member table
 * with the figures its heartbeat carries (events, cache hits, refusals, scheduler locks), and a target created on
 * node 1 shows up in node 2's live feed, named after node 1; DDI polls on both nodes add up on node 1's dashboard.
 * Runs once (MariaDB); the cluster ITs cover PostgreSQL.
 */
// The second test locks the test's address out of node 1, which would refuse the first test's polls.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleClusterBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path artifacts;

    @TempDir
    static Path profile;

    static String database;
    static ClusterNode node1;
    static ClusterNode node2;

    @BeforeAll
    static void startCluster() throws Exception {
        TestDatabase.MARIADB.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = TestDatabase.MARIADB.create();
        // Node 1 locks a client out after two failed device logins, and nobody is whitelisted, so the test can make it
        // refuse requests and watch node 2 show the count.
        node1 = new ClusterNode(
                "ui-node-1",
                database,
                artifacts,
                "--hawkbit.server.security.dos.filter.whitelist=",
                "--hawkbit.server.security.login.ddi-max-attempts=2");
        node2 = new ClusterNode("ui-node-2", database, artifacts);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(node2.bean(ClusterMembers.class).live())
                        .extracting(ClusterMembers.Member::id)
                        .containsExactly("ui-node-1", "ui-node-2"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterNode node : new ClusterNode[] {node1, node2}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            TestDatabase.MARIADB.drop(database);
        }
    }

    /**
     * Over plain HTTP (no browser needed): polls on each node add up on node 1's dashboard, node 2's carried by its
     * heartbeat, and node 1's cluster page shows each node's own figure.
     */
    @Test
    @Order(1)
    void node1sDashboard_sumsTheDdiPollsOfBothNodes_andItsClusterPageShowsEachNodes() {
        Fixture fixture = new Fixture(node1.api);
        Map<String, String> device = Map.of("Authorization", "TargetToken " + fixture.target("polls-both-nodes"));
        for (int i = 0; i < 5; i++) {
            JsonAssert.statusCode(
                    node2.api.send("GET", "/DEFAULT/controller/v1/polls-both-nodes", (byte[]) null, device), 200);
        }
        for (int i = 0; i < 2; i++) {
            JsonAssert.statusCode(
                    node1.api.send("GET", "/DEFAULT/controller/v1/polls-both-nodes", (byte[]) null, device), 200);
        }
        ConsoleSession admin = new ConsoleSession(node1.api);
        admin.signIn("admin", "admin");
        await().atMost(WAIT).untilAsserted(() -> {
            String dashboard = admin.get("/ui").text();
            assertThat(dashboard).contains("id=\"count-polls\">7<").contains("on 2 nodes");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            String nodes = admin.get("/ui/cluster/nodes").text();
            assertThat(pollsCell(nodes, "ui-node-1")).isEqualTo("2");
            assertThat(pollsCell(nodes, "ui-node-2")).isEqualTo("5");
        });
    }

    /** The polls column of a node's row in the node table's HTML. */
    private static String pollsCell(String html, String node) {
        int row = html.indexOf("data-node=\"" + node + "\"");
        assertThat(row).as(node + " in " + html).isNotNegative();
        Matcher m = Pattern.compile("<td class=\"polls\">([^<]*)</td>").matcher(html);
        assertThat(m.find(row)).as("polls of " + node).isTrue();
        return m.group(1);
    }

    @Test
    @Order(2)
    void node2sClusterPage_showsNode1sFigures_andNode1sEventsLive() {
        try (ConsoleBrowser ui = ConsoleBrowser.start(node2.api.port(), profile)) {
            ui.signIn("admin", "admin");
            ui.open("/ui/cluster");
            assertThat(ui.text(By.id("self"))).isEqualTo("ui-node-2");
            await().atMost(WAIT).until(() -> ui.text(By.id("feed-state")).contains("live"));

            JsonAssert.statusCode(
                    node1.api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"made-on-node-1\"}]"), 201);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(ui.text(By.id("feed")))
                            .contains("TargetCreatedEvent")
                            .contains("ui-node-1")
                            .contains("made-on-node-1"));

            // A device with a wrong token, three times on node 1: two 401s, then the lockout refuses it.
            Map<String, String> wrong = Map.of("Authorization", "TargetToken wrong");
            for (int i = 0; i < 3; i++) {
                node1.api.send("GET", "/DEFAULT/controller/v1/made-on-node-1", (byte[]) null, wrong);
            }
            By node1Row = By.cssSelector("tr[data-node='ui-node-1']");
            // The node table is swapped for a fresh one every 5 s: an element read across the swap is stale.
            await().atMost(WAIT)
                    .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                    .untilAsserted(() -> {
                        assertThat(ui.text(node1Row)).contains("ui-node-1");
                        assertThat(ui.text(By.cssSelector("tr[data-node='ui-node-1'] .rejections")))
                                .isEqualTo("0 requests, 1 logins");
                        assertThat(ui.text(By.cssSelector("tr[data-node='ui-node-1'] .events")))
                                .matches("\\d+\\.\\d out, \\d+\\.\\d in");
                        assertThat(ui.text(By.cssSelector("tr[data-node='ui-node-1'] .cache-hits")))
                                .matches("\\d+ %|no lookups yet");
                    });
            // Every node runs the schedulers; whichever took a lock last shows it, so across both rows some job shows.
            await().atMost(WAIT)
                    .ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                    .until(() -> !(ui.text(By.cssSelector("tr[data-node='ui-node-1'] .locks"))
                                    + ui.text(By.cssSelector("tr[data-node='ui-node-2'] .locks")))
                            .replace("none yet", "")
                            .isBlank());
            ui.screenshot("cluster-two-nodes");
        }
    }
}
