package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /rest/v1/userinfo}: hawkBit's credential check, {@code {tenant, username, permissions}}. */
@MgmtApiTest
class UserInfoApiIT {

    @LocalServerPort
    int port;

    @Test
    void userinfo_namesTheCaller_andRefusesBadCredentials() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response info = api.mgmt("GET", "/rest/v1/userinfo");
        JsonAssert.statusCode(info, 200);
        JsonNode body = info.json();
        assertThat(body.get("tenant").asString()).isEqualTo("DEFAULT");
        assertThat(body.get("username").asString()).isEqualTo("admin");
        List<String> permissions = new ArrayList<>();
        body.get("permissions").forEach(p -> permissions.add(p.asString()));
        assertThat(permissions).contains("ROLE_ADMIN");
        List<String> fields = new ArrayList<>();
        body.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("tenant", "username", "permissions");

        ApiClient.Response refused = api.send(
                "GET",
                "/rest/v1/userinfo",
                (byte[]) null,
                Map.of("Authorization", ApiClient.basic("userinfo-nobody", "wrong")));
        assertThat(refused.status()).isEqualTo(401);
    }
}
