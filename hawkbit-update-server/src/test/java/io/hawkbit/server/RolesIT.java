package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What each role may see and do: device tokens and the gateway key only with their own permission (ADMIN has both),
 * the actuator's node-wide views and writes only with SYSTEM_ADMIN.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.security.users.keeper.password=k",
            "hawkbit.security.users.keeper.roles=READ, READ_TARGET_SECURITY_TOKEN",
            "hawkbit.security.users.gatekeeper.password=g",
            "hawkbit.security.users.gatekeeper.roles=read, read_gateway_security_token",
            "hawkbit.security.users.root.password=r",
            "hawkbit.security.users.root.roles=SYSTEM_ADMIN"
        })
@ActiveProfiles("test")
class RolesIT {

    private static final String GATEWAY_KEY = "authentication.gatewaytoken.key";

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void deviceTokens_areShownOnlyWithReadTargetSecurityToken() {
        String token = new Fixture(api).target("tok-" + System.nanoTime());
        assertThat(token).as("the create response shows the admin the token").isNotBlank();
        String id = "tok-" + System.nanoTime();
        new Fixture(api).target(id);

        for (String user : new String[] {"viewer", "gatekeeper"}) {
            JsonNode one = get(user, "/rest/v1/targets/" + id);
            assertThat(one.get("controllerId").asString()).isEqualTo(id);
            assertThat(one.has("securityToken")).as(user).isFalse();
            get(user, "/rest/v1/targets")
                    .get("content")
                    .forEach(t -> assertThat(t.has("securityToken")).as(user).isFalse());
        }
        for (String user : new String[] {"admin", "keeper"}) {
            assertThat(get(user, "/rest/v1/targets/" + id).get("securityToken").asString())
                    .as(user)
                    .isNotBlank();
            get(user, "/rest/v1/targets")
                    .get("content")
                    .forEach(t -> assertThat(t.has("securityToken")).as(user).isTrue());
        }
    }

    @Test
    void gatewayKey_isShownOnlyWithReadGatewaySecurityToken() {
        new Fixture(api).config(GATEWAY_KEY, "\"secret-gw-key\"");

        for (String user : new String[] {"viewer", "keeper"}) {
            JsonNode all = get(user, "/rest/v1/system/configs");
            assertThat(all.has("pollingTime")).as(user).isTrue();
            assertThat(all.has(GATEWAY_KEY)).as(user).isFalse();
            assertThat(all.toString()).doesNotContain("secret-gw-key");
            ApiClient.Response one = send(user, "GET", "/rest/v1/system/configs/" + GATEWAY_KEY);
            assertThat(one.status()).as(user).isEqualTo(403);
            assertThat(one.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.insufficientpermission");
            assertThat(one.text()).doesNotContain("secret-gw-key");
        }
        for (String user : new String[] {"admin", "gatekeeper"}) {
            assertThat(get(user, "/rest/v1/system/configs")
                            .get(GATEWAY_KEY)
                            .get("value")
                            .asString())
                    .isEqualTo("secret-gw-key");
            assertThat(get(user, "/rest/v1/system/configs/" + GATEWAY_KEY)
                            .get("value")
                            .asString())
                    .isEqualTo("secret-gw-key");
        }
    }

    @Test
    void actuator_needsSystemAdmin() {
        for (String user : new String[] {"admin", "viewer"}) {
            assertThat(send(user, "DELETE", "/actuator/caches").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(send(user, "GET", "/actuator/caches").status()).as(user).isEqualTo(403);
            assertThat(send(user, "GET", "/actuator/metrics").status()).as(user).isEqualTo(403);
            assertThat(send(user, "GET", "/actuator/metrics/jvm.threads.live").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(send(user, "GET", "/actuator/cluster").status()).as(user).isEqualTo(403);
            assertThat(send(user, "GET", "/actuator/nodecaches").status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(send("root", "GET", "/actuator/metrics").status()).isEqualTo(200);
        assertThat(send("root", "GET", "/actuator/cluster").status()).isEqualTo(200);
        assertThat(send("root", "GET", "/actuator/nodecaches").status()).isEqualTo(200);
        assertThat(send("root", "DELETE", "/actuator/caches").status()).isEqualTo(204);
        assertThat(send("root", "GET", "/rest/v1/targets").status())
                .as("no tenant role, no Management API")
                .isEqualTo(403);
        assertThat(api.send("GET", "/actuator/health", (byte[]) null, Map.of()).status())
                .as("health stays public")
                .isEqualTo(200);
    }

    private JsonNode get(String user, String path) {
        ApiClient.Response response = send(user, "GET", path);
        assertThat(response.status())
                .as(user + " " + path + " " + response.text())
                .isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response send(String user, String method, String path) {
        String password = switch (user) {
            case "admin" -> "admin";
            case "viewer" -> "v";
            case "keeper" -> "k";
            case "gatekeeper" -> "g";
            default -> "r";
        };
        return api.send(
                method,
                path,
                (byte[]) null,
                Map.of("Authorization", ApiClient.basic(user, password), "Accept", "application/json"));
    }
}
