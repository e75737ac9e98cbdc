package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /rest/v1/distributionsets} on one node: each endpoint's happy path, with a second read of the change. */
@MgmtApiTest
class DistributionSetApiIT {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void create_list_get_update_delete() {
        long os = fixture.module("dsapi-crud-os", "1", "os");
        long app = fixture.module("dsapi-crud-app", "1", "application");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsets",
                "[{\"name\":\"dsapi-crud\",\"version\":\"1.0\","
                        + "\"description\":\"first\",\"type\":\"os_app\",\"modules\":[{\"id\":" + os + "},{\"id\":"
                        + app + "}],"
                        + "\"requiredMigrationStep\":true},{\"name\":\"dsapi-crud\",\"version\":\"2.0\",\"type\":\"os\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode set = created.json().get(0);
        long id = set.get("id").asLong();
        assertThat(set.get("name").asString()).isEqualTo("dsapi-crud");
        assertThat(set.get("version").asString()).isEqualTo("1.0");
        assertThat(set.get("description").asString()).isEqualTo("first");
        assertThat(set.get("type").asString()).isEqualTo("os_app");
        assertThat(set.get("typeName").asString()).isEqualTo("OS with app(s)");
        assertThat(set.get("requiredMigrationStep").asBoolean()).isTrue();
        assertThat(set.get("complete").asBoolean()).isTrue();
        assertThat(set.get("locked").asBoolean()).isFalse();
        assertThat(set.get("deleted").asBoolean()).isFalse();
        assertThat(set.get("valid").asBoolean()).as("1.1: not invalidated").isTrue();
        assertThat(ids(set.get("modules"))).containsExactlyInAnyOrder(os, app);
        assertThat(set.get("modules").get(0).get("complete").asBoolean()).isTrue();
        assertThat(set.get("createdBy").asString()).isEqualTo("admin");
        assertThat(created.json().get(1).get("complete").asBoolean())
                .as("os type without its os module")
                .isFalse();

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/distributionsets?q=name==dsapi-crud&sort=version:DESC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("content").get(0).get("version").asString()).isEqualTo("2.0");
        assertThat(page.json().get("content").get(0).get("valid").asBoolean()).isTrue();

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/distributionsets/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("name").asString()).isEqualTo("dsapi-crud");
        assertThat(one.json().get("valid").asBoolean()).isTrue();
        assertThat(one.json().get("_links").get("modules").get("href").asString())
                .contains("/rest/v1/distributionsets/" + id + "/assignedSM");
        assertThat(one.json().get("_links").get("type").get("href").asString())
                .contains("/rest/v1/distributionsettypes/");

        ApiClient.Response updated = api.mgmt(
                "PUT",
                "/rest/v1/distributionsets/" + id,
                "{\"description\":\"changed\",\"version\":\"1.1\",\"requiredMigrationStep\":false}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("version").asString()).isEqualTo("1.1");
        JsonNode reread = api.mgmt("GET", "/rest/v1/distributionsets/" + id).json();
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("version").asString()).isEqualTo("1.1");
        assertThat(reread.get("requiredMigrationStep").asBoolean()).isFalse();
        assertThat(reread.get("name").asString()).as("absent fields stay").isEqualTo("dsapi-crud");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsets/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsets/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets?q=name==dsapi-crud")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void assignedSm_list_add_remove() {
        long os = fixture.module("dsapi-sm-os", "1", "os");
        long app1 = fixture.module("dsapi-sm-app1", "1", "application");
        long app2 = fixture.module("dsapi-sm-app2", "1", "application");
        long set = fixture.distributionSet("dsapi-sm", "1", "os_app", os);

        ApiClient.Response before = api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM");
        JsonAssert.statusCode(before, 200);
        assertThat(before.json().get("total").asLong()).isEqualTo(1);
        assertThat(before.json().get("content").get(0).get("id").asLong()).isEqualTo(os);
        assertThat(before.json().get("content").get(0).get("type").asString()).isEqualTo("os");

        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + set + "/assignedSM",
                        "[{\"id\":" + app1 + "},{\"id\":" + app2 + "}]"),
                204);
        ApiClient.Response all = api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM");
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        assertThat(ids(all.json().get("content"))).containsExactlyInAnyOrder(os, app1, app2);
        ApiClient.Response paged = api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM?offset=1&limit=1");
        JsonAssert.statusCode(paged, 200);
        assertThat(paged.json().get("total").asLong()).isEqualTo(3);
        assertThat(paged.json().get("size").asInt()).isEqualTo(1);
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM?sort=name:DESC")
                        .json()
                        .get("content")))
                .containsExactly(os, app2, app1);
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM?sort=name:ASC&offset=1")
                        .json()
                        .get("content")))
                .containsExactly(app2, os);
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsets/" + set)
                        .json()
                        .get("modules")))
                .containsExactlyInAnyOrder(os, app1, app2);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsets/" + set + "/assignedSM/" + app1), 204);
        ApiClient.Response after = api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM");
        assertThat(after.json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(after.json().get("content"))).containsExactlyInAnyOrder(os, app2);
    }

    @Test
    void assignedTargets_createsActions_andLocksTheSet() {
        long set = fixture.completeSet("dsapi-at");
        fixture.target("dsapi-at-1");
        fixture.target("dsapi-at-2");

        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets",
                "[{\"id\":\"dsapi-at-1\",\"type\":\"forced\"},{\"id\":\"dsapi-at-2\",\"type\":\"soft\",\"weight\":10}]");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(assigned.json().get("alreadyAssigned").asInt()).isZero();
        assertThat(assigned.json().get("total").asInt()).isEqualTo(2);
        List<String> actionLinks = new ArrayList<>();
        assigned.json()
                .get("assignedActions")
                .forEach(a ->
                        actionLinks.add(a.get("_links").get("self").get("href").asString()));
        assertThat(actionLinks)
                .hasSize(2)
                .anyMatch(href -> href.contains("/rest/v1/targets/dsapi-at-1/actions/"))
                .anyMatch(href -> href.contains("/rest/v1/targets/dsapi-at-2/actions/"));

        for (String target : List.of("dsapi-at-1", "dsapi-at-2")) {
            assertThat(api.mgmt("GET", "/rest/v1/targets/" + target + "/assignedDS")
                            .json()
                            .get("id")
                            .asLong())
                    .isEqualTo(set);
        }
        JsonNode action = api.mgmt("GET", "/rest/v1/targets/dsapi-at-2/actions")
                .json()
                .get("content")
                .get(0);
        assertThat(action.get("forceType").asString()).isEqualTo("soft");
        assertThat(action.get("weight").asInt()).isEqualTo(10);
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets/" + set)
                        .json()
                        .get("locked")
                        .asBoolean())
                .as("an assigned set is locked")
                .isTrue();

        ApiClient.Response again =
                api.mgmt("POST", "/rest/v1/distributionsets/" + set + "/assignedTargets", "[{\"id\":\"dsapi-at-1\"}]");
        JsonAssert.statusCode(again, 200);
        assertThat(again.json().get("assigned").asInt()).isZero();
        assertThat(again.json().get("alreadyAssigned").asInt()).isEqualTo(1);
    }

    @Test
    void delete_ofAnAssignedSet_onlyMarksItDeleted() {
        long set = fixture.completeSet("dsapi-del-assigned");
        fixture.target("dsapi-del-assigned");
        long action = fixture.assign("dsapi-del-assigned", set, "forced");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsets/" + set), 204);
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/distributionsets/" + set);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets?q=name==dsapi-del-assigned-set")
                        .json()
                        .get("total")
                        .asLong())
                .as("deleted sets are not listed")
                .isZero();
        assertThat(api.mgmt("GET", "/rest/v1/targets/dsapi-del-assigned/actions/" + action)
                        .json()
                        .get("_links")
                        .get("distributionset")
                        .get("href")
                        .asString())
                .endsWith("/rest/v1/distributionsets/" + set);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
