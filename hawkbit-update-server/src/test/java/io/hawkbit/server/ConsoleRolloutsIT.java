package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console's rollout pages over plain HTTP: the create form (CSRF, live filter preview, readable messages for bad
 * input), the lifecycle buttons, and a READ user who sees no button and whose posts are refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The same users as ConsoleLoginIT, so both share one context.
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.admin.roles=ADMIN,SYSTEM_ADMIN",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.security.users.victim.password=right",
            "hawkbit.server.security.login.max-attempts=3"
        })
@ActiveProfiles("test")
class ConsoleRolloutsIT {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    private Map<String, String> form(ConsoleSession session, String name, long setId, String filter) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", session.csrf);
        form.put("name", name);
        form.put("setId", Long.toString(setId));
        form.put("targetFilterQuery", filter);
        form.put("type", "forced");
        form.put("amountGroups", "2");
        form.put("successThreshold", "50");
        form.put("errorThreshold", "20");
        form.put("start", "manual");
        form.put("startAt", "");
        return form;
    }

    private long rolloutId(String name) {
        ApiClient.Response found = api.mgmt("GET", "/rest/v1/rollouts?q=name==" + name);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).as(name).isEqualTo(1);
        return found.json().get("content").get(0).get("id").asLong();
    }

    private long rollouts(String name) {
        return api.mgmt("GET", "/rest/v1/rollouts?q=name==" + name)
                .json()
                .get("total")
                .asLong();
    }

    @Test
    void form_createsARolloutWithItsGroups_andTheButtonsStartAndPauseIt() {
        fixture.targets("ui-form-", 4);
        long set = fixture.completeSet("ui-form");
        ConsoleSession admin = new ConsoleSession(api);
        admin.signIn("admin", "admin");

        ApiClient.Response list = admin.get("/ui/rollouts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("id=\"create-rollout\"").contains("ui-form-set:1");
        assertThat(admin.get("/ui/rollouts/preview?targetFilterQuery=controllerId%3D%3Dui-form-*")
                        .text())
                .contains("id=\"matching\">4<");

        ApiClient.Response created =
                admin.post("/ui/rollouts", form(admin, "ui-form-rollout", set, "controllerId==ui-form-*"));
        assertThat(created.status()).as(created.text()).isEqualTo(302);
        long id = rolloutId("ui-form-rollout");
        assertThat(created.header("Location")).endsWith("/ui/rollouts/" + id);

        ApiClient.Response page = admin.get("/ui/rollouts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("Created rollout ui-form-rollout.")
                .contains("id=\"group-1\"")
                .contains("id=\"group-2\"")
                .doesNotContain("id=\"group-3\"")
                .contains("2 notstarted")
                .contains("next at 50%, pause above 20% failed")
                .contains("id=\"cmd-start\"")
                .doesNotContain("id=\"cmd-pause\"");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id + "/deploygroups")
                        .json()
                        .get("content")
                        .get(0)
                        .at("/errorCondition/expression")
                        .asString())
                .isEqualTo("20");

        admin.get("/ui/rollouts/" + id);
        assertThat(admin.post("/ui/rollouts/" + id + "/start", Map.of("_csrf", admin.csrf))
                        .status())
                .isEqualTo(302);
        // Following the redirect shows the flash message once.
        assertThat(admin.get("/ui/rollouts/" + id).text()).contains("Started");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.mgmt("GET", "/rest/v1/rollouts/" + id)
                        .json()
                        .get("status")
                        .asString()
                        .equals("running"));
        ApiClient.Response running = admin.get("/ui/rollouts/" + id + "/live");
        assertThat(running.text())
                .contains("2 running")
                .contains("id=\"cmd-pause\"")
                .doesNotContain("<html");

        assertThat(admin.post("/ui/rollouts/" + id + "/pause", Map.of("_csrf", admin.csrf))
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/ui/rollouts/" + id).text()).contains("Paused.");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("paused");
        // A command the state does not allow is a message on the page, not an error page.
        admin.post("/ui/rollouts/" + id + "/start", Map.of("_csrf", admin.csrf));
        assertThat(admin.get("/ui/rollouts/" + id).text())
                .contains("class=\"error\" role=\"alert\">Rollout " + id + " is paused and cannot be started");

        ApiClient.Response listed = admin.get("/ui/rollouts");
        assertThat(listed.text()).contains("ui-form-rollout").contains("rs-paused");
    }

    @Test
    void wrongInput_showsAReadableMessageOnTheFilledInForm_andCreatesNothing() {
        fixture.targets("ui-bad-", 2);
        long set = fixture.completeSet("ui-bad");
        ConsoleSession admin = new ConsoleSession(api);
        admin.signIn("admin", "admin");
        admin.get("/ui/rollouts");

        Map<String, String> cases = new HashMap<>();
        cases.put("amountGroups=abc", "Number of groups must be a whole number, was &#39;abc&#39;");
        cases.put("amountGroups=0", "Number of groups must be at least 1");
        cases.put("successThreshold=150", "Success threshold must be a percentage from 0 to 100");
        cases.put("errorThreshold=x", "Error threshold must be a percentage from 0 to 100");
        cases.put("name=", "Name is required");
        cases.put("setId=", "Distribution set is required");
        cases.put("setId=99999999", "99999999");
        cases.put("targetFilterQuery=controllerId==nobody-*", "No target matches");
        cases.put("targetFilterQuery=nonsense=x", "");
        cases.put("type=sometimes", "Type must be forced, soft or downloadonly");
        cases.put("start=scheduled", "Start at is required");
        cases.put("startAt=tomorrow", "Start at must be a date and time");
        cases.forEach((change, message) -> {
            Map<String, String> form = form(admin, "ui-bad-rollout", set, "controllerId==ui-bad-*");
            String[] field = change.split("=", 2);
            form.put(field[0], field[1]);
            if (field[0].equals("startAt")) {
                form.put("start", "scheduled");
            }
            ApiClient.Response response = admin.post("/ui/rollouts", form);
            assertThat(response.status()).as(change).isEqualTo(400);
            assertThat(response.text())
                    .as(change)
                    .contains("role=\"alert\"")
                    .contains(message)
                    .contains("id=\"create-rollout\"");
        });
        ApiClient.Response kept = admin.post("/ui/rollouts", Map.of("_csrf", admin.csrf, "name", "ui-bad-kept"));
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.text()).contains("value=\"ui-bad-kept\"");
        assertThat(rollouts("ui-bad-rollout")).isZero();

        assertThat(admin.get("/ui/rollouts/preview?targetFilterQuery=nonsense%3Dx")
                        .text())
                .contains("class=\"error\"")
                .doesNotContain("id=\"matching\"");
        assertThat(admin.get("/ui/rollouts/99999999").status()).isEqualTo(404);
    }

    @Test
    void readUser_seesNoButton_andTheServerRefusesItsPosts() {
        fixture.targets("ui-read-", 1);
        long set = fixture.completeSet("ui-read");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"ui-read-rollout\",\"distributionSetId\":" + set
                        + ",\"targetFilterQuery\":\"controllerId==ui-read-*\",\"amountGroups\":1}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        ConsoleSession viewer = new ConsoleSession(api);
        viewer.signIn("viewer", "v");
        ApiClient.Response list = viewer.get("/ui/rollouts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("ui-read-rollout").doesNotContain("create-rollout");
        ApiClient.Response page = viewer.get("/ui/rollouts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("id=\"group-1\"")
                .doesNotContain("cmd-")
                .doesNotContain("id=\"commands\"");

        assertThat(viewer.post("/ui/rollouts/" + id + "/start", Map.of("_csrf", viewer.csrf))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/ui/rollouts", form(viewer, "ui-read-other", set, "controllerId==ui-read-*"))
                        .status())
                .isEqualTo(403);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ready");
        assertThat(rollouts("ui-read-other")).isZero();
    }
}
