package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.target.PollRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /rest/v1/targets} on one node: each endpoint's happy path in hawkBit's JSON, with a second read of the change. */
@MgmtApiTest
class TargetApiIT {

    @LocalServerPort
    int port;

    @Autowired
    PollRecorder polls;

    @Autowired
    JdbcTemplate jdbc;

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
                "/rest/v1/targets",
                "[{\"controllerId\":\"tapi-crud-1\",\"name\":\"First\","
                        + "\"description\":\"lab\",\"address\":\"http://192.168.0.7:8080\"},{\"controllerId\":\"tapi-crud-2\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode first = created.json().get(0);
        assertThat(first.get("controllerId").asString()).isEqualTo("tapi-crud-1");
        assertThat(first.get("name").asString()).isEqualTo("First");
        assertThat(first.get("description").asString()).isEqualTo("lab");
        assertThat(first.get("address").asString()).isEqualTo("http://192.168.0.7:8080");
        assertThat(first.get("ipAddress").asString()).isEqualTo("192.168.0.7");
        assertThat(first.get("updateStatus").asString()).isEqualTo("unknown");
        assertThat(first.get("securityToken").asString())
                .as("admin holds READ_TARGET_SECURITY_TOKEN")
                .isNotBlank();
        assertThat(first.get("requestAttributes").asBoolean()).isTrue();
        assertThat(first.get("createdBy").asString()).isEqualTo("admin");
        assertThat(first.get("createdAt").asLong()).isPositive();
        assertThat(first.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/targets/tapi-crud-1");
        assertThat(created.json().get(1).get("name").asString())
                .as("name defaults to the controllerId")
                .isEqualTo("tapi-crud-2");

        ApiClient.Response page =
                api.mgmt("GET", "/rest/v1/targets?q=controllerId==tapi-crud-*&sort=controllerId:DESC&limit=1");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("controllerId").asString())
                .isEqualTo("tapi-crud-2");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/targets/tapi-crud-1");
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("name").asString()).isEqualTo("First");
        assertThat(one.json().has("pollStatus")).as("never polled").isFalse();
        JsonNode links = one.json().get("_links");
        assertThat(links.get("assignedDS").get("href").asString()).endsWith("/rest/v1/targets/tapi-crud-1/assignedDS");
        assertThat(links.get("installedDS").get("href").asString())
                .endsWith("/rest/v1/targets/tapi-crud-1/installedDS");
        assertThat(links.get("attributes").get("href").asString()).endsWith("/rest/v1/targets/tapi-crud-1/attributes");
        assertThat(links.get("actions").get("href").asString()).contains("/rest/v1/targets/tapi-crud-1/actions");

        ApiClient.Response updated = api.mgmt(
                "PUT",
                "/rest/v1/targets/tapi-crud-1",
                "{\"name\":\"Renamed\",\"description\":\"field\",\"address\":\"http://10.0.0.9\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Renamed");
        JsonNode reread = api.mgmt("GET", "/rest/v1/targets/tapi-crud-1").json();
        assertThat(reread.get("name").asString()).isEqualTo("Renamed");
        assertThat(reread.get("description").asString()).isEqualTo("field");
        assertThat(reread.get("ipAddress").asString()).isEqualTo("10.0.0.9");
        assertThat(reread.get("lastModifiedBy").asString()).isEqualTo("admin");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/tapi-crud-1"), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targets/tapi-crud-1"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=controllerId==tapi-crud-*")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void delete_ofATargetWithActionAttributesAndTag_removesItAndItsActions() {
        long set = fixture.completeSet("tapi-del");
        String token = fixture.target("tapi-del");
        api.send(
                "PUT",
                "/DEFAULT/controller/v1/tapi-del/configData",
                "{\"data\":{\"k\":\"v\"}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        long action = fixture.assign("tapi-del", set, "forced");
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tapi-del\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/targettags/" + tag + "/assigned", "[\"tapi-del\"]"), 204);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/tapi-del"), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tapi-del"), 404);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/actions/" + action), 404);
        assertThat(api.mgmt("GET", "/rest/v1/targettags/" + tag + "/assigned")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/distributionsets/" + set);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isFalse();
    }

    @Test
    void totalsOfTagAndAttributeFilters_followConfigDataTagsAndDeletes() {
        // These totals are counted over target_attributes / target_target_tag alone (V1_20: each attribute row carries
        // its target's tenant), so the rows must follow every change made through the APIs.
        String[] tokens = {fixture.target("tapi-cnt-1"), fixture.target("tapi-cnt-2"), fixture.target("tapi-cnt-3")};
        configData(1, tokens, "merge", "{\"region\":\"tapi-cnt-eu\",\"hw\":\"a\"}");
        configData(2, tokens, "merge", "{\"region\":\"tapi-cnt-eu\"}");
        configData(3, tokens, "merge", "{\"region\":\"tapi-cnt-us\"}");
        assertThat(total("attribute.region==tapi-cnt-eu")).isEqualTo(2);
        assertThat(total("attribute.region==TAPI-CNT-*")).isEqualTo(3);

        configData(2, tokens, "replace", "{\"hw\":\"b\"}");
        assertThat(total("attribute.region==tapi-cnt-eu")).as("replaced").isEqualTo(1);
        configData(1, tokens, "remove", "{\"region\":\"\"}");
        assertThat(total("attribute.region==tapi-cnt-eu")).as("removed").isZero();
        configData(2, tokens, "merge", "{\"region\":\"tapi-cnt-eu\"}");
        configData(3, tokens, "merge", "{\"region\":\"tapi-cnt-eu\"}");
        assertThat(total("attribute.region==tapi-cnt-eu"))
                .as("merged, value changed")
                .isEqualTo(2);
        assertThat(total("attribute.hw=in=(a,b)")).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from target_attributes a join target t on t.id = a.target_id"
                                + " where t.controller_id like 'tapi-cnt-%' and a.tenant = t.tenant",
                        Long.class))
                .as("every row written with its target's tenant (hw on 1 and 2, region on 2 and 3)")
                .isEqualTo(4);

        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tapi-cnt-red\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/targettags/" + tag + "/assigned",
                        "[\"tapi-cnt-1\",\"tapi-cnt-2\",\"tapi-cnt-3\"]"),
                204);
        assertThat(total("tag==tapi-cnt-red")).isEqualTo(3);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targettags/" + tag + "/assigned/tapi-cnt-3"), 204);
        assertThat(total("tag==tapi-cnt-red")).as("unassigned").isEqualTo(2);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/tapi-cnt-2"), 204);
        assertThat(total("tag==tapi-cnt-red")).as("target deleted").isEqualTo(1);
        assertThat(total("attribute.region==tapi-cnt-eu")).as("target deleted").isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from target_attributes a left join target t on t.id = a.target_id"
                                + " where t.id is null",
                        Long.class))
                .as("no attribute row outlives its target")
                .isZero();

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targettags/" + tag), 204);
        assertThat(total("tag==tapi-cnt-red")).as("tag deleted").isZero();
        assertThat(total("tag==tapi-cnt-*")).isZero();
    }

    private void configData(int device, String[] tokens, String mode, String data) {
        JsonAssert.statusCode(
                api.send(
                        "PUT",
                        "/DEFAULT/controller/v1/tapi-cnt-" + device + "/configData",
                        "{\"mode\":\"" + mode + "\",\"data\":" + data + "}",
                        Map.of(
                                "Authorization",
                                "TargetToken " + tokens[device - 1],
                                "Content-Type",
                                "application/json")),
                200);
    }

    /** A page's total as the API reports it (limit=1, so the count runs whenever there is more than one match). */
    private long total(String rsql) {
        ApiClient.Response page = api.mgmt("GET", "/rest/v1/targets?limit=1&q=" + rsql);
        JsonAssert.statusCode(page, 200);
        return page.json().get("total").asLong();
    }

    @Test
    void attributes_areEmptyUntilTheDeviceSendsThem() {
        String token = fixture.target("tapi-attr");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tapi-attr/attributes"), 204);

        ApiClient.Response configData = api.send(
                "PUT",
                "/DEFAULT/controller/v1/tapi-attr/configData",
                "{\"mode\":\"merge\",\"data\":{\"hwRevision\":\"2\",\"serial\":\"A1\"}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        JsonAssert.statusCode(configData, 200);

        ApiClient.Response attributes = api.mgmt("GET", "/rest/v1/targets/tapi-attr/attributes");
        JsonAssert.statusCode(attributes, 200);
        assertThat(attributes.json().get("hwRevision").asString()).isEqualTo("2");
        assertThat(attributes.json().get("serial").asString()).isEqualTo("A1");
        assertThat(attributes.json().size()).isEqualTo(2);
    }

    @Test
    void requestAttributes_asksTheDeviceAgain() {
        String token = fixture.target("tapi-reqattr");
        api.send(
                "PUT",
                "/DEFAULT/controller/v1/tapi-reqattr/configData",
                "{\"data\":{\"k\":\"v\"}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(api.mgmt("GET", "/rest/v1/targets/tapi-reqattr")
                        .json()
                        .get("requestAttributes")
                        .asBoolean())
                .isFalse();

        ApiClient.Response updated = api.mgmt("PUT", "/rest/v1/targets/tapi-reqattr", "{\"requestAttributes\":true}");
        JsonAssert.statusCode(updated, 200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/tapi-reqattr")
                        .json()
                        .get("requestAttributes")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void assignment_isShownAsAssignedDs_actionAndStatus_thenInstalledDsAfterSuccess() {
        long set = fixture.completeSet("tapi-assign");
        RolloutDevices device = new RolloutDevices();
        device.create(fixture, "tapi-assign");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tapi-assign/assignedDS"), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tapi-assign/installedDS"), 204);

        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/tapi-assign/assignedDS",
                "[{\"id\":" + set + ",\"type\":\"soft\",\"weight\":300}]");
        JsonAssert.statusCode(assigned, 200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(1);
        assertThat(assigned.json().get("alreadyAssigned").asInt()).isZero();
        assertThat(assigned.json().get("total").asInt()).isEqualTo(1);
        JsonNode assignedAction = assigned.json().get("assignedActions").get(0);
        long action = assignedAction.get("id").asLong();
        assertThat(assignedAction.get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/targets/tapi-assign/actions/" + action);

        ApiClient.Response assignedDs = api.mgmt("GET", "/rest/v1/targets/tapi-assign/assignedDS");
        JsonAssert.statusCode(assignedDs, 200);
        assertThat(assignedDs.json().get("id").asLong()).isEqualTo(set);
        assertThat(assignedDs.json().get("name").asString()).isEqualTo("tapi-assign-set");
        assertThat(api.mgmt("GET", "/rest/v1/targets/tapi-assign")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("pending");

        ApiClient.Response actions = api.mgmt("GET", "/rest/v1/targets/tapi-assign/actions");
        JsonAssert.statusCode(actions, 200);
        assertThat(actions.json().get("total").asLong()).isEqualTo(1);
        JsonNode listed = actions.json().get("content").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(action);
        assertThat(listed.get("type").asString()).isEqualTo("update");
        assertThat(listed.get("status").asString()).isEqualTo("running");
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("forceType").asString()).isEqualTo("soft");
        assertThat(listed.get("weight").asInt()).isEqualTo(300);
        assertThat(listed.get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/targets/tapi-assign/actions/" + action);

        ApiClient.Response detailed = api.mgmt("GET", "/rest/v1/targets/tapi-assign/actions/" + action);
        JsonAssert.statusCode(detailed, 200);
        assertThat(detailed.json().get("status").asString()).isEqualTo("running");
        assertThat(detailed.json().get("active").asBoolean()).isTrue();
        JsonNode links = detailed.json().get("_links");
        assertThat(links.get("target").get("href").asString()).endsWith("/rest/v1/targets/tapi-assign");
        assertThat(links.get("target").get("name").asString()).isEqualTo("tapi-assign");
        assertThat(links.get("distributionset").get("href").asString()).endsWith("/rest/v1/distributionsets/" + set);
        assertThat(links.get("status").get("href").asString())
                .contains("/rest/v1/targets/tapi-assign/actions/" + action + "/status");

        device.finish(api, "tapi-assign", "success");

        ApiClient.Response installed = api.mgmt("GET", "/rest/v1/targets/tapi-assign/installedDS");
        JsonAssert.statusCode(installed, 200);
        assertThat(installed.json().get("id").asLong()).isEqualTo(set);
        assertThat(api.mgmt("GET", "/rest/v1/targets/tapi-assign")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("in_sync");
        JsonNode finished = api.mgmt("GET", "/rest/v1/targets/tapi-assign/actions/" + action)
                .json();
        assertThat(finished.get("status").asString()).isEqualTo("finished");
        assertThat(finished.get("active").asBoolean()).isFalse();

        ApiClient.Response statuses = api.mgmt("GET", "/rest/v1/targets/tapi-assign/actions/" + action + "/status");
        JsonAssert.statusCode(statuses, 200);
        List<String> types = new ArrayList<>();
        statuses.json().get("content").forEach(s -> types.add(s.get("type").asString()));
        assertThat(types).as("newest first").first().isEqualTo("finished");
        assertThat(types).contains("running");
        assertThat(statuses.json().get("total").asLong()).isEqualTo(types.size());
        assertThat(statuses.json().get("content").get(0).get("reportedAt").asLong())
                .isPositive();
    }

    /** hawkBit 0.6+ sends pollStatus on every list item, not only on the single resource. */
    @Test
    void pollStatus_onListItems_asOnTheSingleResource() {
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "tapi-poll-1");
        fixture.target("tapi-poll-2");
        assertThat(devices.offeredAction(api, "tapi-poll-1")).as("poll once").isNull();
        polls.flush(); // polls are written behind
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tapi-poll\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targettags/" + tag + "/assigned", "[\"tapi-poll-1\",\"tapi-poll-2\"]"), 204);

        JsonNode single = api.mgmt("GET", "/rest/v1/targets/tapi-poll-1").json().get("pollStatus");
        for (String list : List.of(
                "/rest/v1/targets?q=controllerId==tapi-poll-*&sort=controllerId:ASC",
                "/rest/v1/targettags/" + tag + "/assigned?sort=controllerId:ASC")) {
            ApiClient.Response page = api.mgmt("GET", list);
            JsonAssert.statusCode(page, 200);
            JsonNode polled = page.json().get("content").get(0);
            assertThat(polled.get("controllerId").asString()).isEqualTo("tapi-poll-1");
            JsonNode pollStatus = polled.get("pollStatus");
            assertThat(pollStatus).as(list).isNotNull();
            assertThat(pollStatus.get("lastRequestAt").asLong())
                    .isEqualTo(single.get("lastRequestAt").asLong())
                    .isEqualTo(polled.get("lastControllerRequestAt").asLong());
            assertThat(pollStatus.get("nextExpectedRequestAt").asLong())
                    .isEqualTo(single.get("nextExpectedRequestAt").asLong())
                    .isGreaterThan(pollStatus.get("lastRequestAt").asLong());
            assertThat(pollStatus.get("overdue").asBoolean()).isFalse();
            assertThat(page.json().get("content").get(1).has("pollStatus"))
                    .as("never polled")
                    .isFalse();
        }
    }

    @Test
    void cancel_thenForceQuit_endsTheAction() {
        long set = fixture.completeSet("tapi-cancel");
        fixture.target("tapi-cancel");
        long action = fixture.assign("tapi-cancel", set, "forced");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/tapi-cancel/actions/" + action), 204);
        JsonNode canceling = api.mgmt("GET", "/rest/v1/targets/tapi-cancel/actions/" + action)
                .json();
        assertThat(canceling.get("type").asString()).isEqualTo("cancel");
        assertThat(canceling.get("status").asString()).isEqualTo("canceling");
        assertThat(canceling.get("active").asBoolean()).isTrue();
        assertThat(canceling.get("_links").get("canceledaction").get("href").asString())
                .endsWith("/rest/v1/targets/tapi-cancel/actions/" + action);

        JsonAssert.statusCode(
                api.mgmt("DELETE", "/rest/v1/targets/tapi-cancel/actions/" + action + "?force=true"), 204);
        JsonNode canceled = api.mgmt("GET", "/rest/v1/targets/tapi-cancel/actions/" + action)
                .json();
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");
        assertThat(canceled.get("active").asBoolean()).isFalse();
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/tapi-cancel/assignedDS"), 204);
    }

    @Test
    void tags_ofATarget() {
        fixture.target("tapi-tags");
        ApiClient.Response none = api.mgmt("GET", "/rest/v1/targets/tapi-tags/tags");
        JsonAssert.statusCode(none, 200);
        assertThat(none.json().isArray()).isTrue();
        assertThat(none.json().size()).isZero();

        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"tapi-red\",\"colour\":\"#ff0000\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/targettags/" + tag + "/assigned", "[\"tapi-tags\"]"), 204);

        ApiClient.Response tags = api.mgmt("GET", "/rest/v1/targets/tapi-tags/tags");
        JsonAssert.statusCode(tags, 200);
        assertThat(tags.json().size()).isEqualTo(1);
        assertThat(tags.json().get(0).get("id").asLong()).isEqualTo(tag);
        assertThat(tags.json().get(0).get("name").asString()).isEqualTo("tapi-red");
        assertThat(tags.json().get(0).get("colour").asString()).isEqualTo("#ff0000");
    }
}
