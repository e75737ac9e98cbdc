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
import tools.jackson.databind.JsonNode;

/**
 * The console's tags, types, artifact upload and rollout retry/delete/explicit groups over plain HTTP: each change
 * shows in the Management API, bad input is a message, and a READ user sees no button and is refused (403).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The same users as ConsoleLoginIT and ConsoleRolloutsIT, so all share one context.
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.admin.roles=ADMIN,SYSTEM_ADMIN",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.security.users.victim.password=right",
            "hawkbit.server.security.login.max-attempts=3"
        })
@ActiveProfiles("test")
class ConsoleCatalogIT {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    ConsoleSession admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        admin = new ConsoleSession(api);
        admin.signIn("admin", "admin");
    }

    private ApiClient.Response post(String path, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", admin.csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        ApiClient.Response response = admin.post(path, form);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(302);
        // Following the redirect shows its message once, as the browser does.
        String location = response.header("Location");
        page = admin.get(location.substring(location.indexOf("/ui"))).text();
        return response;
    }

    /** The page the last post led to. */
    String page;

    private JsonNode only(String path) {
        JsonNode found = api.mgmt("GET", path).json();
        assertThat(found.get("total").asLong()).as(path).isEqualTo(1);
        return found.get("content").get(0);
    }

    private long total(String path) {
        return api.mgmt("GET", path).json().get("total").asLong();
    }

    @Test
    void tags_areCreatedListedAndDeleted_andATargetIsTaggedFromItsPage() {
        admin.get("/ui/tags");
        post("/ui/tags/target", "name", "ui-ring-canary", "description", "first wave");
        assertThat(page).contains("Created target tag ui-ring-canary.").contains("first wave");
        long tag = only("/rest/v1/targettags?q=name==ui-ring-canary").get("id").asLong();
        post("/ui/tags/set", "name", "ui-released");
        long setTag = only("/rest/v1/distributionsettags?q=name==ui-released")
                .get("id")
                .asLong();

        // A blank name is a message, nothing is created.
        post("/ui/tags/target", "name", " ");
        assertThat(page).contains("role=\"alert\">Name is required");

        fixture.target("ui-tagged");
        assertThat(admin.get("/ui/targets/ui-tagged").text())
                .contains("id=\"add-tag\"")
                .contains(">ui-ring-canary</option>");
        post("/ui/targets/ui-tagged/tags", "tagId", Long.toString(tag));
        assertThat(page).contains("Tagged ui-ring-canary.").contains("Remove tag ui-ring-canary");
        assertThat(total("/rest/v1/targets?q=tag==ui-ring-canary")).isEqualTo(1);
        post("/ui/targets/ui-tagged/tags/" + tag + "/remove");
        assertThat(page).contains("Removed tag ui-ring-canary.");
        assertThat(total("/rest/v1/targets?q=tag==ui-ring-canary")).isZero();

        post("/ui/tags/target/" + tag + "/delete");
        post("/ui/tags/set/" + setTag + "/delete");
        assertThat(page).contains("Deleted distribution set tag ui-released.");
        assertThat(total("/rest/v1/targettags?q=name==ui-ring-canary")).isZero();
        assertThat(total("/rest/v1/distributionsettags?q=name==ui-released")).isZero();
        post("/ui/tags/target/" + tag + "/delete");
        assertThat(page).contains("role=\"alert\"");
    }

    @Test
    void set_isTaggedAndUntaggedFromItsPage_asTheTagsAssignedEndpointSeesIt() {
        long tag = api.mgmt("POST", "/rest/v1/distributionsettags", "[{\"name\":\"ui-set-tag\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        long set = fixture.completeSet("ui-tag-set");
        assertThat(admin.get("/ui/software").text()).contains("href=\"/ui/software/sets/" + set + "\"");
        assertThat(admin.get("/ui/software/sets/" + set).text())
                .contains("ui-tag-set-set:1")
                .contains("id=\"add-tag\"")
                .contains(">ui-set-tag</option>");

        post("/ui/software/sets/" + set + "/tags", "tagId", Long.toString(tag));
        assertThat(page).contains("Tagged ui-set-tag.").contains("Remove tag ui-set-tag");
        JsonNode assigned = api.mgmt("GET", "/rest/v1/distributionsettags/" + tag + "/assigned")
                .json();
        assertThat(assigned.get("total").asLong()).isEqualTo(1);
        assertThat(assigned.get("content").get(0).get("id").asLong()).isEqualTo(set);

        // An unknown tag is a message on the page; nothing changes.
        post("/ui/software/sets/" + set + "/tags", "tagId", "999999");
        assertThat(page).contains("role=\"alert\"").contains("Remove tag ui-set-tag");

        ConsoleSession viewer = new ConsoleSession(api);
        viewer.signIn("viewer", "v");
        assertThat(viewer.get("/ui/software/sets/" + set).text())
                .contains("ui-set-tag")
                .doesNotContain("add-tag")
                .doesNotContain("Remove tag");
        assertThat(viewer.post("/ui/software/sets/" + set + "/tags/" + tag + "/remove", Map.of("_csrf", viewer.csrf))
                        .status())
                .isEqualTo(403);
        assertThat(total("/rest/v1/distributionsettags/" + tag + "/assigned")).isEqualTo(1);

        post("/ui/software/sets/" + set + "/tags/" + tag + "/remove");
        assertThat(page).contains("Removed tag ui-set-tag.").doesNotContain("Remove tag ui-set-tag");
        assertThat(total("/rest/v1/distributionsettags/" + tag + "/assigned")).isZero();
    }

    @Test
    void types_areCreatedWithWhatTheyHold_listedAndDeleted() {
        admin.get("/ui/types");
        post("/ui/types/module", "key", "ui-app", "name", "UI app", "maxAssignments", "2");
        long moduleType =
                only("/rest/v1/softwaremoduletypes?q=key==ui-app").get("id").asLong();
        assertThat(only("/rest/v1/softwaremoduletypes?q=key==ui-app")
                        .get("maxAssignments")
                        .asInt())
                .isEqualTo(2);
        post("/ui/types/set", "key", "ui-bundle", "name", "UI bundle", "mandatory", Long.toString(moduleType));
        long setType =
                only("/rest/v1/distributionsettypes?q=key==ui-bundle").get("id").asLong();
        assertThat(api.mgmt("GET", "/rest/v1/distributionsettypes/" + setType + "/mandatorymoduletypes")
                        .text())
                .contains("ui-app");
        post("/ui/types/target", "name", "ui-gateway", "compatible", Long.toString(setType));
        long targetType =
                only("/rest/v1/targettypes?q=name==ui-gateway").get("id").asLong();

        assertThat(admin.get("/ui/types").text())
                .contains("at most 2 per set")
                .contains("requires ui-app; allows nothing")
                .contains("installs ui-bundle");

        post("/ui/types/module", "key", "ui-bad", "name", "UI bad", "maxAssignments", "0");
        assertThat(page).contains("Modules per set must be a whole number of at least 1, was &#39;0&#39;");
        post("/ui/types/set", "key", "", "name", "no key");
        assertThat(page).contains("Key is required");
        assertThat(total("/rest/v1/distributionsettypes?q=name==no*")).isZero();

        post("/ui/types/target/" + targetType + "/delete");
        post("/ui/types/set/" + setType + "/delete");
        post("/ui/types/module/" + moduleType + "/delete");
        assertThat(page).contains("Deleted type UI app.");
        assertThat(total("/rest/v1/targettypes?q=name==ui-gateway")).isZero();
        assertThat(total("/rest/v1/distributionsettypes?q=key==ui-bundle")).isZero();
        assertThat(total("/rest/v1/softwaremoduletypes?q=key==ui-app")).isZero();
    }

    @Test
    void readUser_seesTagsAndTypesWithoutButtons_andItsPostsAreRefused() {
        ApiClient.Response created = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"ui-read-tag\"}]");
        long tag = created.json().get(0).get("id").asLong();
        fixture.target("ui-read-tagged");
        ConsoleSession viewer = new ConsoleSession(api);
        viewer.signIn("viewer", "v");

        ApiClient.Response tags = viewer.get("/ui/tags");
        assertThat(tags.status()).isEqualTo(200);
        assertThat(tags.text())
                .contains("ui-read-tag")
                .doesNotContain("create-target-tag")
                .doesNotContain(">Delete<");
        ApiClient.Response types = viewer.get("/ui/types");
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.text())
                .contains("os")
                .doesNotContain("create-module-type")
                .doesNotContain(">Delete<");
        assertThat(viewer.get("/ui/targets/ui-read-tagged").text()).doesNotContain("add-tag");

        Map<String, String> csrf = Map.of("_csrf", viewer.csrf);
        assertThat(viewer.post("/ui/tags/target", Map.of("_csrf", viewer.csrf, "name", "ui-read-new"))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/ui/tags/target/" + tag + "/delete", csrf).status())
                .isEqualTo(403);
        assertThat(viewer.post("/ui/types/module", Map.of("_csrf", viewer.csrf, "key", "k", "name", "n"))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/ui/targets/ui-read-tagged/tags", Map.of("_csrf", viewer.csrf, "tagId", "" + tag))
                        .status())
                .isEqualTo(403);
        assertThat(total("/rest/v1/targettags?q=name==ui-read-tag")).isEqualTo(1);
        assertThat(total("/rest/v1/targets?q=tag==ui-read-tag")).isZero();
    }

    @Test
    void upload_plainFormComesBackToThePage_scriptedRequestGetsTheResultAsText() {
        long module = fixture.module("ui-upload", "1", "os");
        admin.get("/ui/software");
        assertThat(admin.get("/ui/software").text())
                .contains("data-drop=\"upload\"")
                .contains("<progress");

        ApiClient.Response plain =
                admin.upload("/ui/software/modules/" + module + "/artifacts", "plain.bin", new byte[100], Map.of());
        assertThat(plain.status()).isEqualTo(302);
        assertThat(admin.get("/ui/software").text()).contains("Uploaded plain.bin (100 bytes).");

        ApiClient.Response scripted = admin.upload(
                "/ui/software/modules/" + module + "/artifacts",
                "scripted.bin",
                new byte[2048],
                Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(scripted.status()).isEqualTo(200);
        assertThat(scripted.text().trim()).isEqualTo("Uploaded scripted.bin (2048 bytes).");
        ApiClient.Response empty = admin.upload(
                "/ui/software/modules/" + module + "/artifacts",
                "empty.bin",
                new byte[0],
                Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text().trim()).isEqualTo("The uploaded file is empty");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts")
                        .text())
                .contains("plain.bin")
                .contains("scripted.bin")
                .doesNotContain("empty.bin");
    }

    @Test
    void rolloutForm_createsExplicitGroups_andAFinishedRolloutIsRetriedAndDeleted() {
        RolloutDevices devices = new RolloutDevices();
        for (int i = 0; i < 4; i++) {
            devices.create(fixture, "ui-groups-" + i);
        }
        long set = fixture.completeSet("ui-groups");
        admin.get("/ui/rollouts");
        Map<String, String> form = new HashMap<>(Map.of(
                "_csrf", admin.csrf,
                "name", "ui-groups-rollout",
                "setId", Long.toString(set),
                "targetFilterQuery", "controllerId==ui-groups-*",
                "type", "forced",
                "amountGroups", "1",
                "successThreshold", "100",
                "start", "auto"));
        // Form fields repeat per row; the session posts a map, so the rows go in the query string.
        ApiClient.Response created = admin.post(
                "/ui/rollouts?groupName=canary&groupFilter=controllerId%3D%3Dui-groups-0&groupPercentage=100"
                        + "&groupSuccess=&groupError="
                        + "&groupName=rest&groupFilter=&groupPercentage=100&groupSuccess=50&groupError=",
                form);
        assertThat(created.status()).as(created.text()).isEqualTo(302);
        long id = only("/rest/v1/rollouts?q=name==ui-groups-rollout").get("id").asLong();
        JsonNode groups =
                api.mgmt("GET", "/rest/v1/rollouts/" + id + "/deploygroups").json();
        assertThat(groups.get("total").asLong()).isEqualTo(2);
        assertThat(groups.get("content").get(0).get("name").asString()).isEqualTo("canary");
        assertThat(groups.get("content").get(0).get("totalTargets").asLong()).isEqualTo(1);
        assertThat(groups.get("content").get(1).get("name").asString()).isEqualTo("rest");
        assertThat(groups.get("content").get(1).get("totalTargets").asLong()).isEqualTo(3);
        assertThat(groups.get("content")
                        .get(1)
                        .at("/successCondition/expression")
                        .asString())
                .isEqualTo("50");

        for (int i = 0; i < 3; i++) {
            devices.finish(api, "ui-groups-" + i, "success");
        }
        devices.finish(api, "ui-groups-3", "failure");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "finished"
                        .equals(api.mgmt("GET", "/rest/v1/rollouts/" + id)
                                .json()
                                .get("status")
                                .asString()));
        assertThat(admin.get("/ui/rollouts/" + id).text())
                .contains("id=\"cmd-retry\"")
                .contains("id=\"cmd-delete\"")
                .contains("data-confirm=\"Delete rollout ui-groups-rollout?\"");
        ApiClient.Response retried = post("/ui/rollouts/" + id + "/retry");
        long retry = only("/rest/v1/rollouts?q=name==ui-groups-rollout_retry")
                .get("id")
                .asLong();
        assertThat(retried.header("Location")).endsWith("/ui/rollouts/" + retry);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + retry)
                        .json()
                        .get("totalTargets")
                        .asLong())
                .isEqualTo(1);

        // A rollout that is still ready offers delete, not retry; deleting goes back to the list.
        assertThat(admin.get("/ui/rollouts/" + retry).text())
                .contains("id=\"cmd-delete\"")
                .doesNotContain("id=\"cmd-retry\"");
        ApiClient.Response deleted = post("/ui/rollouts/" + retry + "/delete");
        assertThat(deleted.header("Location")).endsWith("/ui/rollouts");
        assertThat(page).contains("Deleted rollout ui-groups-rollout_retry.");
        assertThat(total("/rest/v1/rollouts?q=name==ui-groups-rollout_retry")).isZero();

        ConsoleSession viewer = new ConsoleSession(api);
        viewer.signIn("viewer", "v");
        assertThat(viewer.get("/ui/rollouts/" + id).text()).doesNotContain("cmd-");
        assertThat(viewer.post("/ui/rollouts/" + id + "/retry", Map.of("_csrf", viewer.csrf))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/ui/rollouts/" + id + "/delete", Map.of("_csrf", viewer.csrf))
                        .status())
                .isEqualTo(403);
        assertThat(total("/rest/v1/rollouts?q=name==ui-groups-rollout")).isEqualTo(1);
    }
}
