package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The confirmation flow in a two-node cluster on the real broker and database: the device polls one node, while its
 * consent and the operator's switches arrive through the other. Each node caches poll answers and tenant settings, so
 * what the device is offered changes only because the events evict them.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConfirmationClusterIT {

    static TestDatabase server;

    @Parameter
    TestDatabase parameter;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path artifacts;

    static String database;
    static ClusterNode polled;
    static ClusterNode other;

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        database = server.create();
        polled = new ClusterNode("confirm-node-1", database, artifacts);
        other = new ClusterNode("confirm-node-2", database, artifacts);
        await().atMost(WAIT)
                .until(() -> polled.bean(ClusterMembers.class).live().size() == 2
                        && other.bean(ClusterMembers.class).live().size() == 2);
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        if (polled != null) {
            polled.close();
        }
        if (other != null) {
            other.close();
        }
        if (database != null) {
            server.drop(database);
        }
        polled = other = null;
        database = null;
    }

    @Test
    void consentThroughOneNode_changesWhatTheOtherOffersTheDevice() {
        Fixture fixture = new Fixture(other.api);
        // Read the setting on the polled node first, so its cached value must be evicted by the change.
        assertThat(polled.api.mgmt("GET", "/rest/v1/targets").status()).isEqualTo(200);
        fixture.config("user.confirmation.flow.enabled", "true");
        String token = fixture.target("cc-dev");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(polled.api
                                .mgmt("GET", "/rest/v1/targets/cc-dev")
                                .json()
                                .has("autoConfirmActive"))
                        .as("the polled node sees the flow switched on")
                        .isTrue());

        long set = fixture.completeSet("cc");
        long action = new Fixture(polled.api).assign("cc-dev", set, "forced");
        assertThat(poll(auth).at("/_links/confirmationBase/href").asString()).contains("/confirmationBase/" + action);
        assertThat(poll(auth).at("/_links/confirmationBase").isMissingNode())
                .as("now answered from the polled node's cache")
                .isFalse();

        ApiClient.Response confirmed = other.api.send(
                "POST",
                "/DEFAULT/controller/v1/cc-dev/confirmationBase/" + action + "/feedback",
                "{\"confirmation\":\"confirmed\"}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                poll(auth).at("/_links/deploymentBase/href").asString())
                        .contains("/deploymentBase/" + action));

        ApiClient.Response finished = other.api.send(
                "POST",
                "/DEFAULT/controller/v1/cc-dev/deploymentBase/" + action + "/feedback",
                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(finished.status()).as(finished.text()).isEqualTo(200);

        // Auto-confirmation switched on through one node confirms what a later assignment through the other creates.
        assertThat(other.api
                        .mgmt("POST", "/rest/v1/targets/cc-dev/autoConfirm/activate")
                        .status())
                .isEqualTo(204);
        long next = new Fixture(polled.api).assign("cc-dev", fixture.completeSet("cc2"), "forced");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                poll(auth).at("/_links/deploymentBase/href").asString())
                        .contains("/deploymentBase/" + next));
        fixture.config("user.confirmation.flow.enabled", "false");
    }

    private static tools.jackson.databind.JsonNode poll(Map<String, String> auth) {
        ApiClient.Response poll = polled.api.send("GET", "/DEFAULT/controller/v1/cc-dev", (byte[]) null, auth);
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
        return poll.json();
    }
}
