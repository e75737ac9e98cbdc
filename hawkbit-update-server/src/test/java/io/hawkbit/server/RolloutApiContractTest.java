package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.auditedFields;
import static io.hawkbit.server.ContractAssert.fields;
import static io.hawkbit.server.ContractAssert.links;
import static io.hawkbit.server.ContractAssert.pagedList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code MgmtRolloutRestApi}, endpoint by endpoint. A single rollout (GET, create, update) is in 1.1's
 * full form; list items are compact unless {@code representation=full}: no per-status counts, group count,
 * {@code startAt} or approval, and only {@code self}. {@code dynamic} is always sent ({@code false} for a static rollout), as is
 * {@code forcetime} (0 when unset). Groups likewise: per-status counts in the full form only; no
 * {@code confirmationRequired}, which 1.1 sends only while the confirmation flow is on (off here; ConfirmationFlowIT
 * covers it on). Extra links kept on purpose: {@code stop} and {@code retry} on a rollout,
 * {@code targets} on a group (1.1 has the endpoints but does not link them).
 */
@MgmtApiTest
class RolloutApiContractTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String[] COMPACT = {
        "id",
        "name",
        "description",
        "targetFilterQuery",
        "distributionSetId",
        "status",
        "totalTargets",
        "forcetime",
        "deleted",
        "type",
        "weight",
        "dynamic",
        "_links"
    };
    private static final String[] FULL_LINKS = {
        "self",
        "start",
        "pause",
        "resume",
        "triggerNextGroup",
        "approve",
        "deny",
        "groups",
        "distributionset",
        // extra here
        "stop",
        "retry"
    };
    private static final String[] GROUP_COMPACT = {
        "id",
        "name",
        "description",
        "successCondition",
        "successAction",
        "errorCondition",
        "errorAction",
        "targetFilterQuery",
        "targetPercentage",
        "dynamic",
        "status",
        "totalTargets",
        "_links"
    };

    @LocalServerPort
    int port;

    private final String name = "roc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void rollout_createGetListUpdate_fieldsAndLinks() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet(name);
        fixture.targets(name + "-t", 4);

        ApiClient.Response created = create(api, name, set, 2);
        JsonAssert.statusCode(created, 201);
        assertFull(created.json(), set);
        long id = created.json().get("id").asLong();

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/rollouts/" + id);
        JsonAssert.statusCode(one, 200);
        assertFull(one.json(), set);
        assertThat(one.json().get("dynamic").asBoolean()).isFalse();
        assertThat(one.json().get("forcetime").asLong()).isZero();
        JsonNode ds = one.json().get("_links").get("distributionset");
        fields(ds, "href", "name");
        assertThat(ds.get("name").asString()).isEqualTo(name + "-set:1");

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/rollouts?q=name==" + name);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        auditedFields(list.json().get("content").get(0), COMPACT);
        links(list.json().get("content").get(0), "self");
        JsonNode full = api.mgmt("GET", "/rest/v1/rollouts?representation=full&q=name==" + name)
                .json()
                .get("content")
                .get(0);
        assertFull(full, set);

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"name\":\"" + name + "\",\"description\":\"new\"}");
        JsonAssert.statusCode(updated, 200);
        assertFull(updated.json(), set);

        JsonAssert.error(api.mgmt("GET", "/rest/v1/rollouts/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void groups_listGetTargets_fieldsAndLinks() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet(name + "-g");
        fixture.targets(name + "-g", 4);
        long id = create(api, name + "-g", set, 2).json().get("id").asLong();
        String base = "/rest/v1/rollouts/" + id + "/deploygroups";

        ApiClient.Response list = api.mgmt("GET", base);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        JsonNode compact = list.json().get("content").get(0);
        auditedFields(compact, GROUP_COMPACT);
        links(compact, "self", "targets");
        fields(compact.get("successCondition"), "condition", "expression");
        fields(compact.get("successAction"), "action", "expression");
        fields(compact.get("errorCondition"), "condition", "expression");
        fields(compact.get("errorAction"), "action", "expression");
        assertThat(compact.get("dynamic").asBoolean()).isFalse();
        assertFullGroup(api.mgmt("GET", base + "?representation=full")
                .json()
                .get("content")
                .get(0));

        long groupId = compact.get("id").asLong();
        ApiClient.Response one = api.mgmt("GET", base + "/" + groupId);
        JsonAssert.statusCode(one, 200);
        assertFullGroup(one.json());

        ApiClient.Response targets = api.mgmt("GET", base + "/" + groupId + "/targets");
        JsonAssert.statusCode(targets, 200);
        pagedList(targets.json());

        JsonAssert.error(api.mgmt("GET", base + "/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/rollouts/999999/deploygroups"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");

        assertThat(one.json().has("confirmationRequired"))
                .as("sent by hawkBit only while the confirmation flow is on")
                .isFalse();
    }

    @Test
    void groups_withoutConditions_getHawkbit11Defaults() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet(name + "-e");
        fixture.targets(name + "-e", 2);
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"" + name + "-e\",\"targetFilterQuery\":\"controllerId==" + name
                        + "-e*\",\"distributionSetId\":" + set + ",\"amountGroups\":1}");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().has("description")).isFalse();
        assertThat(created.json().has("weight")).isFalse();
        JsonNode group = api.mgmt(
                        "GET", "/rest/v1/rollouts/" + created.json().get("id").asLong() + "/deploygroups")
                .json()
                .get("content")
                .get(0);
        fields(group.get("successCondition"), "condition", "expression");
        assertThat(group.get("successCondition").get("expression").asString()).isEqualTo("50");
        fields(group.get("errorCondition"), "condition", "expression");
        assertThat(group.get("errorCondition").get("condition").asString()).isEqualTo("THRESHOLD");
        assertThat(group.get("errorCondition").get("expression").asString()).isEqualTo("50");
        assertThat(group.get("errorAction").get("action").asString()).isEqualTo("PAUSE");
    }

    @Test
    void lifecycle_eachStepAnswers204() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet(name + "-l");
        fixture.targets(name + "-l", 4);
        long id = create(api, name + "-l", set, 2).json().get("id").asLong();
        String base = "/rest/v1/rollouts/" + id;

        JsonAssert.error(api.mgmt("POST", base + "/pause"), 400, "hawkbit.server.error.rollout.illegalstate");
        JsonAssert.statusCode(api.mgmt("POST", base + "/start"), 204);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                api.mgmt("GET", base).json().get("status").asString())
                        .isEqualTo("running"));
        JsonAssert.statusCode(api.mgmt("POST", base + "/pause"), 204);
        JsonAssert.statusCode(api.mgmt("POST", base + "/resume"), 204);
        JsonAssert.statusCode(api.mgmt("POST", base + "/triggerNextGroup"), 204);
        JsonAssert.statusCode(api.mgmt("POST", base + "/stop"), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", base), 204);
        for (String step : List.of("start", "pause", "resume", "stop", "triggerNextGroup", "approve", "deny")) {
            JsonAssert.error(
                    api.mgmt("POST", "/rest/v1/rollouts/999999/" + step),
                    404,
                    "hawkbit.server.error.repo.entitiyNotFound");
        }
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/rollouts/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void approval_fieldsInTheFullForm() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet(name + "-a");
        fixture.targets(name + "-a", 2);
        fixture.config("rollout.approval.enabled", "true");
        long id;
        try {
            id = create(api, name + "-a", set, 1).json().get("id").asLong();
            JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/approve?remark=ok"), 204);
        } finally {
            fixture.config("rollout.approval.enabled", "false");
        }
        JsonNode approved = api.mgmt("GET", "/rest/v1/rollouts/" + id).json();
        List<String> expected = new ArrayList<>(List.of(COMPACT));
        expected.addAll(List.of("totalTargetsPerStatus", "totalGroups", "approveDecidedBy", "approvalRemark"));
        auditedFields(approved, expected.toArray(String[]::new));
    }

    @Test
    void create_refusesWhatIsNotImplementedAndBadInput() {
        ApiClient api = new ApiClient(port);
        long set = new Fixture(api).completeSet(name + "-r");
        String base = "\"name\":\"" + name + "-r\",\"targetFilterQuery\":\"name==x\",\"distributionSetId\":" + set;
        for (String refused : List.of(
                // hawkBit's rule: a template without dynamic:true is refused.
                "\"amountGroups\":1,\"dynamicGroupTemplate\":{\"nameSuffix\":\"d\"}")) {
            JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts", "{" + base + "," + refused + "}"), 400);
        }
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts", "{\"name\":\"" + name + "-n\"}"), 400);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/rollouts?q=nope==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
    }

    private static ApiClient.Response create(ApiClient api, String name, long set, int groups) {
        return api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"" + name + "\",\"description\":\"d\",\"targetFilterQuery\":\"controllerId==" + name
                        + "*\",\"distributionSetId\":" + set + ",\"amountGroups\":" + groups + ",\"weight\":400,"
                        + "\"errorCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"50\"},"
                        + "\"errorAction\":{\"action\":\"PAUSE\",\"expression\":\"\"}}");
    }

    private static void assertFull(JsonNode rollout, long set) {
        List<String> expected = new ArrayList<>(List.of(COMPACT));
        expected.addAll(List.of("totalTargetsPerStatus", "totalGroups"));
        auditedFields(rollout, expected.toArray(String[]::new));
        links(rollout, FULL_LINKS);
        fields(
                rollout.get("totalTargetsPerStatus"),
                "running",
                "notstarted",
                "scheduled",
                "cancelled",
                "finished",
                "error");
        assertThat(rollout.get("distributionSetId").asLong()).isEqualTo(set);
    }

    private static void assertFullGroup(JsonNode group) {
        List<String> expected = new ArrayList<>(List.of(GROUP_COMPACT));
        expected.add("totalTargetsPerStatus");
        auditedFields(group, expected.toArray(String[]::new));
        links(group, "self", "targets");
        fields(
                group.get("totalTargetsPerStatus"),
                "running",
                "notstarted",
                "scheduled",
                "cancelled",
                "finished",
                "error");
    }
}
