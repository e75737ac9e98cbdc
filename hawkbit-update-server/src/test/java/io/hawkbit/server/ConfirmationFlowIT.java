package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.autoassign.AutoAssignScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit's confirmation flow (user consent) over real HTTP: what a device sees while an action waits, its answers,
 * auto-confirmation on both APIs, the operator's answer, and {@code confirmationRequired} on assignments, rollouts and
 * auto-assignments. The flow is switched on per test and off after it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.scheduler.auto-assign.period=1h", "hawkbit.scheduler.rollout.period=1h"})
@ActiveProfiles("test")
class ConfirmationFlowIT {

    private static final String FLOW = "user.confirmation.flow.enabled";
    private static final String WAITING =
            "Waiting for the confirmation by the device before processing with the deployment";

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AutoAssignScheduler autoAssign;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        fixture.config(FLOW, "true");
    }

    @AfterEach
    void flowOff() {
        fixture.config(FLOW, "false");
    }

    @Test
    void device_deniesThenConfirms_andOnlyThenSeesItsDeployment() {
        long set = fixture.completeSet("cf-seq");
        Device device = device("cf-seq-1");
        long action = fixture.assign(device.id, set, "forced");
        assertThat(actionStatus(device.id, action)).isEqualTo("wait_for_confirmation");
        assertThat(history(device.id, action)).anySatisfy(m -> assertThat(m).isEqualTo(WAITING));

        // 1. The poll links confirmationBase, not deploymentBase.
        JsonNode poll = device.get("").json();
        assertThat(poll.at("/_links/deploymentBase").isMissingNode()).isTrue();
        String confirmationHref = poll.at("/_links/confirmationBase/href").asString();
        assertThat(confirmationHref).startsWith(api.base() + device.base + "/confirmationBase/" + action + "?c=");

        // 2. The confirmation resource: auto-confirm off, where to switch it on, the action that waits.
        ApiClient.Response base = device.get("/confirmationBase");
        assertThat(base.status()).as(base.text()).isEqualTo(200);
        assertThat(base.json().at("/autoConfirm/active").asBoolean()).isFalse();
        assertThat(base.json().at("/_links/activateAutoConfirm/href").asString())
                .endsWith(device.base + "/confirmationBase/activateAutoConfirm");
        assertThat(base.json().at("/_links/deactivateAutoConfirm").isMissingNode())
                .isTrue();
        assertThat(base.json().at("/_links/confirmationBase/href").asString()).isEqualTo(confirmationHref);

        // 3. The action to consent to, shown like a deployment.
        ApiClient.Response toConfirm =
                api.send("GET", confirmationHref + "&actionHistory=5", (byte[]) null, device.auth);
        assertThat(toConfirm.status()).as(toConfirm.text()).isEqualTo(200);
        assertThat(toConfirm.json().get("id").asString()).isEqualTo(String.valueOf(action));
        assertThat(toConfirm.json().at("/confirmation/download").asString()).isEqualTo("forced");
        assertThat(toConfirm.json().at("/confirmation/chunks/0/part").asString())
                .isEqualTo("os");
        assertThat(toConfirm.json().at("/actionHistory/status").asString()).isEqualTo("WAIT_FOR_CONFIRMATION");
        assertThat(toConfirm.json().at("/actionHistory/messages").toString()).contains(WAITING);

        // The deployment itself is not offered yet: 404, as in hawkBit, for the resource and its feedback.
        assertThat(device.get("/deploymentBase/" + action).status()).isEqualTo(404);
        assertThat(device.post("/deploymentBase/" + action + "/feedback", closed())
                        .status())
                .isEqualTo(404);

        // 4. Denied: stays waiting, with a history entry carrying the device's code and details.
        ApiClient.Response denied = device.post(
                "/confirmationBase/" + action + "/feedback",
                "{\"confirmation\":\"denied\",\"code\":33,\"details\":[\"user said later\"]}");
        assertThat(denied.status()).as(denied.text()).isEqualTo(200);
        assertThat(actionStatus(device.id, action)).isEqualTo("wait_for_confirmation");
        assertThat(device.get("").json().at("/_links/confirmationBase").isMissingNode())
                .isFalse();
        JsonNode deniedEntry = statuses(device.id, action).get(0);
        assertThat(deniedEntry.get("type").asString()).isEqualTo("wait_for_confirmation");
        assertThat(deniedEntry.get("code").asInt()).isEqualTo(33);
        assertThat(deniedEntry.get("messages").toString())
                .contains("user said later", "Target rejected action", "Confirmation status code: 33");

        // 5. Confirmed: running, and the device now sees its deployment.
        ApiClient.Response confirmed =
                device.post("/confirmationBase/" + action + "/feedback", "{\"confirmation\":\"confirmed\"}");
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(actionStatus(device.id, action)).isEqualTo("running");
        poll = device.get("").json();
        assertThat(poll.at("/_links/confirmationBase").isMissingNode()).isTrue();
        String deploymentHref = poll.at("/_links/deploymentBase/href").asString();
        assertThat(deploymentHref).contains("/deploymentBase/" + action + "?c=");
        assertThat(api.send("GET", deploymentHref, (byte[]) null, device.auth).status())
                .isEqualTo(200);
        assertThat(device.get("/confirmationBase/" + action).status()).isEqualTo(404);
        assertThat(device.get("/confirmationBase")
                        .json()
                        .at("/_links/confirmationBase")
                        .isMissingNode())
                .isTrue();
        // A second answer finds nothing waiting: 404 as in hawkBit.
        ApiClient.Response again =
                device.post("/confirmationBase/" + action + "/feedback", "{\"confirmation\":\"confirmed\"}");
        JsonAssert.error(again, 404, "hawkbit.server.confirmation.feedback.invalid");

        // 6. Finished as any deployment; an answer on the closed action is 410.
        assertThat(device.post("/deploymentBase/" + action + "/feedback", closed())
                        .status())
                .isEqualTo(200);
        assertThat(actionStatus(device.id, action)).isEqualTo("finished");
        assertThat(device.get("").json().at("/_links/installedBase").isMissingNode())
                .isFalse();
        assertThat(device.post("/confirmationBase/" + action + "/feedback", "{\"confirmation\":\"denied\"}")
                        .status())
                .isEqualTo(410);
    }

    @Test
    void feedback_badBodiesAndUnknownActionsAreRefused() {
        long set = fixture.completeSet("cf-bad");
        Device device = device("cf-bad-1");
        long action = fixture.assign(device.id, set, "forced");
        JsonAssert.error(
                device.post("/confirmationBase/" + action + "/feedback", "{\"confirmation\":\"maybe\"}"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(
                device.post("/confirmationBase/" + action + "/feedback", "{\"code\":1}"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(
                device.post("/confirmationBase/999999/feedback", "{\"confirmation\":\"confirmed\"}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(device.get("/confirmationBase/999999").status()).isEqualTo(404);
        assertThat(actionStatus(device.id, action)).isEqualTo("wait_for_confirmation");
    }

    @Test
    void deviceAutoConfirm_confirmsWhatWaits_andLaterAssignmentsAtOnce() {
        long set = fixture.completeSet("cf-dauto");
        long next = fixture.completeSet("cf-dauto2");
        Device device = device("cf-dauto-1");
        long waiting = fixture.assign(device.id, set, "forced");

        ApiClient.Response activated = device.post(
                "/confirmationBase/activateAutoConfirm", "{\"initiator\":\"alice\",\"remark\":\"fleet policy\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(actionStatus(device.id, waiting)).isEqualTo("running");
        assertThat(history(device.id, waiting))
                .anySatisfy(m -> assertThat(m)
                        .contains("Assignment automatically confirmed by initiator 'alice'")
                        .contains("Remark: fleet policy"));
        assertThat(device.get("").json().at("/_links/deploymentBase").isMissingNode())
                .isFalse();

        JsonNode state = device.get("/confirmationBase").json();
        assertThat(state.at("/autoConfirm/active").asBoolean()).isTrue();
        assertThat(state.at("/autoConfirm/initiator").asString()).isEqualTo("alice");
        assertThat(state.at("/autoConfirm/remark").asString()).isEqualTo("fleet policy");
        assertThat(state.at("/autoConfirm/activatedAt").asLong()).isPositive();
        assertThat(state.at("/_links/deactivateAutoConfirm/href").asString())
                .endsWith(device.base + "/confirmationBase/deactivateAutoConfirm");
        assertThat(state.at("/_links/activateAutoConfirm").isMissingNode()).isTrue();

        JsonAssert.error(
                device.post("/confirmationBase/activateAutoConfirm", "{}"),
                409,
                "hawkbit.server.error.repo.autoConfAlreadyActive");

        long later = fixture.assign(device.id, next, "forced");
        assertThat(actionStatus(device.id, later)).isEqualTo("running");
        assertThat(history(device.id, later))
                .anySatisfy(m -> assertThat(m).contains("automatically confirmed by initiator 'alice'"));

        assertThat(device.post("/confirmationBase/deactivateAutoConfirm", "").status())
                .isEqualTo(200);
        assertThat(device.get("/confirmationBase")
                        .json()
                        .at("/autoConfirm/active")
                        .asBoolean())
                .isFalse();
        long third = fixture.assign(device.id, set, "forced");
        assertThat(actionStatus(device.id, third)).isEqualTo("wait_for_confirmation");
    }

    @Test
    void deviceAutoConfirm_withoutBody_recordsHawkbitsFallbackRemark() {
        Device device = device("cf-dnobody-1");
        assertThat(device.send("POST", "/confirmationBase/activateAutoConfirm", null)
                        .status())
                .isEqualTo(200);
        JsonNode state = device.get("/confirmationBase").json();
        assertThat(state.at("/autoConfirm/initiator").isMissingNode()).isTrue();
        assertThat(state.at("/autoConfirm/remark").asString())
                .isEqualTo("Initiated using the Device Direct Integration API without providing a remark.");
    }

    @Test
    void mgmtAutoConfirm_showsSwitchesAndIsListedOnTheTarget() {
        long set = fixture.completeSet("cf-mauto");
        Device device = device("cf-mauto-1");
        long waiting = fixture.assign(device.id, set, "forced");
        String path = "/rest/v1/targets/" + device.id;

        JsonNode off = api.mgmt("GET", path + "/autoConfirm").json();
        assertThat(off.get("active").asBoolean()).isFalse();
        assertThat(off.has("activatedAt")).isFalse();
        assertThat(off.at("/_links/activate/href").asString()).endsWith(path + "/autoConfirm/activate");
        JsonNode target = api.mgmt("GET", path).json();
        assertThat(target.get("autoConfirmActive").asBoolean()).isFalse();
        assertThat(target.at("/_links/autoConfirm/href").asString()).endsWith(path + "/autoConfirm");

        ApiClient.Response activated =
                api.mgmt("POST", path + "/autoConfirm/activate", "{\"initiator\":\"ops\",\"remark\":\"night\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(204);
        assertThat(actionStatus(device.id, waiting)).isEqualTo("running");
        JsonNode on = api.mgmt("GET", path + "/autoConfirm").json();
        assertThat(on.get("active").asBoolean()).isTrue();
        assertThat(on.get("initiator").asString()).isEqualTo("ops");
        assertThat(on.get("remark").asString()).isEqualTo("night");
        assertThat(on.get("activatedAt").asLong()).isPositive();
        assertThat(on.at("/_links/deactivate/href").asString()).endsWith(path + "/autoConfirm/deactivate");
        assertThat(api.mgmt("GET", path).json().get("autoConfirmActive").asBoolean())
                .isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=controllerId==" + device.id)
                        .json()
                        .at("/content/0/autoConfirmActive")
                        .asBoolean())
                .isTrue();
        JsonAssert.error(
                api.mgmt("POST", path + "/autoConfirm/activate"),
                409,
                "hawkbit.server.error.repo.autoConfAlreadyActive");

        assertThat(api.mgmt("POST", path + "/autoConfirm/deactivate").status()).isEqualTo(204);
        assertThat(api.mgmt("GET", path + "/autoConfirm").json().get("active").asBoolean())
                .isFalse();
        // A target with auto-confirmation on can be deleted (the switch goes with it).
        device("cf-mauto-gone");
        assertThat(api.mgmt("POST", "/rest/v1/targets/cf-mauto-gone/autoConfirm/activate")
                        .status())
                .isEqualTo(204);
        assertThat(api.mgmt("DELETE", "/rest/v1/targets/cf-mauto-gone").status())
                .isEqualTo(204);
        assertThat(api.mgmt("GET", "/rest/v1/targets/cf-mauto-gone/autoConfirm").status())
                .isEqualTo(404);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targets/cf-nobody/autoConfirm"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targets/cf-nobody/autoConfirm/activate"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void mgmtConfirmation_answersForTheDevice() {
        long set = fixture.completeSet("cf-put");
        Device device = device("cf-put-1");
        long action = fixture.assign(device.id, set, "forced");
        String path = "/rest/v1/targets/" + device.id + "/actions/" + action + "/confirmation";

        ApiClient.Response denied = api.mgmt("PUT", path, "{\"confirmation\":\"denied\",\"details\":[\"not today\"]}");
        assertThat(denied.status()).as(denied.text()).isEqualTo(204);
        assertThat(actionStatus(device.id, action)).isEqualTo("wait_for_confirmation");
        JsonAssert.error(
                api.mgmt("PUT", path, "{\"confirmation\":\"yes\"}"), 400, "hawkbit.server.error.rest.body.notReadable");

        assertThat(api.mgmt("PUT", path, "{\"confirmation\":\"confirmed\",\"code\":200}")
                        .status())
                .isEqualTo(204);
        assertThat(actionStatus(device.id, action)).isEqualTo("running");
        assertThat(device.get("").json().at("/_links/deploymentBase").isMissingNode())
                .isFalse();
        JsonAssert.error(
                api.mgmt("PUT", path, "{\"confirmation\":\"confirmed\"}"),
                404,
                "hawkbit.server.confirmation.feedback.invalid");
        JsonAssert.error(
                api.mgmt(
                        "PUT",
                        "/rest/v1/targets/" + device.id + "/actions/999999/confirmation",
                        "{\"confirmation\":\"confirmed\"}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + device.id + "/actions?q=status==wait_for_confirmation")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void assignments_confirmationRequiredFalse_startAtOnce_onBothEndpoints() {
        long set = fixture.completeSet("cf-req");
        device("cf-req-1");
        device("cf-req-2");
        ApiClient.Response byTarget = api.mgmt(
                "POST", "/rest/v1/targets/cf-req-1/assignedDS", "{\"id\":" + set + ",\"confirmationRequired\":false}");
        assertThat(byTarget.status()).as(byTarget.text()).isEqualTo(200);
        long first = byTarget.json().at("/assignedActions/0/id").asLong();
        assertThat(actionStatus("cf-req-1", first)).isEqualTo("running");
        assertThat(history("cf-req-1", first))
                .anySatisfy(m -> assertThat(m).startsWith("Assignment confirmed by initiator ["));

        ApiClient.Response bySet = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets",
                "[{\"id\":\"cf-req-2\",\"confirmationRequired\":false}]");
        assertThat(bySet.status()).as(bySet.text()).isEqualTo(200);
        assertThat(actionStatus(
                        "cf-req-2", bySet.json().at("/assignedActions/0/id").asLong()))
                .isEqualTo("running");

        long other = fixture.completeSet("cf-req-b");
        ApiClient.Response required = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + other + "/assignedTargets",
                "[{\"id\":\"cf-req-2\",\"confirmationRequired\":true}]");
        assertThat(required.status()).as(required.text()).isEqualTo(200);
        long waiting = required.json().at("/assignedActions/0/id").asLong();
        assertThat(actionStatus("cf-req-2", waiting)).isEqualTo("wait_for_confirmation");
        assertThat(api.mgmt("GET", "/rest/v1/actions?q=status==wait_for_confirmation;target.controllerId==cf-req-2")
                        .json()
                        .at("/content/0/id")
                        .asLong())
                .isEqualTo(waiting);
    }

    @Test
    void flowSwitchedOff_newActionsRun_waitingOnesKeepWaitingAndCanStillBeConfirmed() {
        long set = fixture.completeSet("cf-off");
        Device early = device("cf-off-1");
        Device late = device("cf-off-2");
        long waiting = fixture.assign(early.id, set, "forced");
        fixture.config(FLOW, "false");

        // As in hawkBit: switching the flow off changes no action; what waits is still offered for confirmation.
        assertThat(actionStatus(early.id, waiting)).isEqualTo("wait_for_confirmation");
        assertThat(early.get("").json().at("/_links/confirmationBase").isMissingNode())
                .isFalse();
        long running = fixture.assign(late.id, set, "forced");
        assertThat(actionStatus(late.id, running)).isEqualTo("running");
        assertThat(history(late.id, running)).doesNotContain(WAITING);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + late.id).json().has("autoConfirmActive"))
                .isFalse();

        assertThat(early.post("/confirmationBase/" + waiting + "/feedback", "{\"confirmation\":\"confirmed\"}")
                        .status())
                .isEqualTo(200);
        assertThat(actionStatus(early.id, waiting)).isEqualTo("running");
    }

    @Test
    void rollout_groupsStartWaitingOrRunningAsTheyAsk() {
        long set = fixture.completeSet("cf-roll");
        for (int i = 0; i < 2; i++) {
            device("cf-roll-" + i);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"cf-roll\",\"targetFilterQuery\":\"controllerId==cf-roll-*\",\"distributionSetId\":" + set
                        + ",\"confirmationRequired\":true,\"groups\":["
                        + "{\"name\":\"asks\",\"targetPercentage\":50},"
                        + "{\"name\":\"trusted\",\"targetPercentage\":100,\"confirmationRequired\":false}],"
                        + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"100\"},"
                        + "\"successAction\":{\"action\":\"NEXTGROUP\",\"expression\":\"\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long rollout = created.json().get("id").asLong();
        assertThat(api.mgmt("POST", "/rest/v1/rollouts/" + rollout + "/start").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(onlyActionStatus("cf-roll-0")).isEqualTo("wait_for_confirmation");
        });
        JsonNode groups = api.mgmt("GET", "/rest/v1/rollouts/" + rollout + "/deploygroups")
                .json()
                .get("content");
        assertThat(groups.get(0).get("confirmationRequired").asBoolean())
                .as("the rollout's value")
                .isTrue();
        assertThat(groups.get(1).get("confirmationRequired").asBoolean()).isFalse();
        long trusted = groups.get(1).get("id").asLong();
        assertThat(api.mgmt("POST", "/rest/v1/rollouts/" + rollout + "/triggerNextGroup")
                        .status())
                .as("group " + trusted)
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(onlyActionStatus("cf-roll-1")).isEqualTo("running");
        });
    }

    @Test
    void autoAssignment_confirmationRequired_decidesTheFirstState() {
        long set = fixture.completeSet("cf-aa");
        device("cf-aa-ask-1");
        device("cf-aa-go-1");
        long asks = filter("cf-aa-ask", "controllerId==cf-aa-ask-*");
        long goes = filter("cf-aa-go", "controllerId==cf-aa-go-*");
        ApiClient.Response askBody =
                api.mgmt("POST", "/rest/v1/targetfilters/" + asks + "/autoAssignDS", "{\"id\":" + set + "}");
        assertThat(askBody.status()).as(askBody.text()).isEqualTo(200);
        assertThat(askBody.json().get("confirmationRequired").asBoolean())
                .as("unset follows the flow, which is on")
                .isTrue();
        ApiClient.Response goBody = api.mgmt(
                "POST",
                "/rest/v1/targetfilters/" + goes + "/autoAssignDS",
                "{\"id\":" + set + ",\"confirmationRequired\":false}");
        assertThat(goBody.status()).as(goBody.text()).isEqualTo(200);
        assertThat(goBody.json().get("confirmationRequired").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            autoAssign.run();
            assertThat(onlyActionStatus("cf-aa-ask-1")).isEqualTo("wait_for_confirmation");
            assertThat(onlyActionStatus("cf-aa-go-1")).isEqualTo("running");
        });
    }

    private long filter(String name, String query) {
        ApiClient.Response created =
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "\",\"query\":\"" + query + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String onlyActionStatus(String controllerId) {
        JsonNode list =
                api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        return list.at("/content/0/status").asString();
    }

    private String actionStatus(String controllerId, long action) {
        ApiClient.Response got = api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action);
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        return got.json().get("status").asString();
    }

    /** The action's history entries, newest first. */
    private JsonNode statuses(String controllerId, long action) {
        return api.mgmt(
                        "GET",
                        "/rest/v1/targets/" + controllerId + "/actions/" + action + "/status?limit=100&sort=id:DESC")
                .json()
                .get("content");
    }

    private List<String> history(String controllerId, long action) {
        List<String> messages = new ArrayList<>();
        statuses(controllerId, action).forEach(entry -> entry.get("messages").forEach(m -> messages.add(m.asString())));
        return messages;
    }

    private static String closed() {
        return "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}";
    }

    private Device device(String controllerId) {
        return new Device(controllerId, fixture.target(controllerId));
    }

    /** A device with its target token, calling its own DDI resources. */
    private final class Device {

        final String id;
        final String base;
        final Map<String, String> auth;

        Device(String id, String token) {
            this.id = id;
            this.base = "/DEFAULT/controller/v1/" + id;
            this.auth = Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json");
        }

        ApiClient.Response get(String path) {
            return api.send("GET", base + path, (byte[]) null, auth);
        }

        ApiClient.Response post(String path, String json) {
            return send("POST", path, json);
        }

        ApiClient.Response send(String method, String path, String json) {
            Map<String, String> headers = new java.util.HashMap<>(auth);
            if (json != null) {
                headers.put("Content-Type", "application/json");
            }
            return api.send(method, base + path, json == null ? null : json.getBytes(), headers);
        }
    }
}
