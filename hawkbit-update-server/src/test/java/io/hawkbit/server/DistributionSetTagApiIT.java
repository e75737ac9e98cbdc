package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rest/v1/distributionsettags} as hawkBit 1.1 answers: each endpoint's happy path read back from both sides,
 * status codes (204 for deletes and assignments), field and link names, and the refusals.
 */
@MgmtApiTest
class DistributionSetTagApiIT {

    private static final String TAGS = "/rest/v1/distributionsettags";
    private static final String NOT_FOUND = "hawkbit.server.error.repo.entitiyNotFound";

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
                TAGS,
                "[{\"name\":\"dstag-crud-blue\",\"description\":\"first\",\"colour\":\"#0000ff\"},{\"name\":\"dstag-crud-green\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode tag = created.json().get(0);
        long id = tag.get("id").asLong();
        assertThat(tag.get("name").asString()).isEqualTo("dstag-crud-blue");
        assertThat(tag.get("description").asString()).isEqualTo("first");
        assertThat(tag.get("colour").asString()).isEqualTo("#0000ff");
        assertThat(tag.get("createdBy").asString()).isEqualTo("admin");
        assertThat(tag.has("createdAt")).isTrue();
        assertThat(tag.has("lastModifiedBy")).isTrue();
        assertThat(tag.has("lastModifiedAt")).isTrue();
        assertThat(tag.get("_links").get("self").get("href").asString()).endsWith(TAGS + "/" + id);
        assertThat(tag.get("_links").has("assignedDistributionSets")).isFalse();

