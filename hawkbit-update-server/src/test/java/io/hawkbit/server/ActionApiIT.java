package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /rest/v1/actions}: the tenant's actions across targets, listed, filtered and read one by one. */
@MgmtApiTest
class ActionApiIT {

    @LocalServerPort
    int port;

    @Test
    void list_filter_get_andSeeAFinishedAction() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("actapi");
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "actapi-1");
        devices.create(fixture, "actapi-2");
        long first = fixture.assign("actapi-1", set, "forced");
        long second = fixture.assign("actapi-2", set, "soft");

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/actions?q=target.controllerId==actapi-*");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(a -> ids.add(a.get("id").asLong()));
        assertThat(ids).as("newest first").containsExactly(second, first);
        JsonNode listed = page.json().get("content").get(0);
        assertThat(listed.get("type").asString()).isEqualTo("update");
        assertThat(listed.get("status").asString())
                .as("1.1: the detailed state")
                .isEqualTo("running");
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(listed.get("forceType").asString()).isEqualTo("soft");
        assertThat(listed.get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/targets/actapi-2/actions/" + second);
        ApiClient.Response bySet =
                api.mgmt("GET", "/rest/v1/actions?q=distributionSet.id==" + set + ";forceType==forced");
        assertThat(bySet.json().get("total").asLong()).isEqualTo(1);
        assertThat(bySet.json().get("content").get(0).get("id").asLong()).isEqualTo(first);
        // hawkBit 1.1's ActionFields: joins to the set and the target, audit users
        ApiClient.Response byNames = api.mgmt(
                "GET",
                "/rest/v1/actions?q=distributionset.name==actapi-set;distributionset.version==1;target.name==actapi-1");
        JsonAssert.statusCode(byNames, 200);
        assertThat(byNames.json().get("total").asLong()).isEqualTo(1);
        assertThat(byNames.json().get("content").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(api.mgmt("GET", "/rest/v1/actions?q=target.controllerId==actapi-*;createdBy==admin;rollout.id==1")
                        .json()
                        .get("total")
                        .asLong())
                .as("no rollout made these actions")
                .isZero();
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/actions?q=externalRef==x"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/actions/" + first);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("id").asLong()).isEqualTo(first);
        assertThat(one.json().get("forceType").asString()).isEqualTo("forced");
        assertThat(one.json().get("status").asString()).isEqualTo("running");
        assertThat(one.json().get("active").asBoolean()).isTrue();
        assertThat(one.json().get("createdBy").asString()).isEqualTo("admin");
        JsonNode links = one.json().get("_links");
        assertThat(links.get("target").get("href").asString()).endsWith("/rest/v1/targets/actapi-1");
        assertThat(links.get("target").get("name").asString())
                .as("the target's name")
                .isEqualTo("actapi-1");
        assertThat(links.get("distributionset").get("href").asString()).endsWith("/rest/v1/distributionsets/" + set);
        assertThat(links.get("distributionset").get("name").asString())
                .as("name:version")
                .isEqualTo("actapi-set:1");
        assertThat(links.get("self").has("name")).isFalse();

        devices.finish(api, "actapi-1", "success");
        JsonNode finished = api.mgmt("GET", "/rest/v1/actions/" + first).json();
        assertThat(finished.get("status").asString()).isEqualTo("finished");
        assertThat(finished.get("active").asBoolean()).isFalse();
        ApiClient.Response active = api.mgmt("GET", "/rest/v1/actions?q=target.controllerId==actapi-*;active==true");
        assertThat(active.json().get("total").asLong()).isEqualTo(1);
        assertThat(active.json().get("content").get(0).get("id").asLong()).isEqualTo(second);
    }

    /** hawkBit 1.1 filters actions by {@code status} (the detailed state) and {@code active}, on both action lists. */
    @Test
    void q_filtersByDetailedStatusAndActive_onEveryActionList() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("actq");
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "actq-ok");
        devices.create(fixture, "actq-bad");
        devices.create(fixture, "actq-open");
        long ok = fixture.assign("actq-ok", set, "forced");
        long bad = fixture.assign("actq-bad", set, "forced");
        long open = fixture.assign("actq-open", set, "forced");
        devices.finish(api, "actq-ok", "success");
        devices.finish(api, "actq-bad", "failure");

        assertThat(ids(api, "/rest/v1/actions?q=target.controllerId==actq-*;status==error"))
                .containsExactly(bad);
        assertThat(ids(api, "/rest/v1/actions?q=target.controllerId==actq-*;status==finished"))
                .containsExactly(ok);
        assertThat(ids(api, "/rest/v1/actions?q=target.controllerId==actq-*;status=in=(running,error)"))
                .containsExactly(open, bad);
        assertThat(ids(api, "/rest/v1/actions?q=target.controllerId==actq-*;active==false"))
                .containsExactly(bad, ok);
        assertThat(ids(api, "/rest/v1/actions?q=target.controllerId==actq-*;detailStatus==error"))
                .as("0.x name of the same field")
                .containsExactly(bad);
        assertThat(ids(api, "/rest/v1/targets/actq-bad/actions?q=status==error"))
                .containsExactly(bad);
        assertThat(ids(api, "/rest/v1/targets/actq-bad/actions?q=status==finished"))
                .isEmpty();
        assertThat(ids(api, "/rest/v1/targets/actq-open/actions?q=active==true;status==running"))
                .containsExactly(open);
        // 0.x's status values are no state of 1.1's field
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/actions?q=status==pending"),
                400,
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
    }

    private static List<Long> ids(ApiClient api, String path) {
        ApiClient.Response page = api.mgmt("GET", path);
        JsonAssert.statusCode(page, 200);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }
}
