package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /rest/v1/targettags} on one node: each endpoint's happy path, tag assign and unassign read back from both sides. */
@MgmtApiTest
class TargetTagApiIT {

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
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/targettags",
                "[{\"name\":\"tagapi-crud-blue\",\"description\":\"first\",\"colour\":\"#0000ff\"},{\"name\":\"tagapi-crud-green\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode tag = created.json().get(0);
        long id = tag.get("id").asLong();
        assertThat(tag.get("name").asString()).isEqualTo("tagapi-crud-blue");
        assertThat(tag.get("description").asString()).isEqualTo("first");
        assertThat(tag.get("colour").asString()).isEqualTo("#0000ff");
        assertThat(tag.get("createdBy").asString()).isEqualTo("admin");
        assertThat(tag.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/targettags/" + id);

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/targettags?q=name==tagapi-crud-*&sort=name:DESC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("content").get(0).get("name").asString()).isEqualTo("tagapi-crud-green");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/targettags/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("name").asString()).isEqualTo("tagapi-crud-blue");
        assertThat(one.json().get("_links").get("assignedTargets").get("href").asString())
                .contains("/rest/v1/targettags/" + id + "/assigned");

        ApiClient.Response updated = api.mgmt(
                "PUT",
                "/rest/v1/targettags/" + id,
                "{\"name\":\"tagapi-crud-navy\",\"description\":\"changed\",\"colour\":\"#000080\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("name").asString()).isEqualTo("tagapi-crud-navy");
        JsonNode reread = api.mgmt("GET", "/rest/v1/targettags/" + id).json();
        assertThat(reread.get("name").asString()).isEqualTo("tagapi-crud-navy");
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("colour").asString()).isEqualTo("#000080");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targettags/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targettags/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/targettags?q=name==tagapi-crud-*")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void assign_acceptsStringsObjectsAndOneObject_unassign_removesOne() {
        for (int i = 1; i <= 3; i++) {
            fixture.target("tagapi-t" + i);
        }
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tagapi-assign\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        String assigned = "/rest/v1/targettags/" + tag + "/assigned";
        ApiClient.Response empty = api.mgmt("GET", assigned);
        JsonAssert.statusCode(empty, 200);
        assertThat(empty.json().get("total").asLong()).isZero();

        // 1.1 answers 204 without a body; both body forms (1.1's strings, 0.3's objects) are accepted.
        ApiClient.Response tagged = api.mgmt("POST", assigned, "[\"tagapi-t1\",{\"controllerId\":\"tagapi-t2\"}]");
        JsonAssert.statusCode(tagged, 204);
        assertThat(tagged.text()).isEmpty();
        ApiClient.Response single = api.mgmt("POST", assigned, "{\"controllerId\":\"tagapi-t3\"}");
        JsonAssert.statusCode(single, 204);

        ApiClient.Response all = api.mgmt("GET", assigned + "?sort=controllerId:ASC");
        JsonAssert.statusCode(all, 200);
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        assertThat(controllerIds(all.json().get("content"))).containsExactly("tagapi-t1", "tagapi-t2", "tagapi-t3");
        ApiClient.Response filtered = api.mgmt("GET", assigned + "?q=controllerId==tagapi-t2");
        assertThat(controllerIds(filtered.json().get("content"))).containsExactly("tagapi-t2");
        assertThat(api.mgmt("GET", "/rest/v1/targets/tagapi-t1/tags")
                        .json()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(tag);

        JsonAssert.statusCode(api.mgmt("DELETE", assigned + "/tagapi-t1"), 204);
        assertThat(controllerIds(api.mgmt("GET", assigned + "?sort=controllerId:ASC")
                        .json()
                        .get("content")))
                .containsExactly("tagapi-t2", "tagapi-t3");
        assertThat(api.mgmt("GET", "/rest/v1/targets/tagapi-t1/tags").json().size())
                .isZero();
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tagapi-t1"), 200);
    }

    @Test
    void deletingATagInUse_untagsItsTargets() {
        fixture.target("tagapi-inuse");
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tagapi-inuse\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/targettags/" + tag + "/assigned", "[\"tagapi-inuse\"]"), 204);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targettags/" + tag), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targettags/" + tag), 404);
        ApiClient.Response tags = api.mgmt("GET", "/rest/v1/targets/tagapi-inuse/tags");
        JsonAssert.statusCode(tags, 200);
        assertThat(tags.json().size()).isZero();
    }

    @Test
    void tagOne_and_untagMany_allOrNothing() {
        for (int i = 1; i <= 3; i++) {
            fixture.target("tagone-t" + i);
        }
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tagone\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        String assigned = "/rest/v1/targettags/" + tag + "/assigned";
        String notFound = "hawkbit.server.error.repo.entitiyNotFound";

        ApiClient.Response one = api.mgmt("POST", assigned + "/tagone-t1");
        JsonAssert.statusCode(one, 204);
        assertThat(one.text()).isEmpty();
        JsonAssert.statusCode(api.mgmt("POST", assigned + "/tagone-t1"), 204);
        JsonAssert.statusCode(api.mgmt("POST", assigned + "/tagone-t2"), 204);
        JsonAssert.statusCode(api.mgmt("POST", assigned + "/tagone-t3"), 204);
        JsonAssert.error(api.mgmt("POST", assigned + "/tagone-none"), 404, notFound);
        JsonAssert.error(api.mgmt("POST", "/rest/v1/targettags/987654321/assigned/tagone-t1"), 404, notFound);
        assertThat(controllerIds(api.mgmt("GET", assigned + "?sort=controllerId:ASC")
                        .json()
                        .get("content")))
                .containsExactly("tagone-t1", "tagone-t2", "tagone-t3");
        assertThat(controllerIds(api.mgmt("GET", assigned + "?q=controllerId==tagone-t3")
                        .json()
                        .get("content")))
                .as("q is honoured")
                .containsExactly("tagone-t3");

        JsonAssert.error(api.mgmt("DELETE", assigned, "[\"tagone-t1\",\"tagone-none\"]"), 404, notFound);
        JsonAssert.error(api.mgmt("DELETE", assigned, "[1]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("DELETE", assigned, "\"x\""), 400, "hawkbit.server.error.rest.body.notReadable");
        assertThat(api.mgmt("DELETE", assigned).status()).isEqualTo(400);
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/targettags/987654321/assigned", "[\"tagone-t1\"]"), 404, notFound);
        assertThat(api.mgmt("GET", assigned).json().get("total").asLong())
                .as("nothing untagged")
                .isEqualTo(3);

        ApiClient.Response untagged = api.mgmt("DELETE", assigned, "[\"tagone-t1\",{\"controllerId\":\"tagone-t2\"}]");
        JsonAssert.statusCode(untagged, 204);
        assertThat(untagged.text()).isEmpty();
        assertThat(controllerIds(api.mgmt("GET", assigned).json().get("content")))
                .containsExactly("tagone-t3");
        assertThat(api.mgmt("GET", "/rest/v1/targets/tagone-t1/tags").json().size())
                .isZero();
    }

    private static List<String> controllerIds(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("controllerId").asString()));
        return ids;
    }
}
