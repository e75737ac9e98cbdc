package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Multi-assignment's edges while it is off (the default), as hawkBit 1.1: an entry named twice in one request is
 * made once, a target given two different assignments in one request is a 400 (the second would cancel the first),
 * and a weight is taken but orders nothing.
 */
@MgmtApiTest
class MultiAssignmentOffIT {

    private static final String NOT_ENABLED = "hawkbit.server.error.multiassignmentNotEnabled";

    @LocalServerPort
    int port;

    @Test
    void oneTargetTwiceInOneRequest_isOneActionWhenEqual_refusedWhenNot() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("mo-twice");
        long other = fixture.completeSet("mo-other");
        fixture.target("mo-1");

        ApiClient.Response equal = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets",
                "[{\"id\":\"mo-1\",\"weight\":10},{\"id\":\"mo-1\",\"weight\":10}]");
        JsonAssert.statusCode(equal, 200);
        assertThat(equal.json().get("assigned").asInt()).isEqualTo(1);
        assertThat(equal.json().get("total").asInt()).isEqualTo(1);

        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + other + "/assignedTargets",
                        "[{\"id\":\"mo-1\",\"type\":\"soft\"},{\"id\":\"mo-1\",\"type\":\"forced\"}]"),
                400,
                NOT_ENABLED);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/targets/mo-1/assignedDS",
                        "[{\"id\":" + other + ",\"weight\":1},{\"id\":" + other + ",\"weight\":2}]"),
                400,
                NOT_ENABLED);
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/mo-1/assignedDS", "[{\"id\":" + set + "},{\"id\":" + other + "}]"),
                400,
                NOT_ENABLED);
        ApiClient.Response actions = api.mgmt("GET", "/rest/v1/targets/mo-1/actions");
        assertThat(actions.json().get("total").asInt())
                .as("refusals change nothing")
                .isEqualTo(1);
        assertThat(actions.json().get("content").get(0).get("weight").asInt())
                .as("a weight is kept without multi-assignment, as in 1.1")
                .isEqualTo(10);

        ApiClient.Response equalBySet = api.mgmt(
                "POST",
                "/rest/v1/targets/mo-1/assignedDS",
                "[{\"id\":" + other + ",\"type\":\"soft\"},{\"id\":" + other + ",\"type\":\"soft\"}]");
        JsonAssert.statusCode(equalBySet, 200);
        assertThat(equalBySet.json().get("assigned").asInt()).isEqualTo(1);
        JsonNode newestFirst =
                api.mgmt("GET", "/rest/v1/targets/mo-1/actions").json().get("content");
        assertThat(newestFirst.get(0).get("status").asString()).isEqualTo("running");
        assertThat(newestFirst.get(1).get("status").asString())
                .as("without multi-assignment the new action cancels the first")
                .isEqualTo("canceling");
    }
}
