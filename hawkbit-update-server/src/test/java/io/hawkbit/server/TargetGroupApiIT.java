package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rest/v1/targetgroups} (hawkBit 0.10+) on one node: every endpoint's happy path read back through the target
 * bodies, sub-group matching, and the refusals (400 with hawkBit's error body).
 */
@MgmtApiTest
class TargetGroupApiIT {

    private static final String PARAM_INVALID = "hawkbit.server.error.rest.param.invalid";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private void targets(String... controllerIds) {
        StringBuilder body = new StringBuilder("[");
        for (String id : controllerIds) {
            body.append(body.length() == 1 ? "" : ",")
                    .append("{\"controllerId\":\"")
                    .append(id)
                    .append("\"}");
        }
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/targets", body + "]"), 201);
    }

    private String groupOf(String controllerId) {
        JsonNode target = api.mgmt("GET", "/rest/v1/targets/" + controllerId).json();
        return target.has("group") ? target.get("group").asString() : null;
    }

    private static List<String> ids(ApiClient.Response page) {
        JsonAssert.statusCode(page, 200);
        List<String> ids = new ArrayList<>();
        page.json().get("content").forEach(t -> ids.add(t.get("controllerId").asString()));
        assertThat(page.json().get("total").asLong()).isEqualTo(ids.size());
        assertThat(page.json().get("size").asLong()).isEqualTo(ids.size());
        return ids;
    }

    @Test
    void targetBody_createAndUpdate_carryTheGroup() {
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/targets",
                        "[{\"controllerId\":\"tg-body-1\",\"group\":\"tgbody/Berlin\"},{\"controllerId\":\"tg-body-2\"}]"),
                201);
        assertThat(groupOf("tg-body-1")).isEqualTo("tgbody/Berlin");
        assertThat(groupOf("tg-body-2")).isNull();

        ApiClient.Response updated = api.mgmt("PUT", "/rest/v1/targets/tg-body-2", "{\"group\":\"tgbody\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("group").asString()).isEqualTo("tgbody");
        // Absent keeps the group; an empty string takes the target out of it.
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targets/tg-body-2", "{\"description\":\"x\"}"), 200);
        assertThat(groupOf("tg-body-2")).isEqualTo("tgbody");
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targets/tg-body-2", "{\"group\":\"\"}"), 200);
        assertThat(groupOf("tg-body-2")).isNull();

        List<String> found = ids(api.mgmt("GET", "/rest/v1/targets?q=group==tgbody*"));
        assertThat(found).containsExactly("tg-body-1");
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/targets",
                        "[{\"controllerId\":\"tg-body-3\",\"group\":\"" + "g".repeat(257) + "\"}]"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
    }

    @Test
    void assignByControllerIds_listGroups_readMembers_unassign() {
        targets("tg-ids-1", "tg-ids-2", "tg-ids-3");

        JsonAssert.statusCode(
                api.mgmt("PUT", "/rest/v1/targetgroups/tgids/assigned", "[\"tg-ids-1\",\"tg-ids-2\",\"tg-unknown\"]"),
                204);
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/assigned?group=tgids/sub", "[\"tg-ids-3\"]"), 204);
        assertThat(groupOf("tg-ids-1")).isEqualTo("tgids");
        assertThat(groupOf("tg-ids-3")).isEqualTo("tgids/sub");

        ApiClient.Response groups = api.mgmt("GET", "/rest/v1/targetgroups");
        JsonAssert.statusCode(groups, 200);
        List<String> names = new ArrayList<>();
        groups.json().forEach(g -> names.add(g.asString()));
        assertThat(names).contains("tgids", "tgids/sub").doesNotHaveDuplicates();

        assertThat(ids(api.mgmt("GET", "/rest/v1/targetgroups/TGIDS/assigned?sort=controllerId:DESC")))
                .containsExactly("tg-ids-2", "tg-ids-1");
        assertThat(ids(api.mgmt("GET", "/rest/v1/targetgroups/assigned?group=tgids")))
                .containsExactly("tg-ids-1", "tg-ids-2");
        assertThat(ids(api.mgmt("GET", "/rest/v1/targetgroups/assigned?group=tgids&subgroups=true")))
                .containsExactly("tg-ids-1", "tg-ids-2", "tg-ids-3");
        assertThat(ids(api.mgmt("GET", "/rest/v1/targetgroups/assigned?group=tgids/sub")))
                .containsExactly("tg-ids-3");
        // A sub-group match needs the separator: "tgid" is no parent of "tgids".
        assertThat(ids(api.mgmt("GET", "/rest/v1/targetgroups/assigned?group=tgid&subgroups=true")))
                .isEmpty();
        ApiClient.Response limited = api.mgmt("GET", "/rest/v1/targetgroups/tgids/assigned?limit=1&offset=1");
        JsonAssert.statusCode(limited, 200);
        assertThat(limited.json().get("total").asLong()).isEqualTo(2);
        assertThat(limited.json().get("content").get(0).get("controllerId").asString())
                .isEqualTo("tg-ids-2");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetgroups/assigned", "[\"tg-ids-1\",\"tg-ids-3\"]"), 204);
        assertThat(groupOf("tg-ids-1")).isNull();
        assertThat(groupOf("tg-ids-2")).isEqualTo("tgids");
        assertThat(groupOf("tg-ids-3")).isNull();
    }

    @Test
    void assignByRsql_andUnassignByRsql() {
        targets("tg-q-1", "tg-q-2", "tg-q-other");

        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/tgq?q=controllerId==tg-q-*", null), 204);
        assertThat(groupOf("tg-q-1")).isEqualTo("tgq");
        assertThat(groupOf("tg-q-2")).isEqualTo("tgq");
        assertThat(groupOf("tg-q-other")).isEqualTo("tgq");

        JsonAssert.statusCode(
                api.mgmt("PUT", "/rest/v1/targetgroups?group=tgq/other&q=controllerId==tg-q-other", null), 204);
        assertThat(groupOf("tg-q-other")).isEqualTo("tgq/other");
        assertThat(ids(api.mgmt("GET", "/rest/v1/targets?q=group==tgq/other"))).containsExactly("tg-q-other");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetgroups?q=group==tgq", null), 204);
        assertThat(groupOf("tg-q-1")).isNull();
        assertThat(groupOf("tg-q-2")).isNull();
        assertThat(groupOf("tg-q-other")).isEqualTo("tgq/other");
    }

    @Test
    void badRequests_areRefusedWithHawkbitErrors_andChangeNothing() {
        targets("tg-bad-1");
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/tgbad/assigned", "[\"tg-bad-1\"]"), 204);

        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targetgroups/tgbad2?q=nosuchfield==1", null),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targetgroups?group=tgbad2&q=controllerId==", null),
                400,
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/tgbad2", null), 400);
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups?q=controllerId==tg-bad-1", null), 400);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targetgroups/assigned?group=%20", "[\"tg-bad-1\"]"), 400, PARAM_INVALID);
        for (String pathLike : new String[] {"EU/../DE", "EU//DE", "./EU", "EU/", "EU%5CDE"}) {
            JsonAssert.error(
                    api.mgmt("PUT", "/rest/v1/targetgroups/assigned?group=" + pathLike, "[\"tg-bad-1\"]"),
                    400,
                    PARAM_INVALID);
        }
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targetgroups/assigned?group=" + "g".repeat(257), "[\"tg-bad-1\"]"),
                400,
                PARAM_INVALID);
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/tgbad2/assigned", "[]"), 400);
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targetgroups/tgbad2/assigned", "{\"a\":1}"), 400);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetgroups/assigned", null), 400);
        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/targetgroups", null), 400, PARAM_INVALID);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetgroups/assigned"), 400);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targetgroups/tgbad/assigned?sort=nosuchfield:ASC"),
                400,
                "hawkbit.server.error.rest.param.invalidField");

        assertThat(groupOf("tg-bad-1")).isEqualTo("tgbad");
    }
}
