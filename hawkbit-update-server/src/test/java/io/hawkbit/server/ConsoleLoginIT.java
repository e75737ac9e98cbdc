package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console's form login over plain HTTP: a session cookie with CSRF, the Management API users and roles, and the
 * same lockout as Basic logins. The REST API stays stateless.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.admin.roles=ADMIN,SYSTEM_ADMIN",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.security.users.victim.password=right",
            "hawkbit.server.security.login.max-attempts=3"
        })
@ActiveProfiles("test")
class ConsoleLoginIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private ConsoleSession browser() {
        return new ConsoleSession(api);
    }

    @Test
    void console_redirectsToLoginWithoutSession() {
        ApiClient.Response response = browser().get("/ui/targets");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/ui/login");
    }

    @Test
    void signIn_withManagementUser_opensTheConsole() {
        ConsoleSession browser = browser();
        ApiClient.Response login = browser.signIn("admin", "admin");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/ui");
        ApiClient.Response fleet = browser.get("/ui/targets");
        assertThat(fleet.status()).isEqualTo(200);
        assertThat(fleet.text()).contains("Fleet").contains("id=\"create-target\"");
    }

    @Test
    void post_withoutCsrfToken_isRefused() {
        ConsoleSession browser = browser();
        browser.signIn("admin", "admin");
        ApiClient.Response created = browser.post("/ui/targets", Map.of("controllerId", "no-csrf"));
        assertThat(created.status()).isEqualTo(403);
        assertThat(api.mgmt("GET", "/rest/v1/targets/no-csrf").status()).isEqualTo(404);

        browser.get("/ui/targets");
        ApiClient.Response withToken =
                browser.post("/ui/targets", Map.of("controllerId", "with-csrf", "_csrf", browser.csrf));
        assertThat(withToken.status()).isEqualTo(302);
        assertThat(api.mgmt("GET", "/rest/v1/targets/with-csrf").status()).isEqualTo(200);
    }

    @Test
    void readUser_seesNoWriteFormsAndIsRefusedWrites() {
        ConsoleSession browser = browser();
        assertThat(browser.signIn("viewer", "v").header("Location")).endsWith("/ui");
        ApiClient.Response fleet = browser.get("/ui/targets");
        assertThat(fleet.status()).isEqualTo(200);
        assertThat(fleet.text()).doesNotContain("create-target").contains("read only");
        assertThat(browser.get("/ui/software").text())
                .doesNotContain("create-module")
                .doesNotContain("create-set");

        ApiClient.Response created =
                browser.post("/ui/targets", Map.of("controllerId", "by-viewer", "_csrf", browser.csrf));
        assertThat(created.status()).isEqualTo(403);
        assertThat(api.mgmt("GET", "/rest/v1/targets/by-viewer").status()).isEqualTo(404);
    }

    @Test
    void failedFormLogins_lockTheUserOutAsBasicLoginsDo() {
        for (int i = 0; i < 3; i++) {
            assertThat(browser().signIn("victim", "wrong").header("Location")).endsWith("/ui/login?error");
        }
        // The right password no longer helps, on the form ...
        assertThat(browser().signIn("victim", "right").header("Location")).endsWith("/ui/login?locked");
        // ... nor on the Management API: the lockout is one.
        ApiClient.Response basic = api.send(
                "GET", "/rest/v1/targets", (byte[]) null, Map.of("Authorization", ApiClient.basic("victim", "right")));
        assertThat(basic.status()).isEqualTo(429);
    }

    @Test
    void restApi_staysStatelessBasic() {
        ApiClient.Response response = api.mgmt("GET", "/rest/v1/targets");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void loginPage_loadsHtmxFromTheJar() {
        String page = browser().get("/ui/login").text();
        Matcher scripts = Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(page);
        int found = 0;
        while (scripts.find()) {
            found++;
            assertThat(api.send("GET", scripts.group(1), (byte[]) null, Map.of())
                            .status())
                    .as(scripts.group(1))
                    .isEqualTo(200);
        }
        assertThat(found).isEqualTo(2);
    }
}
