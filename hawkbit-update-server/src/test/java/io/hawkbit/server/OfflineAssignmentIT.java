package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's offline assignment ({@code ?offline=true} on both assignment endpoints) and the device's own report of
 * an offline install ({@code PUT installedBase}): a finished action, the set installed and assigned, nothing for the
 * device to do.
 */
@MgmtApiTest
class OfflineAssignmentIT {

    private static final String NOT_FOUND = "hawkbit.server.error.repo.entitiyNotFound";
    private static final String NOT_READABLE = "hawkbit.server.error.rest.body.notReadable";

    @LocalServerPort
    int port;

    private ApiClient api;
    private Fixture fixture;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void targetEndpoint_recordsAFinishedAction_andTheDeviceHasNothingToDo() {
        long set = fixture.completeSet("offt");
        device("offt-1");

        ApiClient.Response assigned =
                api.mgmt("POST", "/rest/v1/targets/offt-1/assignedDS?offline=true", "{\"id\":" + set + "}");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(1);
        assertThat(assigned.json().get("alreadyAssigned").asInt()).isZero();
        assertThat(assigned.json().get("total").asInt()).isEqualTo(1);
        long action = assigned.json().get("assignedActions").get(0).get("id").asLong();

        assertFinishedOffline("offt-1", action, set);
    }

    @Test
    void setEndpoint_skipsPendingTargets_andOnesThatHaveTheSetAlready() {
        long set = fixture.completeSet("offd");
        long other = fixture.completeSet("offd-other");
        device("offd-1");
        device("offd-2");
        long pending = fixture.assign("offd-2", other, "forced");

        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets?offline=true",
                "[{\"id\":\"offd-1\"},{\"id\":\"offd-2\"},{\"id\":\"offd-unknown\"}]");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(1);
        assertThat(assigned.json().get("alreadyAssigned").asInt())
                .as("the pending target is left alone, the unknown one skipped, as hawkBit does")
                .isEqualTo(1);
        JsonNode recorded = assigned.json().get("assignedActions").get(0);
        assertThat(recorded.get("_links").get("self").get("href").asString()).contains("/targets/offd-1/actions/");
        assertFinishedOffline("offd-1", recorded.get("id").asLong(), set);

        JsonNode pendingAction =
                api.mgmt("GET", "/rest/v1/targets/offd-2/actions/" + pending).json();
        assertThat(pendingAction.get("status").asString()).isEqualTo("running");
        assertThat(poll("offd-2")
                        .json()
                        .get("_links")
                        .get("deploymentBase")
                        .get("href")
                        .asString())
                .contains("/deploymentBase/" + pending);

