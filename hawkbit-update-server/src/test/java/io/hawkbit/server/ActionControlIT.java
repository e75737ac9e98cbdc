package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's action control: the soft-to-forced switch (seen by the device on its next poll), the deletes of action
 * history, and the {@code retrieved}/{@code download} entries the server writes when a device fetches.
 */
@MgmtApiTest
class ActionControlIT {

    private static final String NOT_FOUND = "hawkbit.server.error.repo.entitiyNotFound";
    private static final String PARAM_INVALID = "hawkbit.server.error.rest.param.invalid";
    private static final String NOT_READABLE = "hawkbit.server.error.rest.body.notReadable";

    @LocalServerPort
    int port;

    private ApiClient api;
    private Fixture fixture;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void put_switchesSoftToForced_andTheDeviceSeesItOnItsNextPoll() {
        long set = fixture.completeSet("actf");
        device("actf-1");
        long action = fixture.assign("actf-1", set, "soft");
        ApiClient.Response before = poll("actf-1", null);
        JsonAssert.statusCode(before, 200);
        String etag = before.header("ETag");
        String link =
                before.json().get("_links").get("deploymentBase").get("href").asString();
        JsonAssert.statusCode(poll("actf-1", etag), 304);
        JsonNode soft = ddi("actf-1", "/deploymentBase/" + action).json();
        assertThat(soft.get("deployment").get("update").asString()).isEqualTo("attempt");

        ApiClient.Response put =
                api.mgmt("PUT", "/rest/v1/targets/actf-1/actions/" + action, "{\"forceType\":\"forced\"}");
        JsonAssert.statusCode(put, 200);
        assertThat(put.json().get("id").asLong()).isEqualTo(action);
        assertThat(put.json().get("forceType").asString()).isEqualTo("forced");
        assertThat(put.json().get("type").asString()).isEqualTo("update");
        assertThat(put.json().get("status").asString()).isEqualTo("running");
        assertThat(put.json().get("active").asBoolean()).isTrue();
        assertThat(put.json().get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/targets/actf-1/actions/" + action);
        assertThat(put.json().get("_links").has("distributionset")).isTrue();
        assertThat(put.json().get("_links").has("status")).isTrue();

        ApiClient.Response after = poll("actf-1", etag);
        JsonAssert.statusCode(after, 200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(after.json().get("_links").get("deploymentBase").get("href").asString())
                .as("the link's change hash tells link-comparing clients")
                .isNotEqualTo(link);
        JsonNode forced = ddi("actf-1", "/deploymentBase/" + action).json();
        assertThat(forced.get("deployment").get("download").asString()).isEqualTo("forced");
        assertThat(forced.get("deployment").get("update").asString()).isEqualTo("forced");

        ApiClient.Response again =
                api.mgmt("PUT", "/rest/v1/targets/actf-1/actions/" + action, "{\"forceType\":\"forced\"}");
        JsonAssert.statusCode(again, 200);
        assertThat(again.json().get("forceType").asString()).isEqualTo("forced");
    }

    @Test
    void put_refusesOtherTypesAndUnknownActions() {
        long set = fixture.completeSet("actfx");
        device("actfx-1");
        device("actfx-2");
        long action = fixture.assign("actfx-1", set, "soft");
        String path = "/rest/v1/targets/actfx-1/actions/" + action;
        JsonAssert.error(api.mgmt("PUT", path, "{\"forceType\":\"soft\"}"), 400, PARAM_INVALID);
        JsonAssert.error(api.mgmt("PUT", path, "{\"forceType\":\"timeforced\"}"), 400, PARAM_INVALID);
        JsonAssert.error(api.mgmt("PUT", path, "{\"forceType\":\"sometimes\"}"), 400, NOT_READABLE);
        JsonAssert.error(api.mgmt("PUT", path, "{}"), 400, NOT_READABLE);
        assertThat(api.mgmt("PUT", path, "[").status()).isEqualTo(400);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targets/actfx-2/actions/" + action, "{\"forceType\":\"forced\"}"),
                404,
                NOT_FOUND);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targets/actfx-1/actions/987654321", "{\"forceType\":\"forced\"}"),
                404,
                NOT_FOUND);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/targets/actfx-none/actions/" + action, "{\"forceType\":\"forced\"}"),
                404,
                NOT_FOUND);
        assertThat(api.mgmt("GET", path).json().get("forceType").asString())
                .as("nothing changed")
                .isEqualTo("soft");
    }

    @Test
    void deleteTargetActions_keepLast_deletesOlderClosedOnes_andTheInstalledBaseLinkGoes() {
        long set1 = fixture.completeSet("actk1");
        long set2 = fixture.completeSet("actk2");
        long set3 = fixture.completeSet("actk3");
        device("actk-1");
        long first = fixture.assign("actk-1", set1, "forced");
        close("actk-1", first, "success");
        long second = fixture.assign("actk-1", set2, "forced");
        close("actk-1", second, "success");
        assertThat(poll("actk-1", null)
                        .json()
                        .get("_links")
                        .get("installedBase")
                        .get("href")
                        .asString())
                .contains("/installedBase/" + second);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/actk-1/actions?keepLast=1"), 204);
        assertThat(actionIds("/rest/v1/targets/actk-1/actions")).containsExactly(second);
        assertThat(poll("actk-1", null)
                        .json()
                        .get("_links")
                        .get("installedBase")
                        .get("href")
                        .asString())
                .contains("/installedBase/" + second);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/actk-1/actions?keepLast=0"), 204);
        assertThat(actionIds("/rest/v1/targets/actk-1/actions")).isEmpty();
        JsonNode links = poll("actk-1", null).json().get("_links");
        assertThat(links == null || !links.has("installedBase"))
                .as("the cached poll answer no longer links the deleted action: %s", links)
                .isTrue();
        JsonAssert.statusCode(ddi("actk-1", "/installedBase/" + second), 404);

        long third = fixture.assign("actk-1", set3, "forced");
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/actk-1/actions?keepLast=0"), 204);
        assertThat(actionIds("/rest/v1/targets/actk-1/actions"))
                .as("the open action stays")
                .containsExactly(third);
        close("actk-1", third, "failure");
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/actk-1/actions?keepLast=5"), 204);
        assertThat(actionIds("/rest/v1/targets/actk-1/actions")).containsExactly(third);
    }

    @Test
    void deleteTargetActions_byIds_allOrNothing() {
        long set1 = fixture.completeSet("acti1");
        long set2 = fixture.completeSet("acti2");
        device("acti-1");
        device("acti-2");
        long closed = fixture.assign("acti-1", set1, "forced");
        close("acti-1", closed, "success");
        long open = fixture.assign("acti-1", set2, "forced");
        long foreign = fixture.assign("acti-2", set1, "forced");
        close("acti-2", foreign, "success");
        String path = "/rest/v1/targets/acti-1/actions";

        JsonAssert.error(api.mgmt("DELETE", path, "[" + closed + "," + open + "]"), 400, PARAM_INVALID);
        JsonAssert.error(api.mgmt("DELETE", path, "[" + closed + "," + foreign + "]"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", path, "[" + closed + ",987654321]"), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("DELETE", path + "?keepLast=1", "[" + closed + "]"), 400, PARAM_INVALID);
        JsonAssert.error(api.mgmt("DELETE", path), 400, PARAM_INVALID);
        JsonAssert.error(api.mgmt("DELETE", path + "?keepLast=-1"), 400, PARAM_INVALID);
        assertThat(api.mgmt("DELETE", path + "?keepLast=many").status()).isEqualTo(400);
        JsonAssert.error(api.mgmt("DELETE", path, "[\"x\"]"), 400, NOT_READABLE);
        JsonAssert.error(api.mgmt("DELETE", path, "{\"id\":1}"), 400, NOT_READABLE);
        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/targets/acti-none/actions?keepLast=1"), 404, NOT_FOUND);
        assertThat(actionIds(path)).as("nothing deleted").containsExactly(open, closed);

        JsonAssert.statusCode(api.mgmt("DELETE", path, "[" + closed + "]"), 204);
        assertThat(actionIds(path)).containsExactly(open);
        assertThat(actionIds("/rest/v1/targets/acti-2/actions")).containsExactly(foreign);
    }

    @Test
    void deleteActions_oneByIdByListAndByQuery() {
        long set = fixture.completeSet("actd");
        for (String id : List.of("actd-1", "actd-2", "actd-3", "actd-4")) {
            device(id);
        }
        long a1 = fixture.assign("actd-1", set, "forced");
        long a2 = fixture.assign("actd-2", set, "forced");
        long a3 = fixture.assign("actd-3", set, "forced");
        long open = fixture.assign("actd-4", set, "forced");
        close("actd-1", a1, "success");
        close("actd-2", a2, "failure");
        close("actd-3", a3, "success");

        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/actions/" + open), 400, PARAM_INVALID);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/actions/" + a1), 204);
        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/actions/" + a1), 404, NOT_FOUND);
        JsonAssert.error(api.mgmt("GET", "/rest/v1/actions/" + a1), 404, NOT_FOUND);

        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/actions"), 400, PARAM_INVALID);
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/actions?q=target.controllerId==actd-2", "[" + a3 + "]"),
                400,
                PARAM_INVALID);
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/actions?q=nosuchfield==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(api.mgmt("DELETE", "/rest/v1/actions", "[" + a3 + "," + open + "]"), 400, PARAM_INVALID);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/actions?q=target.controllerId==actd-*;status==error"), 204);
        assertThat(actionIds("/rest/v1/actions?q=target.controllerId==actd-*")).containsExactly(open, a3);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/actions?q=target.controllerId==actd-*"), 204);
        assertThat(actionIds("/rest/v1/actions?q=target.controllerId==actd-*"))
                .as("a query passes over open actions")
                .containsExactly(open);

        long again = fixture.assign("actd-1", set, "forced");
        close("actd-1", again, "success");
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/actions", "[" + again + "]"), 204);
        assertThat(actionIds("/rest/v1/targets/actd-1/actions")).isEmpty();
    }

    @Test
    void history_recordsRetrievedOncePerRun_andOneDownloadPerFile() {
        long module = fixture.module("acth-os", "1", "os");
        byte[] content = "history artifact content".getBytes(StandardCharsets.UTF_8);
        fixture.artifact(module, "acth.bin", content);
        long set = fixture.distributionSet("acth-set", "1", "os", module);
        device("acth-1");
        long action = fixture.assign("acth-1", set, "forced");
        String artifact = "/softwaremodules/" + module + "/artifacts/acth.bin";

        JsonAssert.statusCode(ddi("acth-1", "/deploymentBase/" + action), 200);
        JsonAssert.statusCode(ddi("acth-1", "/deploymentBase/" + action), 200);
        JsonAssert.statusCode(ddi("acth-1", "/deploymentBase/" + action + "?c=-123"), 200);
        assertThat(types(action)).containsExactly("retrieved", "running");
        assertThat(messages(action).get(0)).startsWith("Update Server: Target retrieved update action");

        ApiClient.Response whole = ddi("acth-1", artifact);
        JsonAssert.statusCode(whole, 200);
        assertThat(whole.body()).isEqualTo(content);
        JsonAssert.statusCode(ddi("acth-1", artifact), 200);
        JsonAssert.statusCode(send("HEAD", "acth-1", artifact, Map.of()), 200);
        JsonAssert.statusCode(send("GET", "acth-1", artifact, Map.of("Range", "bytes=0-3")), 206);
        JsonAssert.statusCode(ddi("acth-1", artifact + ".MD5SUM"), 200);
        assertThat(types(action))
                .as("one download entry for the file, none for HEAD, Range or MD5SUM")
                .containsExactly("download", "retrieved", "running");
        assertThat(messages(action).get(0))
                .isEqualTo("Update Server: Target downloads /DEFAULT/controller/v1/acth-1" + artifact);

        JsonAssert.statusCode(ddi("acth-1", "/deploymentBase/" + action), 200);
        assertThat(types(action))
                .as("a read after other entries is recorded again, as in hawkBit")
                .containsExactly("retrieved", "download", "retrieved", "running");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/acth-1/actions/" + action), 204);
        JsonAssert.statusCode(ddi("acth-1", "/cancelAction/" + action), 200);
        JsonAssert.statusCode(ddi("acth-1", "/cancelAction/" + action), 200);
        assertThat(types(action).subList(0, 2)).containsExactly("retrieved", "canceling");
        assertThat(messages(action).get(0)).startsWith("Update Server: Target retrieved cancel action");
        assertThat(api.mgmt("GET", "/rest/v1/targets/acth-1/actions/" + action)
                        .json()
                        .get("status")
                        .asString())
                .as("the entries leave the action's own state alone")
                .isEqualTo("canceling");
    }

    @Test
    void history_neverFailsADeviceReadAtTheQuota() {
        long set = fixture.completeSet("actq1");
        device("actq1-1");
        long action = fixture.assign("actq1-1", set, "forced");
        // 999 progress reports bring the action to its 1000 entries; then reads must still answer, writing nothing.
        for (int i = 0; i < 999; i++) {
            report("actq1-1", action, "proceeding");
        }
        JsonAssert.statusCode(ddi("actq1-1", "/deploymentBase/" + action), 200);
        ApiClient.Response page = api.mgmt("GET", "/rest/v1/targets/actq1-1/actions/" + action + "/status?limit=1");
        assertThat(page.json().get("total").asLong()).isEqualTo(1000);
        assertThat(page.json().get("content").get(0).get("type").asString()).isEqualTo("running");
    }

    private void device(String controllerId) {
        tokens.put(controllerId, fixture.target(controllerId));
    }

    private ApiClient.Response poll(String controllerId, String etag) {
        Map<String, String> headers = new HashMap<>();
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        return send("GET", controllerId, "", headers);
    }

    private ApiClient.Response ddi(String controllerId, String path) {
        return send("GET", controllerId, path, Map.of());
    }

    private ApiClient.Response send(String method, String controllerId, String path, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Authorization", "TargetToken " + tokens.get(controllerId));
        return api.send(method, "/DEFAULT/controller/v1/" + controllerId + path, (byte[]) null, headers);
    }

    private void close(String controllerId, long action, String result) {
        feedback(controllerId, action, "closed", result);
    }

    private void report(String controllerId, long action, String execution) {
        feedback(controllerId, action, execution, "none");
    }

    private void feedback(String controllerId, long action, String execution, String result) {
        ApiClient.Response response = api.send(
                "POST",
                "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action + "/feedback",
                "{\"id\":" + action + ",\"status\":{\"execution\":\"" + execution + "\",\"result\":{\"finished\":\""
                        + result + "\"}}}",
                Map.of("Authorization", "TargetToken " + tokens.get(controllerId), "Content-Type", "application/json"));
        JsonAssert.statusCode(response, 200);
    }

    private List<Long> actionIds(String path) {
        ApiClient.Response page = api.mgmt("GET", path);
        JsonAssert.statusCode(page, 200);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }

    /** The action's history entry types, newest first. */
    private List<String> types(long action) {
        List<String> types = new ArrayList<>();
        statuses(action).forEach(s -> types.add(s.get("type").asString()));
        return types;
    }

    /** The messages of the newest entry. */
    private List<String> messages(long action) {
        List<String> messages = new ArrayList<>();
        statuses(action).get(0).get("messages").forEach(m -> messages.add(m.asString()));
        return messages;
    }

    private JsonNode statuses(long action) {
        String controllerId = api.mgmt("GET", "/rest/v1/actions/" + action)
                .json()
                .get("_links")
                .get("target")
                .get("href")
                .asString()
                .replaceAll(".*/targets/", "");
        ApiClient.Response page =
                api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action + "/status");
        JsonAssert.statusCode(page, 200);
        return page.json().get("content");
    }
}
