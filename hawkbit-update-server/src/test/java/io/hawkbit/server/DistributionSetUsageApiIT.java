package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What uses a distribution set, as hawkBit 1.1 shows it: {@code assignedTargets}, {@code installedTargets} and
 * {@code autoAssignTargetFilters} (GET), the {@code statistics} endpoints, and {@code POST …/invalidate} with what it
 * does to actions, rollouts and auto-assignments.
 */
@MgmtApiTest
class DistributionSetUsageApiIT {

    private static final String SETS = "/rest/v1/distributionsets/";
    private static final String NOT_FOUND = "hawkbit.server.error.repo.entitiyNotFound";
    private static final String INVALID = "hawkbit.server.error.distributionset.invalid";

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    RolloutDevices devices;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        devices = new RolloutDevices();
    }

    @Test
    void assignedAndInstalledTargets_pagedWithQuery() {
        long set = fixture.completeSet("dsuse-targets");
        for (String id : List.of("dsuse-t1", "dsuse-t2", "dsuse-t3")) {
            devices.create(fixture, id);
            fixture.assign(id, set, "forced");
        }
        devices.finish(api, "dsuse-t2", "success");

        ApiClient.Response assigned = api.mgmt("GET", SETS + set + "/assignedTargets?sort=controllerId:DESC");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("total").asLong()).isEqualTo(3);
        assertThat(assigned.json().get("size").asInt()).isEqualTo(3);
        assertThat(controllerIds(assigned.json())).containsExactly("dsuse-t3", "dsuse-t2", "dsuse-t1");
        JsonNode first = assigned.json().get("content").get(0);
        assertThat(first.get("controllerId").asString()).isEqualTo("dsuse-t3");
        assertThat(first.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/targets/dsuse-t3");
        assertThat(controllerIds(api.mgmt("GET", SETS + set + "/assignedTargets?q=controllerId==dsuse-t1")
                        .json()))
                .containsExactly("dsuse-t1");
        ApiClient.Response paged = api.mgmt("GET", SETS + set + "/assignedTargets?offset=1&limit=1");
        assertThat(paged.json().get("total").asLong()).isEqualTo(3);
        assertThat(controllerIds(paged.json())).containsExactly("dsuse-t2");

        ApiClient.Response installed = api.mgmt("GET", SETS + set + "/installedTargets");
        JsonAssert.statusCode(installed, 200);
        assertThat(installed.json().get("total").asLong()).isEqualTo(1);
        assertThat(controllerIds(installed.json())).containsExactly("dsuse-t2");
        assertThat(api.mgmt("GET", SETS + set + "/installedTargets?q=controllerId==dsuse-t1")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        long unused = fixture.completeSet("dsuse-unused");
        assertThat(api.mgmt("GET", SETS + unused + "/assignedTargets")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void autoAssignTargetFilters_listsTheFiltersUsingTheSet() {
        long set = fixture.completeSet("dsuse-filters");
        long a = filter("dsuse-filter-a", set);
        long b = filter("dsuse-filter-b", set);
        filter("dsuse-filter-none", null);

        ApiClient.Response page = api.mgmt("GET", SETS + set + "/autoAssignTargetFilters?sort=id:ASC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(page.json())).containsExactly(a, b);
        JsonNode item = page.json().get("content").get(0);
        assertThat(item.get("name").asString()).isEqualTo("dsuse-filter-a");
        assertThat(item.get("autoAssignDistributionSet").asLong()).isEqualTo(set);
        assertThat(item.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/targetfilters/" + a);
        ApiClient.Response filtered =
                api.mgmt("GET", SETS + set + "/autoAssignTargetFilters?q=name==dsuse-filter-b&limit=1");
        JsonAssert.statusCode(filtered, 200);
        assertThat(ids(filtered.json())).containsExactly(b);
    }

    @Test
    void statistics_countActionsRolloutsAndAutoAssignments() {
        long set = fixture.completeSet("dsuse-stats");
        devices.create(fixture, "dsuse-stats-1");
        devices.create(fixture, "dsuse-stats-2");
        fixture.assign("dsuse-stats-1", set, "forced");
        fixture.assign("dsuse-stats-2", set, "forced");
        devices.finish(api, "dsuse-stats-1", "success");
        fixture.target("dsuse-stats-r");
        RolloutApiIT.rollout(api, "dsuse-stats-rollout", "controllerId==dsuse-stats-r", set);
        filter("dsuse-stats-filter", set);

        ApiClient.Response all = api.mgmt("GET", SETS + set + "/statistics");
        JsonAssert.statusCode(all, 200);
        JsonNode body = all.json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("actions", "rollouts", "totalAutoAssignments");
        assertThat(body.get("actions").get("RUNNING").asLong()).isEqualTo(1);
        assertThat(body.get("actions").get("FINISHED").asLong()).isEqualTo(1);
        assertThat(body.get("actions").get("total").asLong()).isEqualTo(2);
        assertThat(fieldNames(body.get("rollouts"))).containsExactlyInAnyOrder("READY", "total");
        assertThat(body.get("rollouts").get("READY").asLong()).isEqualTo(1);
        assertThat(body.get("rollouts").get("total").asLong()).isEqualTo(1);
        assertThat(body.get("totalAutoAssignments").asLong()).isEqualTo(1);

        ApiClient.Response actions = api.mgmt("GET", SETS + set + "/statistics/actions");
        JsonAssert.statusCode(actions, 200);
        assertThat(fieldNames(actions.json())).containsExactly("actions");
        assertThat(actions.json().get("actions").get("total").asLong()).isEqualTo(2);
        ApiClient.Response rollouts = api.mgmt("GET", SETS + set + "/statistics/rollouts");
        JsonAssert.statusCode(rollouts, 200);
        assertThat(fieldNames(rollouts.json())).containsExactly("rollouts");
        assertThat(rollouts.json().get("rollouts").get("READY").asLong()).isEqualTo(1);
        ApiClient.Response autoAssignments = api.mgmt("GET", SETS + set + "/statistics/autoassignments");
        JsonAssert.statusCode(autoAssignments, 200);
        assertThat(fieldNames(autoAssignments.json())).containsExactly("totalAutoAssignments");
        assertThat(autoAssignments.json().get("totalAutoAssignments").asLong()).isEqualTo(1);
    }

    @Test
    void statistics_ofAnUnusedSet_areZeroInFull_andEmptyOtherwise() {
        long set = fixture.completeSet("dsuse-nostats");
        JsonNode all = api.mgmt("GET", SETS + set + "/statistics").json();
        assertThat(all.get("actions").get("total").asLong()).isZero();
        assertThat(all.get("actions").size()).isEqualTo(1);
        assertThat(all.get("rollouts").get("total").asLong()).isZero();
        assertThat(all.get("totalAutoAssignments").asLong()).isZero();
        assertThat(api.mgmt("GET", SETS + set + "/statistics/actions").json().size())
                .isZero();
        assertThat(api.mgmt("GET", SETS + set + "/statistics/rollouts").json().size())
                .isZero();
        assertThat(api.mgmt("GET", SETS + set + "/statistics/autoassignments")
                        .json()
                        .get("totalAutoAssignments")
                        .asLong())
                .isZero();
    }

    @Test
    void invalidateSoft_cancelsActions_stopsRollouts_clearsAutoAssignment_andRefusesDeployments() {
        long set = fixture.completeSet("dsuse-soft");
        devices.create(fixture, "dsuse-soft-1");
        long action = fixture.assign("dsuse-soft-1", set, "forced");
        fixture.target("dsuse-soft-r");
        long rollout = RolloutApiIT.rollout(api, "dsuse-soft-rollout", "controllerId==dsuse-soft-r", set);
        long filter = filter("dsuse-soft-filter", set);

        ApiClient.Response invalidated =
                api.mgmt("POST", SETS + set + "/invalidate", "{\"actionCancelationType\":\"soft\"}");
        JsonAssert.statusCode(invalidated, 204);
        assertThat(invalidated.text()).isEmpty();

        assertThat(api.mgmt("GET", SETS + set).json().get("valid").asBoolean()).isFalse();
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsets?q=valid==false;name==dsuse-soft-set")
                        .json()))
                .containsExactly(set);
        JsonNode canceled = api.mgmt("GET", "/rest/v1/targets/dsuse-soft-1/actions/" + action)
                .json();
        assertThat(canceled.get("status").asString()).isEqualTo("canceling");
        assertThat(canceled.get("active").asBoolean()).isTrue();
        assertThat(RolloutApiIT.status(api, rollout)).isEqualTo("stopped");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + filter + "/autoAssignDS"), 204);
        assertThat(api.mgmt("GET", SETS + set + "/statistics/autoassignments")
                        .json()
                        .get("totalAutoAssignments")
                        .asLong())
                .isZero();

        fixture.target("dsuse-soft-2");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/dsuse-soft-2/assignedDS", "{\"id\":" + set + "}"), 400, INVALID);
        JsonAssert.error(
                api.mgmt("POST", SETS + set + "/assignedTargets", "[{\"id\":\"dsuse-soft-2\"}]"), 400, INVALID);
        assertThat(api.mgmt("GET", "/rest/v1/targets/dsuse-soft-2/actions")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/rollouts",
                        "{\"name\":\"dsuse-soft-again\",\"targetFilterQuery\":\"controllerId==dsuse-soft-2\","
                                + "\"distributionSetId\":" + set + ",\"amountGroups\":1}"),
                400,
                INVALID);
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targetfilters/" + filter + "/autoAssignDS", "{\"id\":" + set + "}"),
                400,
                INVALID);
    }

    @Test
    void invalidateForce_closesActions() {
        long set = fixture.completeSet("dsuse-force");
        devices.create(fixture, "dsuse-force-1");
        long action = fixture.assign("dsuse-force-1", set, "forced");

        JsonAssert.statusCode(
                api.mgmt("POST", SETS + set + "/invalidate", "{\"actionCancelationType\":\"force\"}"), 204);

        JsonNode canceled = api.mgmt("GET", "/rest/v1/targets/dsuse-force-1/actions/" + action)
                .json();
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("active").asBoolean()).isFalse();
        assertThat(api.mgmt("GET", SETS + set).json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void invalidateNone_leavesActionsAndRollouts_butClearsAutoAssignment() {
        long set = fixture.completeSet("dsuse-none");
        devices.create(fixture, "dsuse-none-1");
        long action = fixture.assign("dsuse-none-1", set, "forced");
        fixture.target("dsuse-none-r");
        long rollout = RolloutApiIT.rollout(api, "dsuse-none-rollout", "controllerId==dsuse-none-r", set);
        long filter = filter("dsuse-none-filter", set);

        JsonAssert.statusCode(
                api.mgmt("POST", SETS + set + "/invalidate", "{\"actionCancelationType\":\"none\"}"), 204);

        assertThat(api.mgmt("GET", "/rest/v1/targets/dsuse-none-1/actions/" + action)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("running");
        assertThat(RolloutApiIT.status(api, rollout)).isEqualTo("ready");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + filter + "/autoAssignDS"), 204);
        assertThat(api.mgmt("GET", SETS + set).json().get("valid").asBoolean()).isFalse();
    }

    @Test
    void invalidate_refusesBadBodiesAndIncompleteSets_changingNothing() {
        long set = fixture.completeSet("dsuse-badbody");
        String invalidate = SETS + set + "/invalidate";
        JsonAssert.error(api.mgmt("POST", invalidate, "{}"), 400, "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", invalidate, "{\"actionCancelationType\":\"hard\"}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", invalidate, "{\"actionCancelationType\":5}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(api.mgmt("POST", invalidate, "[]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("POST", invalidate, null), 400, "hawkbit.server.error.rest.body.notReadable");
        assertThat(api.mgmt("GET", SETS + set).json().get("valid").asBoolean()).isTrue();

        long incomplete = fixture.distributionSet("dsuse-incomplete", "1", "os");
        JsonAssert.error(
                api.mgmt("POST", SETS + incomplete + "/invalidate", "{\"actionCancelationType\":\"soft\"}"),
                400,
                "hawkbit.server.error.distributionset.incomplete");
        assertThat(api.mgmt("GET", SETS + incomplete).json().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void unknownSet_is404_onEveryEndpoint_butTheActionAndRolloutCounts() {
        for (String path : List.of(
                "/assignedTargets",
                "/installedTargets",
                "/autoAssignTargetFilters",
                "/statistics",
                "/statistics/autoassignments")) {
            JsonAssert.error(api.mgmt("GET", SETS + "999999" + path), 404, NOT_FOUND);
        }
        // 1.1 counts these without looking the set up: an unknown set has no actions and no rollouts.
        for (String path : List.of("/statistics/actions", "/statistics/rollouts")) {
            ApiClient.Response empty = api.mgmt("GET", SETS + "999999" + path);
            JsonAssert.statusCode(empty, 200);
            assertThat(empty.json().size()).as(path).isZero();
        }
        JsonAssert.error(
                api.mgmt("POST", SETS + "999999/invalidate", "{\"actionCancelationType\":\"none\"}"), 404, NOT_FOUND);
    }

    @Test
    void badQueries_are400() {
        long set = fixture.completeSet("dsuse-badq");
        for (String path : List.of("/assignedTargets", "/installedTargets", "/autoAssignTargetFilters")) {
            JsonAssert.error(
                    api.mgmt("GET", SETS + set + path + "?q=nope==1"),
                    400,
                    "hawkbit.server.error.rest.param.rsqlInvalidField");
        }
    }

    /** A filter matching no target (so the scheduler assigns nothing), auto-assigning {@code set} unless null. */
    private long filter(String name, Long set) {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/targetfilters",
                "{\"name\":\"" + name + "\",\"query\":\"controllerId==" + name + "-nobody\""
                        + (set == null ? "" : ",\"autoAssignDistributionSet\":" + set) + "}");
        JsonAssert.statusCode(created, 201);
        return created.json().get("id").asLong();
    }

    private static List<String> controllerIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(node -> ids.add(node.get("controllerId").asString()));
        return ids;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