        ApiClient.Response again = api.mgmt(
                "POST", "/rest/v1/distributionsets/" + set + "/assignedTargets?offline=true", "[{\"id\":\"offd-1\"}]");
        JsonAssert.statusCode(again, 200);
        assertThat(again.json().get("assigned").asInt()).isZero();
        assertThat(again.json().get("alreadyAssigned").asInt()).isEqualTo(1);
        assertThat(actionCount("offd-1")).isEqualTo(1);
    }

    @Test
    void offline_refusesUnknownSets_andSeveralSetsForOneTarget() {
        long set = fixture.completeSet("offx");
        long other = fixture.completeSet("offx-other");
        device("offx-1");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/offx-1/assignedDS?offline=true", "{\"id\":987654321}"),
                404,
                NOT_FOUND);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/987654321/assignedTargets?offline=true",
                        "[{\"id\":\"offx-1\"}]"),
                404,
                NOT_FOUND);
        for (String query : new String[] {"?offline=true", ""}) {
            JsonAssert.error(
                    api.mgmt(
                            "POST",
                            "/rest/v1/targets/offx-1/assignedDS" + query,
                            "[{\"id\":" + set + "},{\"id\":" + other + "}]"),
                    400,
                    "hawkbit.server.error.multiassignmentNotEnabled");
        }
        assertThat(actionCount("offx-1")).isZero();
    }

    @Test
    void installedBasePut_recordsTheReportedSet_201ThenNothingToRecord200() {
        fixture.distributionSet("offr-set", "2.0.1", "os", fixture.module("offr-os", "1", "os"));
        device("offr-1");

        ApiClient.Response put =
                report("offr-1", tokens.get("offr-1"), "{\"name\":\"offr-set\",\"version\":\"2.0.1\"}");
        JsonAssert.statusCode(put, 201);
        JsonNode actions = api.mgmt("GET", "/rest/v1/targets/offr-1/actions").json();
        assertThat(actions.get("total").asInt()).isEqualTo(1);
        long action = actions.get("content").get(0).get("id").asLong();
        long set = api.mgmt("GET", "/rest/v1/targets/offr-1/installedDS")
                .json()
                .get("id")
                .asLong();
        assertFinishedOffline("offr-1", action, set);
        JsonNode status = api.mgmt("GET", "/rest/v1/targets/offr-1/actions/" + action + "/status")
                .json()
                .get("content")
                .get(0);
        assertThat(status.get("type").asString()).isEqualTo("finished");

        JsonAssert.statusCode(
                report("offr-1", tokens.get("offr-1"), "{\"name\":\"offr-set\",\"version\":\"2.0.1\"}"), 200);
        assertThat(actionCount("offr-1")).isEqualTo(1);
    }

    @Test
    void installedBasePut_refusesUnknownSetsBadBodiesAndOtherDevices() {
        fixture.distributionSet("offb-set", "1", "os", fixture.module("offb-os", "1", "os"));
        device("offb-1");
        device("offb-2");
        String token = tokens.get("offb-1");
        JsonAssert.error(report("offb-1", token, "{\"name\":\"offb-set\",\"version\":\"9\"}"), 404, NOT_FOUND);
        JsonAssert.error(report("offb-1", token, "{\"name\":\"nope\",\"version\":\"1\"}"), 404, NOT_FOUND);
        JsonAssert.error(report("offb-1", token, "{\"name\":\"offb-set\"}"), 400, NOT_READABLE);
        JsonAssert.error(report("offb-1", token, "{}"), 400, NOT_READABLE);
        assertThat(report("offb-1", token, "{\"name\":").status()).isEqualTo(400);
        assertThat(report("offb-1", null, "{\"name\":\"offb-set\",\"version\":\"1\"}")
                        .status())
                .isEqualTo(401);
        assertThat(report("offb-1", tokens.get("offb-2"), "{\"name\":\"offb-set\",\"version\":\"1\"}")
                        .status())
                .as("another device's token")
                .isEqualTo(401);
        assertThat(actionCount("offb-1")).isZero();
        assertThat(api.mgmt("GET", "/rest/v1/targets/offb-1/installedDS").status())
                .isEqualTo(204);
    }

    private void assertFinishedOffline(String controllerId, long action, long set) {
        JsonNode mgmtAction = api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action)
                .json();
        assertThat(mgmtAction.get("status").asString()).isEqualTo("finished");
        assertThat(mgmtAction.get("active").asBoolean()).isFalse();
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/installedDS")
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(set);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/assignedDS")
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(set);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + controllerId)
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("in_sync");
        ApiClient.Response poll = poll(controllerId);
        JsonAssert.statusCode(poll, 200);
        JsonNode links = poll.json().get("_links");
        assertThat(links.has("deploymentBase")).as("nothing to install").isFalse();
        assertThat(links.has("cancelAction")).isFalse();
        assertThat(links.get("installedBase").get("href").asString()).endsWith("/installedBase/" + action);
        JsonAssert.statusCode(ddi(controllerId, "/installedBase/" + action), 200);
    }

    private int actionCount(String controllerId) {
        return api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions")
                .json()
                .get("total")
                .asInt();
    }

    private void device(String controllerId) {
        tokens.put(controllerId, fixture.target(controllerId));
    }

    private ApiClient.Response poll(String controllerId) {
        return ddi(controllerId, "");
    }

    private ApiClient.Response ddi(String controllerId, String path) {
        return api.send(
                "GET",
                "/DEFAULT/controller/v1/" + controllerId + path,
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + tokens.get(controllerId)));
    }

    private ApiClient.Response report(String controllerId, String token, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        if (token != null) {
            headers.put("Authorization", "TargetToken " + token);
        }
        return api.send("PUT", "/DEFAULT/controller/v1/" + controllerId + "/installedBase", body, headers);
    }
}
