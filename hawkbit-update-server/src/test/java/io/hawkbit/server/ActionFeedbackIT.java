package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hawkbit.repository.event.ActionUpdatedEvent;
import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The action state machine over real HTTP: every kind of device feedback, on deploymentBase and on cancelAction, in
 * every state an action can reach (the table in {@code action-feedback-transitions.psv}), with the status code, the
 * state afterwards and the events sent; and a device canceled in the middle of its download, end to end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActionFeedbackIT {

    private static final AtomicInteger DEVICES = new AtomicInteger();
    private static final List<String> OPEN = List.of("running", "download", "downloaded", "warning");

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    ApiClient api;
    Fixture fixture;
    static final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    static long set;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        if (set == 0) {
            set = fixture.completeSet("feedback");
            context.addApplicationListener((ApplicationListener<ClusterEvent>) events::add);
        }
    }

    /** A device with an action brought into {@code state} the way devices and operators do it. */
    private record Case(String controllerId, Map<String, String> auth, long actionId) {}

    private Case in(String state) {
        String controllerId = "fb-" + DEVICES.incrementAndGet();
        Case device = new Case(
                controllerId,
                Map.of(
                        "Authorization",
                        "TargetToken " + fixture.target(controllerId),
                        "Content-Type",
                        "application/json"),
                fixture.assign(controllerId, set, "forced"));
        switch (state) {
            case "running" -> {}
            case "download", "downloaded" -> feedback(device, "deploymentBase", state, 200);
            case "warning" -> feedback(device, "deploymentBase", "rejected", 200);
            case "finished" -> feedback(device, "deploymentBase", "closed-success", 200);
            case "error" -> feedback(device, "deploymentBase", "closed-failure", 200);
            case "canceling" -> cancel(device);
            case "canceled" -> {
                cancel(device);
                feedback(device, "cancelAction", "closed-success", 200);
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(action(device).get("status").asString()).isEqualTo(state);
        return device;
    }

    private void cancel(Case device) {
        ApiClient.Response canceled =
                api.mgmt("DELETE", "/rest/v1/targets/" + device.controllerId() + "/actions/" + device.actionId(), null);
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(204);
    }

    private ApiClient.Response feedback(Case device, String resource, String kind, int expected) {
        String[] parts = kind.split("-");
        String result = parts.length == 1 ? "" : ",\"result\":{\"finished\":\"" + parts[1] + "\"}";
        ApiClient.Response response = api.send(
                "POST",
                "/DEFAULT/controller/v1/" + device.controllerId() + "/" + resource + "/" + device.actionId()
                        + "/feedback",
                "{\"status\":{\"execution\":\"" + parts[0] + "\"" + result + ",\"details\":[\"" + kind + "\"]}}",
                device.auth());
        assertThat(response.status())
                .as(resource + " " + kind + ": " + response.text())
                .isEqualTo(expected);
        return response;
    }

    private JsonNode action(Case device) {
        ApiClient.Response action =
                api.mgmt("GET", "/rest/v1/targets/" + device.controllerId() + "/actions/" + device.actionId(), null);
        assertThat(action.status()).isEqualTo(200);
        return action.json();
    }

    private int statusEntries(Case device) {
        return api.mgmt(
                        "GET",
                        "/rest/v1/targets/" + device.controllerId() + "/actions/" + device.actionId()
                                + "/status?limit=1",
                        null)
                .json()
                .get("total")
                .asInt();
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3} active={4} {5}")
    @CsvFileSource(resources = "/action-feedback-transitions.psv", delimiter = '|')
    void feedback_movesTheActionAsTheTableSays(
            String group, String resource, String kind, String next, boolean active, int status) {
        for (String state : group.equals("open") ? OPEN : List.of(group)) {
            Case device = in(state);
            int entriesBefore = statusEntries(device);
            events.clear();

            ApiClient.Response response = feedback(device, resource, kind, status);

            JsonNode action = action(device);
            String expected = next.equals("=") ? state : next;
            assertThat(action.get("status").asString()).as(state).isEqualTo(expected);
            assertThat(action.get("active").asBoolean()).as(state).isEqualTo(active);
            List<ActionUpdatedEvent> updates = events.stream()
                    .filter(ActionUpdatedEvent.class::isInstance)
                    .map(ActionUpdatedEvent.class::cast)
                    .toList();
            List<ClusterEvent> targetUpdates =
                    events.stream().filter(TargetUpdatedEvent.class::isInstance).toList();
            if (status == 200) {
                assertThat(statusEntries(device))
                        .as(state + ": the report is in the history")
                        .isEqualTo(entriesBefore + 1);
                assertThat(updates).as(state).hasSize(1);
                assertThat(updates.get(0).getStatus()).isEqualTo(expected);
                boolean closedNow = !active && !state.equals("canceled");
                assertThat(targetUpdates)
                        .as(state + ": the target changes when the action ends")
                        .hasSize(closedNow ? 1 : 0);
            } else {
                assertThat(response.json().get("errorCode").asString())
                        .isEqualTo(
                                status == 410
                                        ? "hawkbit.server.error.repo.actionNotActive"
                                        : "hawkbit.server.error.action.notCancelable");
                assertThat(statusEntries(device))
                        .as(state + ": nothing written")
                        .isEqualTo(entriesBefore);
                // Only the deployment's own events count: node heartbeats may arrive at any time.
                assertThat(updates)
                        .as(state + ": no action event for a refused report")
                        .isEmpty();
                assertThat(targetUpdates)
                        .as(state + ": no target event for a refused report")
                        .isEmpty();
            }
        }
    }

    @Test
    void cancelDuringDownload_endsCanceledAndIsNeverOfferedAgain() {
        long module = fixture.module("dl-os", "1", "os");
        fixture.artifact(module, "image.bin", new byte[4096]);
        long downloadSet = fixture.distributionSet("dl-set", "1", "os", module);
        Case device = new Case(
                "dl-device",
                Map.of(
                        "Authorization",
                        "TargetToken " + fixture.target("dl-device"),
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/hal+json"),
                fixture.assign("dl-device", downloadSet, "forced"));
        String base = "/DEFAULT/controller/v1/dl-device";
        String deployment = api.send("GET", base, (byte[]) null, device.auth())
                .json()
                .at("/_links/deploymentBase/href")
                .asString();
        assertThat(api.send("GET", deployment, (byte[]) null, device.auth()).status())
                .isEqualTo(200);
        feedback(device, "deploymentBase", "download", 200);

        cancel(device);
        // Still downloading, the device reports its progress as rauc-hawkbit-updater does.
        feedback(device, "deploymentBase", "proceeding", 200);
        feedback(device, "deploymentBase", "downloaded", 200);
        assertThat(action(device).get("status").asString()).isEqualTo("canceling");

        JsonNode poll = api.send("GET", base, (byte[]) null, device.auth()).json();
        assertThat(poll.at("/_links/deploymentBase").isMissingNode())
                .as("the deployment is not offered again")
                .isTrue();
        assertThat(poll.at("/_links/cancelAction/href").asString())
                .endsWith(base + "/cancelAction/" + device.actionId());
        assertThat(api.send("GET", deployment, (byte[]) null, device.auth()).status())
                .isEqualTo(404);

        feedback(device, "cancelAction", "closed-success", 200);
        JsonNode action = action(device);
        assertThat(action.get("status").asString()).isEqualTo("canceled");
        assertThat(action.get("active").asBoolean()).isFalse();
        JsonNode after = api.send("GET", base, (byte[]) null, device.auth()).json();
        assertThat(after.at("/_links/deploymentBase").isMissingNode()).isTrue();
        assertThat(after.at("/_links/cancelAction").isMissingNode()).isTrue();
        JsonNode target = api.mgmt("GET", "/rest/v1/targets/dl-device", null).json();
        assertThat(target.get("updateStatus").asString()).isEqualTo("registered");
    }

    @Test
    void cancelFeedback_forAnActionNotBeingCanceled_is405NotCancelable() {
        Case device = in("running");
        ApiClient.Response refused = feedback(device, "cancelAction", "closed-success", 405);
        assertThat(refused.json().get("exceptionClass").asString()).isNotBlank();
        assertThat(refused.json().get("message").asString()).contains(String.valueOf(device.actionId()));
    }

    @Test
    void statusHistory_isPagedInTheDatabase() {
        Case device = in("running");
        for (int i = 0; i < 12; i++) {
            feedback(device, "deploymentBase", "proceeding", 200);
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            JsonNode page = api.mgmt(
                            "GET",
                            "/rest/v1/targets/" + device.controllerId() + "/actions/" + device.actionId()
                                    + "/status?offset=2&limit=5&sort=id:DESC",
                            null)
                    .json();
            assertThat(page.get("total").asInt()).isEqualTo(13);
            assertThat(page.get("size").asInt()).isEqualTo(5);
            assertThat(page.get("content").get(0).get("messages").get(0).asString())
                    .isEqualTo("proceeding");
            JsonNode last = api.mgmt(
                            "GET",
                            "/rest/v1/targets/" + device.controllerId() + "/actions/" + device.actionId()
                                    + "/status?offset=12&limit=5&sort=id:DESC",
                            null)
                    .json();
            assertThat(last.get("content").get(0).get("type").asString()).isEqualTo("running");
            assertThat(last.get("content").get(0).get("messages").get(0).asString())
                    .startsWith("Assignment initiated");
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("HHH90003004") || message.contains("in memory"));
    }
}
