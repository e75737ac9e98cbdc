package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.autoassign.AutoAssignScheduler;
import io.hawkbit.repository.rollout.RolloutScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rest/v1/targettypes} and a target's {@code /targettype}: each endpoint's happy path with a second read, the
 * hawkBit 1.1 contract (status codes, field and link names), and the compatibility check on every assignment path:
 * direct assignment refuses an incompatible target, rollouts and auto-assignment leave it out.
 */
@MgmtApiTest
class TargetTypeApiIT {

    private static final String TYPES = "/rest/v1/targettypes";

    @LocalServerPort
    int port;

    @Autowired
    AutoAssignScheduler autoAssign;

    @Autowired
    RolloutScheduler rollouts;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void targetType_create_list_get_update_delete() {
        long os = dsType("os");
        ApiClient.Response created = api.mgmt(
                "POST",
                TYPES,
                "[{\"name\":\"ttapi Gateway\",\"key\":\"ttapi-gw\",\"description\":\"first\",\"colour\":\"#00ff00\","
                        + "\"compatibledistributionsettypes\":[{\"id\":" + os + "}]},"
                        + "{\"name\":\"ttapi Sensor\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode type = created.json().get(0);
        long id = type.get("id").asLong();
        assertThat(type.get("key").asString()).isEqualTo("ttapi-gw");
        assertThat(type.get("name").asString()).isEqualTo("ttapi Gateway");
        assertThat(type.get("description").asString()).isEqualTo("first");
        assertThat(type.get("colour").asString()).isEqualTo("#00ff00");
        assertThat(type.get("createdBy").asString()).isEqualTo("admin");
        assertThat(created.json().get(1).get("key").asString())
                .as("the key defaults to the name")
                .isEqualTo("ttapi Sensor");

        ApiClient.Response page = api.mgmt("GET", TYPES + "?q=key==ttapi-*&sort=name:DESC&offset=0&limit=10");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.mgmt("GET", TYPES + "?q=name==ttapi*&sort=name:ASC")
                        .json()
                        .get("content")
                        .get(1)
                        .get("name")
                        .asString())
                .isEqualTo("ttapi Sensor");

        ApiClient.Response one = api.mgmt("GET", TYPES + "/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("key").asString()).isEqualTo("ttapi-gw");

        ApiClient.Response updated =
                api.mgmt("PUT", TYPES + "/" + id, "{\"name\":\"ttapi Router\",\"description\":\"changed\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("name").asString()).isEqualTo("ttapi Router");
        JsonNode reread = api.mgmt("GET", TYPES + "/" + id).json();
        assertThat(reread.get("name").asString()).isEqualTo("ttapi Router");
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("colour").asString()).isEqualTo("#00ff00");
        assertThat(reread.get("key").asString()).isEqualTo("ttapi-gw");

        JsonAssert.statusCode(api.mgmt("DELETE", TYPES + "/" + id), 204);
        JsonAssert.error(api.mgmt("GET", TYPES + "/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", TYPES + "?q=key==ttapi-*")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void compatibleDistributionSetTypes_add_list_remove() {
        long os = dsType("os");
        long app = dsType("app");
        long type = targetType("ttcomp", os);
        String path = TYPES + "/" + type + "/compatibledistributionsettypes";

        JsonAssert.statusCode(api.mgmt("POST", path, "[{\"id\":" + app + "},{\"id\":" + os + "}]"), 204);
        ApiClient.Response list = api.mgmt("GET", path);
        JsonAssert.statusCode(list, 200);
        assertThat(ids(list.json())).containsExactlyInAnyOrder(os, app);
        assertThat(list.json().get(0).get("_links").get("self").get("href").asString())
                .contains("/rest/v1/distributionsettypes/");

        JsonAssert.statusCode(api.mgmt("DELETE", path + "/" + app), 204);
        assertThat(ids(api.mgmt("GET", path).json())).containsExactly(os);

        JsonAssert.error(api.mgmt("POST", path, "[{\"id\":999999}]"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(api.mgmt("DELETE", path + "/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(ids(api.mgmt("GET", path).json())).containsExactly(os);
    }

    @Test
    void contract_asHawkbit11() {
        long os = dsType("os");
        ApiClient.Response created = api.mgmt(
                "POST",
                TYPES,
                "[{\"name\":\"ttcontract\",\"key\":\"ttcontract\",\"description\":\"d\",\"colour\":\"red\","
                        + "\"compatibledistributionsettypes\":[{\"id\":" + os + "}]}]");
        JsonAssert.statusCode(created, 201);
        assertThat(names(created.json().get(0).get("_links"))).containsExactly("self");
        long id = created.json().get(0).get("id").asLong();
        JsonNode single = api.mgmt("GET", TYPES + "/" + id).json();
        assertThat(names(single))
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "description",
                        "key",
                        "colour",
                        "deleted",
                        "createdBy",
                        "createdAt",
                        "lastModifiedBy",
                        "lastModifiedAt",
                        "_links");
        assertThat(single.get("deleted").asBoolean()).isFalse();
        assertThat(names(single.get("_links"))).containsExactly("self", "compatibledistributionsettypes");
        assertThat(single.get("_links").get("self").get("href").asString()).endsWith(TYPES + "/" + id);
        assertThat(single.get("_links")
                        .get("compatibledistributionsettypes")
                        .get("href")
                        .asString())
                .endsWith(TYPES + "/" + id + "/compatibledistributionsettypes");
        JsonNode item =
                api.mgmt("GET", TYPES + "?q=id==" + id).json().get("content").get(0);
        assertThat(names(item.get("_links")))
                .as("list items link only to themselves")
                .containsExactly("self");

        fixture.target("ttcontract-t");
        String target = "/rest/v1/targets/ttcontract-t";
        JsonNode untyped = api.mgmt("GET", target).json();
        assertThat(untyped.has("targetType")).isFalse();
        assertThat(untyped.get("_links").has("targetType")).isFalse();

        JsonAssert.statusCode(api.mgmt("POST", target + "/targettype", "{\"id\":" + id + "}"), 204);
        JsonNode typed = api.mgmt("GET", target).json();
        assertThat(typed.get("targetType").asLong()).isEqualTo(id);
        assertThat(typed.get("targetTypeName").asString()).isEqualTo("ttcontract");
        assertThat(typed.get("_links").get("targetType").get("href").asString()).endsWith(TYPES + "/" + id);
        JsonNode listed = api.mgmt("GET", "/rest/v1/targets?q=controllerId==ttcontract-t")
                .json()
                .get("content")
                .get(0);
        assertThat(listed.get("targetType").asLong()).isEqualTo(id);
        assertThat(listed.get("targetTypeName").asString()).isEqualTo("ttcontract");

        JsonAssert.statusCode(api.mgmt("DELETE", target + "/targettype"), 204);
        JsonNode again = api.mgmt("GET", target).json();
        assertThat(again.has("targetType")).isFalse();
        assertThat(again.has("targetTypeName")).isFalse();
    }

    @Test
    void target_createAndUpdate_withTargetType_minusOneUnassigns() {
        long a = targetType("ttcu-a", dsType("os"));
        long b = targetType("ttcu-b", dsType("os"));
        ApiClient.Response created =
                api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"ttcu-1\",\"targetType\":" + a + "}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().get(0).get("targetType").asLong()).isEqualTo(a);
        assertThat(created.json().get(0).get("targetTypeName").asString()).isEqualTo("ttcu-a");

        ApiClient.Response updated = api.mgmt("PUT", "/rest/v1/targets/ttcu-1", "{\"targetType\":" + b + "}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("targetType").asLong()).isEqualTo(b);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ttcu-1")
                        .json()
                        .get("targetTypeName")
                        .asString())
                .isEqualTo("ttcu-b");

        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targets/ttcu-1", "{\"description\":\"d\"}"), 200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ttcu-1")
                        .json()
                        .get("targetType")
                        .asLong())
                .as("absent leaves the type")
                .isEqualTo(b);

        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/targets/ttcu-1", "{\"targetType\":-1}"), 200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/ttcu-1").json().has("targetType"))
                .isFalse();

        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"ttcu-2\",\"targetType\":999999}]"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/targets/ttcu-2").status()).isEqualTo(404);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targets/ttcu-1", "{\"targetType\":999999}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void rsql_onTargets_byTargetTypeIdKeyAndName() {
        long type = targetType("ttrsql", dsType("os"));
        fixture.target("ttrsql-typed");
        fixture.target("ttrsql-plain");
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targets/ttrsql-typed/targettype", "{\"id\":" + type + "}"), 204);
        for (String q : List.of(
                "targettype.id==" + type,
                "targettype.key==ttrsql",
                "targettype.name==ttrsql",
                "type==ttrsql",
                "TYPE.id==" + type,
                "type.key==ttrsql",
                "type.name==ttrsql")) {
            ApiClient.Response page = api.mgmt("GET", "/rest/v1/targets?q=controllerId==ttrsql-*;" + q);
            JsonAssert.statusCode(page, 200);
            assertThat(page.json().get("total").asLong()).as(q).isEqualTo(1);
            assertThat(page.json().get("content").get(0).get("controllerId").asString())
                    .isEqualTo("ttrsql-typed");
        }
        for (String q : List.of("targettype.key!=ttrsql", "type!=ttrsql")) {
            assertThat(api.mgmt("GET", "/rest/v1/targets?q=controllerId==ttrsql-*;" + q)
                            .json()
                            .get("content")
                            .get(0)
                            .get("controllerId")
                            .asString())
                    .as(q)
                    .isEqualTo("ttrsql-plain");
        }
        JsonAssert.error(
                api.mgmt("GET", TYPES + "?q=colour==red"), 400, "hawkbit.server.error.rest.param.rsqlInvalidField");
    }

    @Test
    void errors_unknownIds_badBodies_typeInUse() {
        JsonAssert.error(api.mgmt("GET", TYPES + "/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("PUT", TYPES + "/999999", "{\"description\":\"x\"}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(api.mgmt("DELETE", TYPES + "/999999"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", TYPES + "/999999/compatibledistributionsettypes"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        fixture.target("tterr-t");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/tterr-t/targettype", "{\"id\":999999}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/tterr-none/targettype", "{\"id\":1}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/targets/tterr-none/targettype"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");

        assertThat(api.mgmt("POST", TYPES, "{\"name\":\"not-an-array\"}").status())
                .isEqualTo(400);
        JsonAssert.error(
                api.mgmt("POST", TYPES, "[{\"description\":\"neither key nor name\"}]"),
                400,
                "hawkbit.server.error.target.type.keyOrNameRequired");
        assertThat(api.mgmt("POST", "/rest/v1/targets/tterr-t/targettype", "{}").status())
                .isEqualTo(400);
        assertThat(api.mgmt("POST", "/rest/v1/targets/tterr-t/targettype", "{\"id\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.mgmt("PUT", "/rest/v1/targets/tterr-t", "{\"targetType\":\"gateway\"}")
                        .status())
                .isEqualTo(400);

        long type = targetType("tterr-type", dsType("os"));
        JsonAssert.error(
                api.mgmt("POST", TYPES, "[{\"name\":\"tterr-type\",\"key\":\"other\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/targets/tterr-t/targettype", "{\"id\":" + type + "}"), 204);
        JsonAssert.error(api.mgmt("DELETE", TYPES + "/" + type), 409, "hawkbit.server.error.target.type.used");
        JsonAssert.statusCode(api.mgmt("GET", TYPES + "/" + type), 200);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/tterr-t/targettype"), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", TYPES + "/" + type), 204);
    }

    @Test
    void deletingACompatibleDistributionSetType_removesItFromTheTargetType() {
        ApiClient.Response dsType = api.mgmt(
                "POST", "/rest/v1/distributionsettypes", "[{\"name\":\"ttdel ds type\",\"key\":\"ttdel-ds\"}]");
        JsonAssert.statusCode(dsType, 201);
        long ds = dsType.json().get(0).get("id").asLong();
        long os = dsType("os");
        long type = targetType("ttdel", ds);
        JsonAssert.statusCode(
                api.mgmt("POST", TYPES + "/" + type + "/compatibledistributionsettypes", "[{\"id\":" + os + "}]"), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsettypes/" + ds), 204);
        assertThat(ids(api.mgmt("GET", TYPES + "/" + type + "/compatibledistributionsettypes")
                        .json()))
                .containsExactly(os);
    }

    @Test
    void directAssignment_refusesIncompatibleTargets_onBothPaths() {
        long set = fixture.completeSet("ttdirect");
        long appOnly = targetType("ttdirect-app", dsType("app"));
        long osType = targetType("ttdirect-os", dsType("os"));
        typedTarget("ttdirect-bad", appOnly);
        typedTarget("ttdirect-good", osType);
        fixture.target("ttdirect-plain");

        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/ttdirect-bad/assignedDS", "{\"id\":" + set + "}"),
                400,
                "hawkbit.server.error.target.type.incompatible");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/ttdirect-bad/assignedDS"), 204);
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + set + "/assignedTargets",
                        "[{\"id\":\"ttdirect-good\"},{\"id\":\"ttdirect-bad\"}]"),
                400,
                "hawkbit.server.error.target.type.incompatible");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/ttdirect-good/assignedDS"), 204);

        fixture.assign("ttdirect-good", set, "forced");
        fixture.assign("ttdirect-plain", set, "forced");
        ApiClient.Response both = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + fixture.completeSet("ttdirect2") + "/assignedTargets",
                "[{\"id\":\"ttdirect-good\"},{\"id\":\"ttdirect-plain\"}]");
        JsonAssert.statusCode(both, 200);
        assertThat(both.json().get("assigned").asInt()).isEqualTo(2);
    }

    @Test
    void rollout_leavesIncompatibleTargetsOut_atCreationAndAtGroupStart() {
        long set = fixture.completeSet("ttroll");
        long appOnly = targetType("ttroll-app", dsType("app"));
        long osType = targetType("ttroll-os", dsType("os"));
        typedTarget("ttroll-bad", appOnly);
        typedTarget("ttroll-good", osType);
        fixture.target("ttroll-plain");
        typedTarget("ttroll-late", osType);

        long id = RolloutApiIT.rollout(api, "ttroll", "controllerId==ttroll-*", set);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id)
                        .json()
                        .get("totalTargets")
                        .asLong())
                .as("the incompatible target is not planned")
                .isEqualTo(3);
        // Its type changes after planning: the group start leaves it out too.
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targets/ttroll-late/targettype", "{\"id\":" + appOnly + "}"), 204);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rollouts.run();
            assertThat(RolloutApiIT.status(api, id)).isEqualTo("running");
            assertThat(actions("ttroll-good")).isEqualTo(1);
            assertThat(actions("ttroll-plain")).isEqualTo(1);
        });
        rollouts.run();
        assertThat(actions("ttroll-bad")).isZero();
        assertThat(actions("ttroll-late")).isZero();
        JsonNode group = RolloutApiIT.groups(api, id).get(0);
        assertThat(api.mgmt(
                                "GET",
                                "/rest/v1/rollouts/" + id + "/deploygroups/"
                                        + group.get("id").asLong() + "/targets")
                        .json()
                        .get("total")
                        .asLong())
                .as("the target left out leaves the group")
                .isEqualTo(2);
    }

    @Test
    void rollout_withOnlyIncompatibleTargets_isRefused() {
        long set = fixture.completeSet("ttrollnone");
        typedTarget("ttrollnone-bad", targetType("ttrollnone-app", dsType("app")));
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        "/rest/v1/rollouts",
                        "{\"name\":\"ttrollnone\",\"targetFilterQuery\":\"controllerId==ttrollnone-*\","
                                + "\"distributionSetId\":" + set + ",\"amountGroups\":1}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
    }

    @Test
    void autoAssignment_leavesIncompatibleTargetsOut() {
        long set = fixture.completeSet("ttauto");
        typedTarget("ttauto-bad", targetType("ttauto-app", dsType("app")));
        typedTarget("ttauto-good", targetType("ttauto-os", dsType("os")));
        fixture.target("ttauto-plain");
        ApiClient.Response filter = api.mgmt(
                "POST", "/rest/v1/targetfilters", "{\"name\":\"ttauto\",\"query\":\"controllerId==ttauto-*\"}");
        JsonAssert.statusCode(filter, 201);
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/targetfilters/" + filter.json().get("id").asLong() + "/autoAssignDS",
                        "{\"id\":" + set + "}"),
                200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            autoAssign.run();
            assertThat(actions("ttauto-good")).isEqualTo(1);
            assertThat(actions("ttauto-plain")).isEqualTo(1);
        });
        autoAssign.run();
        assertThat(actions("ttauto-bad")).isZero();
    }

    private long actions(String controllerId) {
        return api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions")
                .json()
                .get("total")
                .asLong();
    }

    private void typedTarget(String controllerId, long type) {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/targets",
                "[{\"controllerId\":\"" + controllerId + "\",\"targetType\":" + type + "}]");
        JsonAssert.statusCode(created, 201);
    }

    private long dsType(String key) {
        return api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==" + key)
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
    }

    /** A target type named and keyed {@code name}, compatible with the given distribution set type. */
    private long targetType(String name, long dsType) {
        ApiClient.Response created = api.mgmt(
                "POST",
                TYPES,
                "[{\"name\":\"" + name + "\",\"key\":\"" + name + "\",\"compatibledistributionsettypes\":[{\"id\":"
                        + dsType + "}]}]");
        JsonAssert.statusCode(created, 201);
        return created.json().get(0).get("id").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
