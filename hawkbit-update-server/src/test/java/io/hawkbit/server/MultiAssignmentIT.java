package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.autoassign.AutoAssignScheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's multi-assignment: several open actions per target, served to the device by weight (highest first,
 * none counting as 1000, the oldest first among equals); the switch cannot go back to off. Its own context, as the
 * switch stays on for the tenant.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hawkbit.artifact.storage.path=target/multi-assignment-it/${random.uuid}")
@ActiveProfiles("test")
class MultiAssignmentIT {

    private static final String KEY = "/rest/v1/system/configs/multi.assignments.enabled";

    @LocalServerPort
    int port;

    @Autowired
    AutoAssignScheduler autoAssignment;

    private ApiClient api;
    private Fixture fixture;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        fixture.config("multi.assignments.enabled", "true");
    }

    @Test
    void setting_cannotBeSwitchedOffOnceOn() {
        JsonAssert.error(
                api.mgmt("PUT", KEY, "{\"value\":false}"),
                403,
                "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed");
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/system/configs", "{\"multi.assignments.enabled\":false}"),
                403,
                "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed");
        JsonAssert.error(
                api.mgmt("DELETE", KEY), 403, "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed");
        assertThat(api.mgmt("GET", KEY).json().get("value").asBoolean()).isTrue();
        JsonAssert.statusCode(api.mgmt("PUT", KEY, "{\"value\":true}"), 200);
    }

    @Test
    void severalSets_areServedByWeight_andFinishingOneServesTheNext() {
        long low = fixture.completeSet("mal");
        long high = fixture.completeSet("mah");
        device("ma-1");
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/ma-1/assignedDS",
                "[{\"id\":" + low + ",\"weight\":100},{\"id\":" + high + ",\"weight\":500}]");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(2);
        long lowAction = assigned.json().get("assignedActions").get(0).get("id").asLong();
        long highAction =
                assigned.json().get("assignedActions").get(1).get("id").asLong();
        assertThat(status("ma-1", lowAction)).isEqualTo("running");
        assertThat(status("ma-1", highAction)).isEqualTo("running");

        assertThat(deploymentLink("ma-1")).contains("/deploymentBase/" + highAction);
        JsonAssert.statusCode(ddi("ma-1", "/deploymentBase/" + lowAction), 200);
        close("ma-1", highAction);
        assertThat(deploymentLink("ma-1")).as("the next action by weight").contains("/deploymentBase/" + lowAction);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ma-1/installedDS")
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(high);
        close("ma-1", lowAction);
        JsonNode links = ddi("ma-1", "").json().get("_links");
        assertThat(links.has("deploymentBase")).isFalse();
        assertThat(links.get("installedBase").get("href").asString()).endsWith("/installedBase/" + lowAction);
    }

    @Test
    void aNewAssignment_keepsTheOpenOne_andEqualWeightsGoOldestFirst() {
        long first = fixture.completeSet("maf");
        long second = fixture.completeSet("mas");
        long third = fixture.completeSet("mat");
        device("ma-2");
        long firstAction = assign("ma-2", first, "{\"id\":\"ma-2\",\"weight\":1000}");
        long secondAction = assign("ma-2", second, "{\"id\":\"ma-2\"}");
        assertThat(status("ma-2", firstAction)).as("not canceled").isEqualTo("running");
        assertThat(deploymentLink("ma-2"))
                .as("no weight counts as 1000: the older one first")
                .contains("/deploymentBase/" + firstAction);
        long thirdAction = assign("ma-2", third, "{\"id\":\"ma-2\",\"weight\":0}");
        long again = assign("ma-2", first, "{\"id\":\"ma-2\",\"weight\":1}");
        assertThat(again).as("the same set again is a new action").isNotEqualTo(firstAction);
        close("ma-2", firstAction);
        assertThat(deploymentLink("ma-2")).contains("/deploymentBase/" + secondAction);
        close("ma-2", secondAction);
        assertThat(deploymentLink("ma-2")).contains("/deploymentBase/" + again);
        close("ma-2", again);
        assertThat(deploymentLink("ma-2")).contains("/deploymentBase/" + thirdAction);
    }

    @Test
    void aRollout_addsItsWeightedActionBesideTheOpenOne() {
        long manual = fixture.completeSet("mam");
        long rolled = fixture.completeSet("mar");
        device("ma-r");
        long manualAction = assign("ma-r", manual, "{\"id\":\"ma-r\",\"weight\":100}");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"ma-rollout\",\"targetFilterQuery\":\"controllerId==ma-r\",\"distributionSetId\":" + rolled
                        + ",\"amountGroups\":1,\"type\":\"forced\",\"weight\":900}");
        JsonAssert.statusCode(created, 201);
        long rollout = created.json().get("id").asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + rollout + "/start"), 204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.mgmt("GET", "/rest/v1/targets/ma-r/actions")
                                .json()
                                .get("total")
                                .asInt()
                        == 2);
        JsonNode newest = api.mgmt("GET", "/rest/v1/targets/ma-r/actions?sort=id:DESC")
                .json()
                .get("content")
                .get(0);
        assertThat(newest.get("weight").asInt()).isEqualTo(900);
        assertThat(status("ma-r", manualAction)).as("not canceled").isEqualTo("running");
        assertThat(deploymentLink("ma-r"))
                .contains("/deploymentBase/" + newest.get("id").asLong());
    }

    @Test
    void anAutoAssignment_addsItsWeightedActionBesideTheOpenOne() {
        long manual = fixture.completeSet("maam");
        long auto = fixture.completeSet("maaa");
        device("ma-aa");
        long manualAction = assign("ma-aa", manual, "{\"id\":\"ma-aa\",\"weight\":100}");
        ApiClient.Response filter = api.mgmt(
                "POST",
                "/rest/v1/targetfilters",
                "{\"name\":\"ma-auto\",\"query\":\"controllerId==ma-aa\",\"autoAssignDistributionSet\":" + auto
                        + ",\"autoAssignWeight\":700}");
        JsonAssert.statusCode(filter, 201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            autoAssignment.run();
            assertThat(api.mgmt("GET", "/rest/v1/targets/ma-aa/actions")
                            .json()
                            .get("total")
                            .asInt())
                    .isEqualTo(2);
        });
        JsonNode newest = api.mgmt("GET", "/rest/v1/targets/ma-aa/actions?sort=id:DESC")
                .json()
                .get("content")
                .get(0);
        assertThat(newest.get("weight").asInt()).isEqualTo(700);
        assertThat(status("ma-aa", manualAction)).as("not canceled").isEqualTo("running");
        assertThat(deploymentLink("ma-aa"))
                .contains("/deploymentBase/" + newest.get("id").asLong());
        autoAssignment.run();
        assertThat(api.mgmt("GET", "/rest/v1/targets/ma-aa/actions")
                        .json()
                        .get("total")
                        .asInt())
                .as("the filter's set is given once")
                .isEqualTo(2);
    }

    /** As hawkBit 1.1 (its requests are values): an entry named twice in one request is one action. */
    @Test
    void theSameEntryTwiceInOneRequest_isOneAction_differentWeightsAreTwo() {
        long set = fixture.completeSet("mad");
        device("ma-d");
        ApiClient.Response twice = api.mgmt(
                "POST",
                "/rest/v1/targets/ma-d/assignedDS",
                "[{\"id\":" + set + ",\"weight\":5},{\"id\":" + set + ",\"weight\":5}]");
        JsonAssert.statusCode(twice, 200);
        assertThat(twice.json().get("assigned").asInt()).isEqualTo(1);
        ApiClient.Response twiceByTarget = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets",
                "[{\"id\":\"ma-d\",\"type\":\"soft\"},{\"id\":\"ma-d\",\"type\":\"soft\"}]");
        JsonAssert.statusCode(twiceByTarget, 200);
        assertThat(twiceByTarget.json().get("assigned").asInt()).isEqualTo(1);
        ApiClient.Response weighedApart = api.mgmt(
                "POST",
                "/rest/v1/targets/ma-d/assignedDS",
                "[{\"id\":" + set + ",\"weight\":5},{\"id\":" + set + ",\"weight\":6}]");
        JsonAssert.statusCode(weighedApart, 200);
        assertThat(weighedApart.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ma-d/actions?q=active==true")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(4);
    }

    /** hawkBit's range of an action's weight, 0 to 1000, wherever a weight is given; a refusal changes nothing. */
    @Test
    void weight_outside0To1000_isRefused() {
        long set = fixture.completeSet("maw");
        device("ma-3");
        String violation = "hawkbit.server.error.repo.constraintViolation";
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/ma-3/assignedDS", "{\"id\":" + set + ",\"weight\":1001}"),
                400,
                violation);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + set + "/assignedTargets",
                        "[{\"id\":\"ma-3\",\"weight\":-1}]"),
                400,
                violation);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/rollouts",
                        "{\"name\":\"ma-heavy\",\"targetFilterQuery\":\"controllerId==ma-3\",\"distributionSetId\":"
                                + set + ",\"amountGroups\":1,\"weight\":1001}"),
                400,
                violation);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/targetfilters",
                        "{\"name\":\"ma-light\",\"query\":\"controllerId==ma-3\",\"autoAssignDistributionSet\":" + set
                                + ",\"autoAssignWeight\":-1}"),
                400,
                violation);
        ApiClient.Response filter =
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"ma-w\",\"query\":\"controllerId==ma-none\"}");
        JsonAssert.statusCode(filter, 201);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/targetfilters/" + filter.json().get("id").asLong() + "/autoAssignDS",
                        "{\"id\":" + set + ",\"weight\":1001}"),
                400,
                violation);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ma-3/actions")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.mgmt("GET", "/rest/v1/rollouts?q=name==ma-heavy")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    private long assign(String controllerId, long set, String target) {
        ApiClient.Response assigned =
                api.mgmt("POST", "/rest/v1/distributionsets/" + set + "/assignedTargets", "[" + target + "]");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(1);
        return assigned.json().get("assignedActions").get(0).get("id").asLong();
    }

    private String status(String controllerId, long action) {
        return api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action)
                .json()
                .get("status")
                .asString();
    }

    private String deploymentLink(String controllerId) {
        ApiClient.Response poll = ddi(controllerId, "");
        JsonAssert.statusCode(poll, 200);
        return poll.json().get("_links").get("deploymentBase").get("href").asString();
    }

    private void device(String controllerId) {
        tokens.put(controllerId, fixture.target(controllerId));
    }

    private ApiClient.Response ddi(String controllerId, String path) {
        return api.send(
                "GET",
                "/DEFAULT/controller/v1/" + controllerId + path,
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + tokens.get(controllerId)));
    }

    private void close(String controllerId, long action) {
        ApiClient.Response response = api.send(
                "POST",
                "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action + "/feedback",
                "{\"id\":" + action + ",\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                Map.of("Authorization", "TargetToken " + tokens.get(controllerId), "Content-Type", "application/json"));
        JsonAssert.statusCode(response, 200);
    }
}
