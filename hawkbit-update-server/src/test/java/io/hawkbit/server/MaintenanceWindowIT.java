package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Maintenance windows over HTTP, on the server's injected clock: an assignment with a window, what the device's
 * deploymentBase says before, in and after the window, the poll interval before it, the action as the Management API
 * shows it, and the 400s for malformed windows, with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MaintenanceWindowIT {

    /** Daily at 03:00 +02:00 for an hour: 01:00 to 02:00 UTC. */
    private static final String WINDOW =
            "{\"schedule\":\"0 0 3 ? * *\",\"duration\":\"01:00:00\",\"timezone\":\"+02:00\"}";

    private static final Instant OPENS = Instant.parse("2031-03-01T01:00:00Z");
    private static final SettableClock CLOCK = new SettableClock(OPENS.minus(Duration.ofMinutes(30)));

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @TestConfiguration
    static class StoppedTime {

        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void forcedAssignment_installsOnlyInsideItsWindow() {
        CLOCK.set(OPENS.minus(Duration.ofMinutes(30)).toEpochMilli());
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("mw-forced");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target("mw-1"));
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/mw-1/assignedDS",
                "{\"id\":" + set + ",\"type\":\"forced\",\"maintenanceWindow\":" + WINDOW + "}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        long actionId = assigned.json().at("/assignedActions/0/id").asLong();

        // Half an hour before: the poll offers the deployment at the normal interval (30 min / 3 polls > 5 min).
        JsonNode poll = poll(api, "mw-1", auth);
        assertThat(poll.at("/config/polling/sleep").asString()).isEqualTo("00:05:00");
        String outside = poll.at("/_links/deploymentBase/href").asString();
        assertThat(deployment(api, outside, auth)).isEqualTo("forced/skip/unavailable");

        // Nine minutes before: the device is asked to poll three times until the window opens.
        CLOCK.set(OPENS.minus(Duration.ofMinutes(9)).toEpochMilli());
        assertThat(poll(api, "mw-1", auth).at("/config/polling/sleep").asString())
                .isEqualTo("00:03:00");

        JsonNode window = api.mgmt("GET", "/rest/v1/targets/mw-1/actions/" + actionId)
                .json()
                .get("maintenanceWindow");
        assertThat(window.get("schedule").asString()).isEqualTo("0 0 3 ? * *");
        assertThat(window.get("duration").asString()).isEqualTo("01:00:00");
        assertThat(window.get("timezone").asString()).isEqualTo("+02:00");
        assertThat(window.get("nextStartAt").asLong()).isEqualTo(OPENS.toEpochMilli());

        // One millisecond before the window: still closed.
        CLOCK.set(OPENS.toEpochMilli() - 1);
        assertThat(deployment(api, outside, auth)).isEqualTo("forced/skip/unavailable");

        // At the start: open, the real update type, and the link changes so that clients comparing links notice.
        CLOCK.set(OPENS.toEpochMilli());
        poll = poll(api, "mw-1", auth);
        String inside = poll.at("/_links/deploymentBase/href").asString();
        assertThat(inside).isNotEqualTo(outside);
        assertThat(poll.at("/config/polling/sleep").asString()).isEqualTo("00:05:00");
        assertThat(deployment(api, inside, auth)).isEqualTo("forced/forced/available");

        // Inside, the action's nextStartAt is the open window's start (as hawkBit).
        CLOCK.set(OPENS.plus(Duration.ofMinutes(59)).toEpochMilli());
        assertThat(deployment(api, inside, auth)).isEqualTo("forced/forced/available");
        assertThat(api.mgmt("GET", "/rest/v1/actions?q=id==" + actionId)
                        .json()
                        .at("/content/0/maintenanceWindow/nextStartAt")
                        .asLong())
                .isEqualTo(OPENS.toEpochMilli());

        // At the end: closed again until the next day's window.
        CLOCK.set(OPENS.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(deployment(api, inside, auth)).isEqualTo("forced/skip/unavailable");
        assertThat(api.mgmt("GET", "/rest/v1/targets/mw-1/actions")
                        .json()
                        .at("/content/0/maintenanceWindow/nextStartAt")
                        .asLong())
                .isEqualTo(OPENS.plus(Duration.ofDays(1)).toEpochMilli());
    }

    @Test
    void softAssignmentOfASetToTargets_takesTheWindowToo() {
        CLOCK.set(OPENS.minus(Duration.ofHours(3)).toEpochMilli());
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("mw-soft");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target("mw-2"));
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/distributionsets/" + set + "/assignedTargets",
                "[{\"id\":\"mw-2\",\"type\":\"soft\",\"maintenanceWindow\":" + WINDOW + "}]");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

        String href = poll(api, "mw-2", auth).at("/_links/deploymentBase/href").asString();
        assertThat(deployment(api, href, auth)).isEqualTo("attempt/skip/unavailable");
        CLOCK.set(OPENS.plus(Duration.ofMinutes(1)).toEpochMilli());
        assertThat(deployment(api, href, auth)).isEqualTo("attempt/attempt/available");
    }

    @Test
    void assignmentWithoutWindow_hasNoneOnEitherApi() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("mw-none");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target("mw-3"));
        long actionId = fixture.assign("mw-3", set, "forced");

        String href = poll(api, "mw-3", auth).at("/_links/deploymentBase/href").asString();
        JsonNode deployment = api.send("GET", href, (byte[]) null, auth).json().get("deployment");
        assertThat(deployment.has("maintenanceWindow")).isFalse();
        assertThat(deployment.get("update").asString()).isEqualTo("forced");
        assertThat(api.mgmt("GET", "/rest/v1/targets/mw-3/actions/" + actionId)
                        .json()
                        .has("maintenanceWindow"))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            schedule | {"schedule":"0 0 3 * *","duration":"01:00:00","timezone":"+02:00"}
            schedule | {"schedule":"0 0 3 * * *","duration":"01:00:00","timezone":"+02:00"}
            schedule | {"schedule":"0 0 0 1 1 ? 2000","duration":"01:00:00","timezone":"+02:00"}
            schedule | {"duration":"01:00:00","timezone":"+02:00"}
            duration | {"schedule":"0 0 3 ? * *","duration":"90 minutes","timezone":"+02:00"}
            duration | {"schedule":"0 0 3 ? * *","timezone":"+02:00"}
            timezone | {"schedule":"0 0 3 ? * *","duration":"01:00:00","timezone":"Europe/Berlin"}
            timezone | {"schedule":"0 0 3 ? * *","duration":"01:00:00","timezone":"+2:00"}
            """)
    void malformedWindow_isRefusedNamingTheFieldAndNothingIsWritten(String field, String window) {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("mw-bad-" + Math.abs(window.hashCode()));
        String controllerId = "mw-bad-" + Math.abs(window.hashCode());
        fixture.target(controllerId);
        fixture.target(controllerId + "-ok");

        assertRefused(
                api.mgmt(
                        "POST",
                        "/rest/v1/targets/" + controllerId + "/assignedDS",
                        "{\"id\":" + set + ",\"maintenanceWindow\":" + window + "}"),
                field);
        // The first target's assignment is fine; the second one's window refuses the whole request.
        assertRefused(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + set + "/assignedTargets",
                        "[{\"id\":\"" + controllerId + "-ok\"},{\"id\":\"" + controllerId + "\",\"maintenanceWindow\":"
                                + window + "}]"),
                field);

        assertThat(actionsOf(api, controllerId)).isZero();
        assertThat(actionsOf(api, controllerId + "-ok")).isZero();
    }

    private static void assertRefused(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asString())
                .isEqualTo("hawkbit.server.error.maintenanceScheduleInvalid");
        assertThat(response.json().get("message").asString()).contains("maintenanceWindow." + field);
    }

    private static int actionsOf(ApiClient api, String controllerId) {
        return api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions")
                .json()
                .get("total")
                .asInt();
    }

    private static JsonNode poll(ApiClient api, String controllerId, Map<String, String> auth) {
        ApiClient.Response poll = api.send("GET", "/DEFAULT/controller/v1/" + controllerId, (byte[]) null, auth);
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
        return poll.json();
    }

    /** {@code download/update/maintenanceWindow} of the deployment behind {@code href}. */
    private static String deployment(ApiClient api, String href, Map<String, String> auth) {
        ApiClient.Response response = api.send("GET", href, (byte[]) null, auth);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode deployment = response.json().get("deployment");
        return deployment.get("download").asString() + "/"
                + deployment.get("update").asString() + "/"
                + deployment.get("maintenanceWindow").asString();
    }
}
