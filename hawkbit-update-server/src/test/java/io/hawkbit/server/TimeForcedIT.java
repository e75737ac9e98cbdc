package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A time-forced action turns forced at its force time to the millisecond, on the server's injected clock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimeForcedIT {

    private static final Instant START = Instant.parse("2031-03-01T12:00:00Z");
    private static final SettableClock CLOCK = new SettableClock(START);

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
    void timeForced_switchesToForcedExactlyAtItsForceTime() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("timeforced");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target("tf-1"));
        long forceTime = START.toEpochMilli() + 60_000;
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/tf-1/assignedDS",
                "{\"id\":" + set + ",\"type\":\"timeforced\",\"forcetime\":" + forceTime + "}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);

        CLOCK.set(forceTime - 1);
        String before = deploymentLink(api, auth);
        assertThat(handling(api, before, auth)).isEqualTo("attempt/attempt");

        CLOCK.set(forceTime);
        String at = deploymentLink(api, auth);
        assertThat(handling(api, at, auth)).isEqualTo("forced/forced");
        assertThat(at)
                .as("the link changes so that clients comparing links notice")
                .isNotEqualTo(before);
    }

    private static String deploymentLink(ApiClient api, Map<String, String> auth) {
        return api.send("GET", "/DEFAULT/controller/v1/tf-1", (byte[]) null, auth)
                .json()
                .at("/_links/deploymentBase/href")
                .asString();
    }

    private static String handling(ApiClient api, String href, Map<String, String> auth) {
        JsonNode deployment = api.send("GET", href, (byte[]) null, auth).json().get("deployment");
        return deployment.get("download").asString() + "/"
                + deployment.get("update").asString();
    }
}
