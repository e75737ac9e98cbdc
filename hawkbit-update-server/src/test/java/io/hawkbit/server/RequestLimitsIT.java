package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed requests that fail in the HTTP plumbing rather than in a controller (bad escapes, oversized bodies and
 * URLs, deep queries, lossy JSON numbers): each is a 4xx with hawkBit's error body and logs no ERROR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestLimitsIT {

    private static final String PARAM_INVALID = "hawkbit.server.error.rest.param.invalid";
    private static final String TOO_LARGE = "hawkbit.server.error.payloadTooLarge";
    private static final String NOT_READABLE = "hawkbit.server.error.rest.body.notReadable";

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;
    LogCapture logs;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        logs = new LogCapture();
    }

    @AfterEach
    void noErrorLogged() {
        try {
            assertThat(logs.errors()).as("ERROR lines for a client's mistake").isEmpty();
        } finally {
            logs.close();
        }
    }

    @Test
    void malformedEscapeInQuery_is400WithErrorBody_onEveryApi() {
        String token = new Fixture(api).target("escapes");
        String basic = ApiClient.basic("admin", "admin");
        String[][] requests = {
            {"/actuator/health?x=%ff", null},
            {"/actuator/health?x=%", null},
            {"/actuator/info?x=%ZZ", null},
            {"/v3/api-docs?x=%", null},
            {"/rest/v1/targets?x=%ff", null},
            {"/rest/v1/targets?q=%ff", basic},
            {"/rest/v1/targets?q=%", basic},
            {"/rest/v1/targets?limit=%ZZ", basic},
            {"/rest/v1/targets/escapes/actions?q=%ff", basic},
            {"/rest/v1/distributionsets?sort=%e0%80", basic},
            {"/actuator/metrics?x=%ff", basic},
            {"/DEFAULT/controller/v1/escapes?x=%ff", "TargetToken " + token},
            {"/DEFAULT/controller/v1/escapes?x=%", null}
        };
        for (String[] request : requests) {
            ApiClient.RawResponse response =
                    api.raw("GET " + request[0] + " HTTP/1.1\nHost: localhost\nConnection: close\n"
                            + (request[1] == null ? "" : "Authorization: " + request[1] + "\n"));
            assertThat(response.status())
                    .as(request[0] + ": " + response.text())
                    .isEqualTo(400);
            assertThat(response.text()).as(request[0]).contains(PARAM_INVALID).contains("application/json");
        }
    }

    @Test
    void malformedEscapeInFormBody_is4xx() {
        for (String method : new String[] {"POST", "PUT"}) {
            ApiClient.Response response = api.send(
                    method,
                    "/rest/v1/targets/nobody",
                    "a=%ff&b=%",
                    Map.of(
                            "Authorization",
                            ApiClient.basic("admin", "admin"),
                            "Content-Type",
                            "application/x-www-form-urlencoded"));
            assertThat(response.status()).as(method + " " + response.text()).isBetween(400, 499);
            assertThat(response.text()).contains("\"errorCode\"");
        }
    }

    @Test
    void ddiBodyOverOneMegabyte_is413BeforeParsing() {
        Fixture fixture = new Fixture(api);
        String token = fixture.target("big");
        long set = fixture.completeSet("big");
        long action = fixture.assign("big", set, "forced");
        String detail = "\"" + "M".repeat(400_000) + "\"";
        String feedback = "{\"status\":{\"execution\":\"proceeding\",\"details\":[" + detail + "," + detail + ","
                + detail + "]}}";
        String path = "/DEFAULT/controller/v1/big/deploymentBase/" + action + "/feedback";
        ApiClient.Response response = api.send(
                "POST",
                path,
                feedback,
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.text()).contains(TOO_LARGE);

        ApiClient.RawResponse chunked = api.raw("POST " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n"
                + "Authorization: TargetToken " + token
                + "\nContent-Type: application/json\nTransfer-Encoding: chunked\n\n"
                + Integer.toHexString(feedback.length()) + "\n" + feedback + "\n0\n");
        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
        assertThat(chunked.text()).contains(TOO_LARGE);

        ApiClient.Response small = api.send(
                "POST",
                path,
                "{\"status\":{\"execution\":\"proceeding\",\"details\":[\"" + "M".repeat(500_000) + "\"]}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(small.status()).as(small.text()).isEqualTo(200);
    }

    @Test
    void managementBodyOverLimit_is413InsteadOfContinue() {
        // Clients that ask first (curl does for bodies over 1 MB) get the 413 without sending the body. One that sends
        // 11 MB unasked may see the connection reset instead: Tomcat drains only 2 MB of a refused body.
        int length = 11 * 1024 * 1024;
        ApiClient.RawResponse asked = api.raw("POST /rest/v1/targets HTTP/1.1\nHost: localhost\nAuthorization: "
                + ApiClient.basic("admin", "admin") + "\nContent-Type: application/json\nContent-Length: " + length
                + "\nExpect: 100-continue\n");
        assertThat(asked.status()).as(asked.text()).isEqualTo(413);
        assertThat(asked.text()).contains(TOO_LARGE).doesNotContain("HTTP/1.1 100");
    }

    @Test
    void bodyWithinLimit_isStillSentAfterContinue() {
        ApiClient.Response response = api.sendAskingFirst(
                "POST",
                "/rest/v1/targets",
                "[{\"controllerId\":\"asked\"}]".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", ApiClient.basic("admin", "admin"), "Content-Type", "application/json"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void jsonStringOverParserLimit_is400() {
        // A body read as a JSON tree keeps every string, unknown fields included: only the parser limits their length.
        ApiClient.Response response = api.mgmt(
                "POST",
                "/rest/v1/targets/strlen/assignedDS",
                "{\"id\":1,\"type\":\"forced\",\"extra\":\"" + "d".repeat(1_100_000) + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains(NOT_READABLE).contains("maximum allowed");
    }

    @Test
    void rsqlNestedDeeperThanLimit_is400WithRsqlError() {
        String deep = "(".repeat(2000) + "id==1" + ")".repeat(2000);
        ApiClient.Response response = api.mgmt("GET", "/rest/v1/targets?q=" + deep);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("hawkbit.server.error.rest.param.rsqlParamSyntax");
        String allowed = "(".repeat(50) + "id==1" + ")".repeat(50);
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=" + allowed).status()).isEqualTo(200);
        String quoted = "name==\"" + "(".repeat(100) + "\"";
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=" + java.net.URLEncoder.encode(quoted, StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void errorPathCalledDirectly_is404() {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            ApiClient.Response response = api.send(method, "/error", (byte[]) null, Map.of());
            assertThat(response.status()).as(method + " " + response.text()).isEqualTo(404);
            assertThat(response.text()).contains("\"errorCode\"");
        }
    }

    @Test
    void urlAndHeadersOverTomcatLimits_areJson400() {
        ApiClient.RawResponse longUrl = api.raw(
                "GET /rest/v1/targets?q=" + "a".repeat(9000) + " HTTP/1.1\nHost: localhost\nConnection: close\n");
        assertThat(longUrl.status()).isEqualTo(400);
        assertThat(longUrl.text())
                .contains("application/json")
                .contains("\"errorCode\"")
                .doesNotContain("<html");
        ApiClient.RawResponse bigHeader = api.raw(
                "GET /actuator/health HTTP/1.1\nHost: localhost\nConnection: close\nX-Big: " + "b".repeat(9000) + "\n");
        assertThat(bigHeader.status()).isEqualTo(400);
        assertThat(bigHeader.text())
                .contains("application/json")
                .contains("\"errorCode\"")
                .doesNotContain("<html");
        ApiClient.RawResponse badRequestLine = api.raw("GET /a b c HTTP/1.1\nHost: localhost\nConnection: close\n");
        assertThat(badRequestLine.status()).isEqualTo(400);
        assertThat(badRequestLine.text()).contains("\"errorCode\"").doesNotContain("<html");
    }

    @Test
    void fractionalNumberForAnId_is400() {
        Fixture fixture = new Fixture(api);
        fixture.target("coerce");
        long set = fixture.completeSet("coerce");
        ApiClient.Response response =
                api.mgmt("POST", "/rest/v1/targets/coerce/assignedDS", "{\"id\":" + set + ".5,\"type\":\"forced\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains(NOT_READABLE);
        assertThat(api.mgmt("GET", "/rest/v1/targets/coerce/actions")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        ApiClient.Response integral =
                api.mgmt("POST", "/rest/v1/targets/coerce/assignedDS", "{\"id\":" + set + ",\"type\":\"forced\"}");
        assertThat(integral.status()).as(integral.text()).isEqualTo(200);
    }

    @Test
    void ddiFeedbackWithFractionalNumbers_isStillAccepted() {
        Fixture fixture = new Fixture(api);
        String token = fixture.target("python-device");
        long action = fixture.assign("python-device", fixture.completeSet("python"), "forced");
        ApiClient.Response response = api.send(
                "POST",
                "/DEFAULT/controller/v1/python-device/deploymentBase/" + action + "/feedback",
                "{\"timestamp\":1700000000000.25,\"status\":{\"execution\":\"proceeding\",\"code\":3.0,"
                        + "\"result\":{\"finished\":\"none\",\"progress\":{\"cnt\":1.5,\"of\":3}}}}",
                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    @Test
    void wildcardOrUnknownContentType_is415() {
        for (String type : new String[] {"application/*", "*/*", "garbage", "application/json; charset=bogus-9"}) {
            ApiClient.Response response = api.send(
                    "POST",
                    "/rest/v1/targets",
                    "[{\"controllerId\":\"ct\"}]",
                    Map.of("Authorization", ApiClient.basic("admin", "admin"), "Content-Type", type));
            assertThat(response.status()).as(type + " " + response.text()).isEqualTo(415);
            assertThat(response.text()).contains("hawkbit.server.error.rest.mediaType.unsupported");
        }
        assertThat(api.mgmt("GET", "/rest/v1/targets/ct").status()).isEqualTo(404);
    }

    @Test
    void methodTomcatDoesNotImplement_is405() {
        ApiClient.RawResponse response =
                api.raw("CONNECT /rest/v1/targets HTTP/1.1\nHost: localhost\nConnection: close\n");
        assertThat(response.status()).as(response.text()).isEqualTo(405);
        assertThat(response.text()).contains("\"errorCode\"");
    }
}
