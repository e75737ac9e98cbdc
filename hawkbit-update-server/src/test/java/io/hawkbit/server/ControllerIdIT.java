package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriUtils;

/**
 * Which controllerIds exist and who speaks for them: DDI authentication checks the token against the same (decoded)
 * id the controllers act on, and only ids every API can address again are created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ControllerIdIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TargetRepository targets;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void tokenOfAnIdWithAPercentEscape_doesNotOpenTheTargetItDecodesTo() {
        String tokenB = fixture.target("devB");
        // Created before ids were restricted: such rows may exist in a database.
        targets.saveAndFlush(new Target("DEFAULT", "dev%42", "dev%42", "tokEvil"));

        assertThat(poll("/DEFAULT/controller/v1/dev%42", "TargetToken tokEvil").status())
                .isEqualTo(401);
        assertThat(poll("/DEFAULT/controller/v1/dev%42/deploymentBase/1", "TargetToken tokEvil")
                        .status())
                .isEqualTo(401);
        assertThat(poll("/DEFAULT/controller/v1/dev%42", "TargetToken " + tokenB)
                        .status())
                .as("it is devB's path")
                .isEqualTo(200);
    }

    @Test
    void nonAsciiControllerId_authenticatesPercentEncoded() {
        String token = created("dév-☃").get("securityToken").asString();
        ApiClient.Response poll = poll("/DEFAULT/controller/v1/" + encoded("dév-☃"), "TargetToken " + token);
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
    }

    @Test
    void create_refusesIdsThatCannotBeAddressedAgain_namingTheField() {
        long before = total();
        for (String id : List.of(
                "a/b",
                "..",
                ".",
                "a;b",
                "a\\b",
                "%2e%2e",
                "dev%42",
                "a\u0000b",
                "a b",
                "a\tb",
                " x",
                "x\n",
                "a\u00a0b",
                "a\u2028b",
                "a\u007fb")) {
            ApiClient.Response refused = create(id);
            String label = "'" + id.replace("\u0000", "\\0") + "'";
            assertThat(refused.status()).as(label + " " + refused.text()).isEqualTo(400);
            assertThat(refused.json().get("errorCode").asString())
                    .as(label)
                    .isEqualTo("hawkbit.server.error.repo.constraintViolation");
            assertThat(refused.json().get("message").asString()).as(label).contains("controllerId");
        }
        assertThat(total()).as("nothing created").isEqualTo(before);
    }

    @Test
    void idsWithOtherSpecialCharacters_canBeCreatedReadAndDeleted() {
        for (String id :
                List.of("a:b", "a?b", "a#b", "a+b", "a@b", "a,b", "a.b", "a..b", "...", "日本-1", "a&b=c", "a'b")) {
            assertThat(create(id).status()).as(id).isEqualTo(201);
            ApiClient.Response read = api.mgmt("GET", "/rest/v1/targets/" + encoded(id));
            assertThat(read.status()).as(id + " " + read.text()).isEqualTo(200);
            assertThat(read.json().get("controllerId").asString()).isEqualTo(id);
            assertThat(api.mgmt("DELETE", "/rest/v1/targets/" + encoded(id)).status())
                    .as(id)
                    .isEqualTo(204);
        }
    }

    @Test
    void gatewayRegistration_refusesAnInvalidDecodedId() {
        fixture.config("authentication.gatewaytoken.enabled", "true");
        fixture.config("authentication.gatewaytoken.key", "\"gw-key\"");
        long before = total();
        for (String path : List.of("a%20b", "%C2%A0x", "a%09b")) {
            ApiClient.Response refused = poll("/DEFAULT/controller/v1/" + path, "GatewayToken gw-key");
            assertThat(refused.status()).as(path + " " + refused.text()).isEqualTo(400);
            assertThat(refused.json().get("message").asString()).as(path).contains("controllerId");
        }
        assertThat(total()).as("nothing registered").isEqualTo(before);
    }

    @Test
    void idOf256Characters_isCreatedWithoutAName_andRegistersThroughAGateway() {
        String id = "i".repeat(256);
        assertThat(created(id).get("name").asString()).isEqualTo("i".repeat(128));

        fixture.config("authentication.gatewaytoken.enabled", "true");
        fixture.config("authentication.gatewaytoken.key", "\"gw-key\"");
        String device = "g".repeat(255) + "é";
        ApiClient.Response poll = poll("/DEFAULT/controller/v1/" + encoded(device), "GatewayToken gw-key");
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + encoded(device))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("g".repeat(128));
        assertThat(poll("/DEFAULT/controller/v1/" + "g".repeat(257), "GatewayToken gw-key")
                        .status())
                .isEqualTo(400);
    }

    private long total() {
        return api.mgmt("GET", "/rest/v1/targets").json().get("total").asLong();
    }

    private tools.jackson.databind.JsonNode created(String id) {
        ApiClient.Response created = create(id);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get(0);
    }

    private ApiClient.Response create(String id) {
        return api.mgmt(
                "POST", "/rest/v1/targets", ApiClient.JSON.writeValueAsString(List.of(Map.of("controllerId", id))));
    }

    private ApiClient.Response poll(String path, String authorization) {
        return api.send(
                "GET", path, (byte[]) null, Map.of("Authorization", authorization, "Accept", "application/json"));
    }

    private static String encoded(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
