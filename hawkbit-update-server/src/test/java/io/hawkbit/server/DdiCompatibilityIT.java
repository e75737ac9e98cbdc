package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The quirks of real DDI clients from ddi-compat.md: odd headers, Accept values, ETags, ranges, authentication. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DdiCompatibilityIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    String token;
    String controllerId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        controllerId = "compat-" + System.nanoTime();
        token = fixture.target(controllerId);
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "TargetToken " + token);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json;charset=UTF-8",
                "application/hal+json, application/json, application/cbor",
                "*/*"
            })
    void poll_answersJsonForEveryAcceptSeenInTheField(String accept) {
        ApiClient.Response poll = api.send(
                "GET",
                "/DEFAULT/controller/v1/" + controllerId,
                (byte[]) null,
                DeviceCycleIT.with(auth(), "Accept", accept));
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.header("Content-Type")).contains("json");
        assertThat(poll.json().at("/config/polling/sleep").asString()).isEqualTo("00:05:00");
    }

    @Test
    void poll_acceptsOddHeadersAndNoAccept() {
        ApiClient.RawResponse poll = api.raw("GET /DEFAULT/controller/v1/" + controllerId + " HTTP/1.1\n"
                + "Host: localhost\nAuthorization: TargetToken " + token + "\nContent-Type: application/json\n"
                + "Content-Length: 0\ncharsets: utf-8\ncharsets: utf-8\nConnection: close\n");
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.text()).contains("\"sleep\":\"00:05:00\"");
    }

    @Test
    void poll_answers304WhenNothingChanged() {
        ApiClient.Response first = api.send("GET", "/DEFAULT/controller/v1/" + controllerId, (byte[]) null, auth());
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        ApiClient.Response second = api.send(
                "GET",
                "/DEFAULT/controller/v1/" + controllerId,
                (byte[]) null,
                DeviceCycleIT.with(auth(), "If-None-Match", etag));
        assertThat(second.status()).isEqualTo(304);
    }

    @Test
    void tenantInUrl_isCaseInsensitive() {
        assertThat(api.send("GET", "/default/controller/v1/" + controllerId, (byte[]) null, auth())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentials_are401WithJson() {
        ApiClient.Response none = api.send("GET", "/DEFAULT/controller/v1/" + controllerId, (byte[]) null, Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.unauthorized");
        assertThat(api.send(
                                "GET",
                                "/DEFAULT/controller/v1/" + controllerId,
                                (byte[]) null,
                                Map.of("Authorization", "TargetToken wrong"))
                        .status())
                .isEqualTo(401);
        assertThat(api.send(
                                "GET",
                                "/DEFAULT/controller/v1/" + controllerId,
                                (byte[]) null,
                                Map.of("Authorization", "GatewayToken anything"))
                        .status())
                .as("gateway tokens are off by default")
                .isEqualTo(401);
        assertThat(api.send("GET", "/UNKNOWN/controller/v1/" + controllerId, (byte[]) null, auth())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void targetToken_opensOnlyItsOwnTarget() {
        String other = "other-" + System.nanoTime();
        fixture.target(other);
        assertThat(api.send("GET", "/DEFAULT/controller/v1/" + other, (byte[]) null, auth())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void targetToken_switchedOff_refusesDevices() {
        fixture.config("authentication.targettoken.enabled", "false");
        try {
            assertThat(api.send("GET", "/DEFAULT/controller/v1/" + controllerId, (byte[]) null, auth())
                            .status())
                    .isEqualTo(401);
        } finally {
            fixture.config("authentication.targettoken.enabled", "true");
        }
    }

    @Test
    void device_cannotSeeAnotherDevicesActionOrArtifacts() {
        long module = fixture.module("m-" + controllerId, "1", "os");
        fixture.artifact(module, "a.bin", new byte[] {1, 2, 3, 4});
        long set = fixture.distributionSet("s-" + controllerId, "1", "os", module);
        String other = "victim-" + System.nanoTime();
        fixture.target(other);
        long foreignAction = fixture.assign(other, set, "forced");
        String base = "/DEFAULT/controller/v1/" + controllerId;
        assertThat(api.send("GET", base + "/deploymentBase/" + foreignAction, (byte[]) null, auth())
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                "POST",
                                base + "/deploymentBase/" + foreignAction + "/feedback",
                                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                                DeviceCycleIT.with(auth(), "Content-Type", "application/json"))
                        .status())
                .isEqualTo(404);
        assertThat(api.send("GET", base + "/softwaremodules/" + module + "/artifacts/a.bin", (byte[]) null, auth())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void download_honoursMultipleRangesClampingIfRangeIfMatchAnd416() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        long module = fixture.module("r-" + controllerId, "1", "os");
        String sha1 = fixture.artifact(module, "bundle.raucb", data)
                .at("/hashes/sha1")
                .asString();
        fixture.assign(controllerId, fixture.distributionSet("r-" + controllerId, "1", "os", module), "forced");
        String url =
                "/DEFAULT/controller/v1/" + controllerId + "/softwaremodules/" + module + "/artifacts/bundle.raucb";

        ApiClient.Response clamped =
                api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", "bytes=990-5000"));
        assertThat(clamped.status()).isEqualTo(206);
        assertThat(clamped.header("Content-Range")).isEqualTo("bytes 990-999/1000");
        assertThat(clamped.body()).hasSize(10);

        ApiClient.Response multi =
                api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", "bytes=0-9,500-509"));
        assertThat(multi.status()).isEqualTo(206);
        assertThat(multi.header("Content-Type")).startsWith("multipart/byteranges");
        assertThat(multi.text())
                .contains("Content-Range: bytes 0-9/1000")
                .contains("Content-Range: bytes 500-509/1000");

        ApiClient.Response past =
                api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", "bytes=1000-"));
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("bytes */1000");

        ApiClient.Response staleIfRange = api.send(
                "GET",
                url,
                (byte[]) null,
                DeviceCycleIT.with(DeviceCycleIT.with(auth(), "Range", "bytes=0-9"), "If-Range", "\"stale\""));
        assertThat(staleIfRange.status()).as("a changed file is sent whole").isEqualTo(200);
        assertThat(staleIfRange.body()).isEqualTo(data);

        ApiClient.Response freshIfRange = api.send(
                "GET",
                url,
                (byte[]) null,
                DeviceCycleIT.with(DeviceCycleIT.with(auth(), "Range", "bytes=0-9"), "If-Range", "\"" + sha1 + "\""));
        assertThat(freshIfRange.status()).isEqualTo(206);

        assertThat(api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "If-Match", "\"nope\""))
                        .status())
                .isEqualTo(412);
        ApiClient.Response full = api.send("GET", url, (byte[]) null, auth());
        assertThat(full.header("ETag")).isEqualTo("\"" + sha1 + "\"");
        assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void download_neverSendsMoreThanTheFileForOverlappingOrManyRanges() {
        byte[] data = new byte[100_000];
        long module = fixture.module("amp-" + controllerId, "1", "os");
        fixture.artifact(module, "big.bin", data);
        fixture.assign(controllerId, fixture.distributionSet("amp-" + controllerId, "1", "os", module), "forced");
        String url = "/DEFAULT/controller/v1/" + controllerId + "/softwaremodules/" + module + "/artifacts/big.bin";

        ApiClient.Response hundredTimes = api.send(
                "GET",
                url,
                (byte[]) null,
                DeviceCycleIT.with(auth(), "Range", "bytes=" + String.join(",", Collections.nCopies(100, "0-"))));
        assertThat(hundredTimes.status()).isEqualTo(416);
        assertThat(hundredTimes.header("Content-Range")).isEqualTo("bytes */100000");
        assertThat(hundredTimes.body()).isEmpty();

        StringBuilder seventeen = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= 16; i++) { // 17 disjoint one-byte parts, one past the cap
            seventeen.append(',').append(2 * i).append('-').append(2 * i);
        }
        assertThat(api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", seventeen.toString()))
                        .status())
                .isEqualTo(416);

        ApiClient.Response overlapping =
                api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", "bytes=0-99,50-199,200-299"));
        assertThat(overlapping.status()).as("merged into one part").isEqualTo(206);
        assertThat(overlapping.header("Content-Range")).isEqualTo("bytes 0-299/100000");
        assertThat(overlapping.body()).hasSize(300);

        ApiClient.Response resumed =
                api.send("GET", url, (byte[]) null, DeviceCycleIT.with(auth(), "Range", "bytes=99000-"));
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.body()).hasSize(1000);
        ApiClient.Response head = api.send("HEAD", url, (byte[]) null, auth());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("100000");
    }

    @Test
    void feedback_isParsedLeniently() {
        long module = fixture.module("f-" + controllerId, "1", "os");
        long action =
                fixture.assign(controllerId, fixture.distributionSet("f-" + controllerId, "1", "os", module), "forced");
        String url = "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action + "/feedback";
        Map<String, String> headers = DeviceCycleIT.with(auth(), "Content-Type", "application/json");
        String[] bodies = {
            "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\",\"progress\":null}}}",
            "{\"id\":\"\",\"status\":{\"execution\":\"download\",\"result\":{\"finished\":\"none\"},\"code\":null}}",
            "{\"id\":\"" + action
                    + "\",\"timestamp\":1764072000000,\"status\":{\"execution\":\"downloaded\",\"result\":{\"finished\":\"none\",\"progress\":{\"cnt\":2,\"of\":5}},\"code\":200}}",
            "{\"status\":{\"execution\":\"scheduled\",\"unknownField\":1,\"result\":{\"finished\":\"none\"}},\"extra\":true}",
            "{\"time\":\"not a time\",\"status\":{\"execution\":\"resumed\",\"details\":[\"a\",\"b\"]}}",
        };
        for (String body : bodies) {
            assertThat(api.send("POST", url, body, headers).status()).as(body).isEqualTo(200);
        }
        ApiClient.Response badExecution = api.send("POST", url, "{\"status\":{\"execution\":\"exploded\"}}", headers);
        assertThat(badExecution.status()).isEqualTo(400);
        assertThat(badExecution.json().get("errorCode").asString())
                .isEqualTo("hawkbit.server.error.rest.body.notReadable");
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action), 200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions/" + action)
                        .json()
                        .get("lastStatusCode")
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void deploymentBase_reportsActionHistoryWhenAsked() {
        long module = fixture.module("h-" + controllerId, "1", "os");
        long action =
                fixture.assign(controllerId, fixture.distributionSet("h-" + controllerId, "1", "os", module), "soft");
        String base = "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action;
        api.send(
                "POST",
                base + "/feedback",
                "{\"status\":{\"execution\":\"proceeding\",\"details\":[\"installing\"]}}",
                DeviceCycleIT.with(auth(), "Content-Type", "application/json"));
        var history = api.send("GET", base + "?actionHistory=5", (byte[]) null, auth())
                .json()
                .get("actionHistory");
        assertThat(history.get("status").asString()).isEqualTo("RUNNING");
        assertThat(history.get("messages").get(0).asString()).isEqualTo("installing");
        assertThat(api.send("GET", base, (byte[]) null, auth()).json().has("actionHistory"))
                .isFalse();
    }

    @Test
    void actionHistory_countsTheDevicesMessagesNewestFirst_withoutTheServersNotes() {
        long module = fixture.module("hm-" + controllerId, "1", "os");
        long action =
                fixture.assign(controllerId, fixture.distributionSet("hm-" + controllerId, "1", "os", module), "soft");
        String base = "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action;
        for (String step : List.of("a", "b")) {
            api.send(
                    "POST",
                    base + "/feedback",
                    "{\"status\":{\"execution\":\"proceeding\",\"details\":[\"" + step + "1\",\"" + step + "2\"]}}",
                    DeviceCycleIT.with(auth(), "Content-Type", "application/json"));
        }
        var three = api.send("GET", base + "?actionHistory=3", (byte[]) null, auth())
                .json()
                .get("actionHistory")
                .get("messages");
        assertThat(texts(three)).containsExactly("b1", "b2", "a1");
        var all = api.send("GET", base + "?actionHistory=-1", (byte[]) null, auth())
                .json()
                .get("actionHistory")
                .get("messages");
        // The assignment's own entry is no server note in hawkBit either (no "Update Server: " prefix).
        assertThat(texts(all)).containsExactly("b1", "b2", "a1", "a2", "Assignment initiated by user 'admin'");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