        ApiClient.Response page = api.mgmt("GET", TAGS + "?q=name==dstag-crud-*&sort=name:DESC&limit=1");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("name").asString()).isEqualTo("dstag-crud-green");
        // Target tags and set tags are apart.
        assertThat(api.mgmt("GET", "/rest/v1/targettags?q=name==dstag-crud-*")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        ApiClient.Response one = api.mgmt("GET", TAGS + "/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("name").asString()).isEqualTo("dstag-crud-blue");
        assertThat(one.json()
                        .get("_links")
                        .get("assignedDistributionSets")
                        .get("href")
                        .asString())
                .endsWith(TAGS + "/" + id + "/assigned?offset=0&limit=50");

        ApiClient.Response updated = api.mgmt(
                "PUT",
                TAGS + "/" + id,
                "{\"name\":\"dstag-crud-navy\",\"description\":\"changed\",\"colour\":\"#000080\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("name").asString()).isEqualTo("dstag-crud-navy");
        assertThat(updated.json().get("_links").has("assignedDistributionSets")).isTrue();
        JsonNode reread = api.mgmt("GET", TAGS + "/" + id).json();
        assertThat(reread.get("name").asString()).isEqualTo("dstag-crud-navy");
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("colour").asString()).isEqualTo("#000080");

        ApiClient.Response deleted = api.mgmt("DELETE", TAGS + "/" + id);
        JsonAssert.statusCode(deleted, 204);
        assertThat(deleted.text()).isEmpty();
        JsonAssert.error(api.mgmt("GET", TAGS + "/" + id), 404, NOT_FOUND);
        assertThat(api.mgmt("GET", TAGS + "?q=name==dstag-crud-*")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void assign_bulkAndOne_listWithQuery_unassign_bulkAndOne() {
        long s1 = fixture.completeSet("dstag-a1");
        long s2 = fixture.completeSet("dstag-a2");
        long s3 = fixture.completeSet("dstag-a3");
        long tag = tag("dstag-assign");
        String assigned = TAGS + "/" + tag + "/assigned";
        ApiClient.Response empty = api.mgmt("GET", assigned);
        JsonAssert.statusCode(empty, 200);
        assertThat(empty.json().get("total").asLong()).isZero();

        // 1.1's body is a list of ids; hawkBit 0.x's [{id}] is accepted too. Tagging twice changes nothing.
        ApiClient.Response bulk = api.mgmt("POST", assigned, "[" + s1 + ",{\"id\":" + s2 + "}," + s1 + "]");
        JsonAssert.statusCode(bulk, 204);
        assertThat(bulk.text()).isEmpty();
        ApiClient.Response single = api.mgmt("POST", assigned + "/" + s3);
        JsonAssert.statusCode(single, 204);
        assertThat(single.text()).isEmpty();

        ApiClient.Response all = api.mgmt("GET", assigned + "?sort=id:ASC");
        JsonAssert.statusCode(all, 200);
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        assertThat(ids(all.json().get("content"))).containsExactly(s1, s2, s3);
        JsonNode item = all.json().get("content").get(0);
        assertThat(item.get("name").asString()).isEqualTo("dstag-a1-set");
        assertThat(item.get("valid").asBoolean()).isTrue();
        assertThat(item.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/distributionsets/" + s1);
        ApiClient.Response filtered = api.mgmt("GET", assigned + "?q=name==dstag-a2-set");
        JsonAssert.statusCode(filtered, 200);
        assertThat(ids(filtered.json().get("content"))).containsExactly(s2);
        ApiClient.Response paged = api.mgmt("GET", assigned + "?sort=id:DESC&offset=1&limit=1");
        assertThat(paged.json().get("total").asLong()).isEqualTo(3);
        assertThat(ids(paged.json().get("content"))).containsExactly(s2);

        // The sets resource filters by tag name, as hawkBit's tag field does.
        ApiClient.Response byTag =
                api.mgmt("GET", "/rest/v1/distributionsets?q=tag==dstag-assign;name==dstag-a*&sort=id:ASC");
        JsonAssert.statusCode(byTag, 200);
        assertThat(ids(byTag.json().get("content"))).containsExactly(s1, s2, s3);
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsets?q=tag.name==dstag-assign&sort=id:ASC")
                        .json()
                        .get("content")))
                .containsExactly(s1, s2, s3);

        ApiClient.Response unassignOne = api.mgmt("DELETE", assigned + "/" + s1);
        JsonAssert.statusCode(unassignOne, 204);
        assertThat(ids(api.mgmt("GET", assigned + "?sort=id:ASC").json().get("content")))
                .containsExactly(s2, s3);
        ApiClient.Response unassignBulk = api.mgmt("DELETE", assigned, "[" + s2 + "," + s3 + "]");
        JsonAssert.statusCode(unassignBulk, 204);
        assertThat(api.mgmt("GET", assigned).json().get("total").asLong()).isZero();
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/distributionsets/" + s1), 200);
    }

    @Test
    void deletingATagInUse_untagsItsSets_andDeletedSetsAreNotListed() {
        long set = fixture.completeSet("dstag-inuse");
        long gone = fixture.completeSet("dstag-gone");
        long tag = tag("dstag-inuse");
        JsonAssert.statusCode(api.mgmt("POST", TAGS + "/" + tag + "/assigned", "[" + set + "," + gone + "]"), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsets/" + gone), 204);
        assertThat(ids(api.mgmt("GET", TAGS + "/" + tag + "/assigned").json().get("content")))
                .containsExactly(set);

        JsonAssert.statusCode(api.mgmt("DELETE", TAGS + "/" + tag), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/distributionsets/" + set), 200);
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets?q=tag==dstag-inuse")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void unknownTagOrSet_is404_andNothingIsTagged() {
        long set = fixture.completeSet("dstag-404");
        long tag = tag("dstag-404");
        String assigned = TAGS + "/" + tag + "/assigned";
        JsonAssert.error(api.mgmt("GET", TAGS + "/999999"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("PUT", TAGS + "/999999", "{\"name\":\"x\"}"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", TAGS + "/999999"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("GET", TAGS + "/999999/assigned"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("POST", TAGS + "/999999/assigned", "[" + set + "]"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("POST", TAGS + "/999999/assigned/" + set), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", TAGS + "/999999/assigned/" + set), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", TAGS + "/999999/assigned", "[" + set + "]"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("POST", assigned + "/999999"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", assigned + "/999999"), 404, NOT_FOUND);
        // All or nothing: one unknown set in the list and the known one stays untagged.
        JsonAssert.error(api.mgmt("POST", assigned, "[" + set + ",999999]"), 404, NOT_FOUND);
        assertThat(api.mgmt("GET", assigned).json().get("total").asLong()).isZero();
    }

    @Test
    void badBodiesAndQueries_are400_or409() {
        long tag = tag("dstag-bad");
        String assigned = TAGS + "/" + tag + "/assigned";
        JsonAssert.error(
                api.mgmt("POST", TAGS, "[{\"description\":\"no name\"}]"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", TAGS, "[{\"name\":\"" + "n".repeat(129) + "\"}]"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", TAGS, "[{\"name\":\"dstag-bad\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.error(
                api.mgmt("POST", TAGS, "[{\"name\":\"dstag-twice\"},{\"name\":\"dstag-twice\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        assertThat(api.mgmt("GET", TAGS + "?q=name==dstag-twice")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        JsonAssert.error(
                api.mgmt("PUT", TAGS + "/" + tag, "{\"name\":\"\"}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(api.mgmt("POST", assigned, "[\"abc\"]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("POST", assigned, "[null]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("POST", assigned, "[1.5]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("POST", assigned, "[{}]"), 400, "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(api.mgmt("POST", assigned, "\"x\""), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("DELETE", assigned, "[true]"), 400, "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("GET", TAGS + "?q=nope==1"), 400, "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                api.mgmt("GET", assigned + "?q=nope==1"), 400, "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(api.mgmt("GET", TAGS + "?sort=nope:ASC"), 400, "hawkbit.server.error.rest.param.invalidField");
    }

    private long tag(String name) {
        ApiClient.Response created = api.mgmt("POST", TAGS, "[{\"name\":\"" + name + "\"}]");
        JsonAssert.statusCode(created, 201);
        return created.json().get(0).get("id").asLong();
    }

    private static List<Long> ids(JsonNode content) {
        List<Long> ids = new ArrayList<>();
        content.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }
}
