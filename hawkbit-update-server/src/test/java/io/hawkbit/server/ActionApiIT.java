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
        assertThat(listed.get("status").asString()).isEqualTo("pending");
        assertThat(listed.get("forceType").asString()).isEqualTo("soft");
        assertThat(listed.get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/targets/actapi-2/actions/" + second);
        ApiClient.Response bySet = api.mgmt("GET", "/rest/v1/actions?q=distributionSet.id==" + set + ";forceType==forced");
        assertThat(bySet.json().get("total").asLong()).isEqualTo(1);
        assertThat(bySet.json().get("content").get(0).get("id").asLong()).isEqualTo(first);

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/actions/" + first);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("id").asLong()).isEqualTo(first);
        assertThat(one.json().get("forceType").asString()).isEqualTo("forced");
        assertThat(one.json().get("detailStatus").asString()).isEqualTo("running");
        assertThat(one.json().get("createdBy").asString()).isEqualTo("admin");
        JsonNode links = one.json().get("_links");
        assertThat(links.get("target").get("href").asString()).endsWith("/rest/v1/targets/actapi-1");
        assertThat(links.get("distributionset").get("href").asString()).endsWith("/rest/v1/distributionsets/" + set);

        devices.finish(api, "actapi-1", "success");
        JsonNode finished = api.mgmt("GET", "/rest/v1/actions/" + first).json();
        assertThat(finished.get("status").asString()).isEqualTo("finished");
        assertThat(finished.get("detailStatus").asString()).isEqualTo("finished");
        ApiClient.Response active = api.mgmt("GET", "/rest/v1/actions?q=target.controllerId==actapi-*;active==true");
        assertThat(active.json().get("total").asLong()).isEqualTo(1);
        assertThat(active.json().get("content").get(0).get("id").asLong()).isEqualTo(second);
    }
}
