package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * hawkBit's per-target action quota (hawkbit.quota.max-actions-per-target, 4 here) and the tenant setting
 * action.cleanup.onQuotaHit.percent that lets an assignment make room by deleting the target's oldest closed actions.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hawkbit.quota.max-actions-per-target=" + ActionQuotaIT.QUOTA)
@ActiveProfiles("test")
class ActionQuotaIT {

    static final int QUOTA = 4;
    private static final String PERCENT = "action.cleanup.onQuotaHit.percent";

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
    String run;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        run = "q" + System.nanoTime();
    }

    @Test
    void atTheQuota_anAssignmentIsRefusedAndNothingChanges_withAShareSetTheOldestClosedActionsMakeRoom() {
        List<Long> sets = sets(QUOTA + 2);
        String device = run + "-a";
        fixture.target(device);
        List<Long> actions = new ArrayList<>();
        fixture.config("repository.actions.autoclose.enabled", "true");
        try {
            for (int i = 0; i < QUOTA; i++) {
                actions.add(fixture.assign(device, sets.get(i), "forced"));
            }

            ApiClient.Response refused = assign(device, sets.get(QUOTA));
            assertError(refused, 403, "hawkbit.server.error.quota.tooManyEntries");
            assertThat(refused.json().get("message").asString()).contains(device, "at most " + QUOTA);
            assertThat(actionIds(device)).containsExactlyElementsOf(actions);
            assertThat(assignedSet(device)).isEqualTo(sets.get(QUOTA - 1));

            // 50 % of 4: the two oldest (closed) actions go, the new one comes.
            fixture.config(PERCENT, "50");
            ApiClient.Response made = assign(device, sets.get(QUOTA));
            assertThat(made.status()).as(made.text()).isEqualTo(200);
            long newest = made.json().get("assignedActions").get(0).get("id").asLong();
            assertThat(actionIds(device)).containsExactly(actions.get(2), actions.get(3), newest);
            assertThat(api.mgmt("GET", "/rest/v1/actions/" + actions.get(0)).status())
                    .isEqualTo(404);
            assertThat(assignedSet(device)).isEqualTo(sets.get(QUOTA));

            // Below the quota again: the next assignment deletes nothing.
            long next = fixture.assign(device, sets.get(QUOTA + 1), "forced");
            assertThat(actionIds(device)).containsExactly(actions.get(2), actions.get(3), newest, next);
        } finally {
            api.mgmt("DELETE", "/rest/v1/system/configs/" + PERCENT);
            fixture.config("repository.actions.autoclose.enabled", "false");
        }
    }

    @Test
    void openActionsAreNeverDeletedToMakeRoom_theAssignmentIsRefusedInstead() {
        List<Long> sets = sets(QUOTA + 1);
        String device = run + "-open";
        fixture.target(device);
        List<Long> actions = new ArrayList<>();
        // Without autoclose a replaced action is canceled, not closed: it stays open until the device answers.
        for (int i = 0; i < QUOTA; i++) {
            actions.add(fixture.assign(device, sets.get(i), "forced"));
        }
        fixture.config(PERCENT, "50");
        try {
            ApiClient.Response refused = assign(device, sets.get(QUOTA));
            assertError(refused, 403, "hawkbit.server.error.quota.tooManyEntries");
            assertThat(refused.json().get("message").asString()).contains("too few of its actions are closed");
            assertThat(actionIds(device)).containsExactlyElementsOf(actions);
        } finally {
            api.mgmt("DELETE", "/rest/v1/system/configs/" + PERCENT);
        }
    }

    @Test
    void offlineAssignments_countAgainstTheQuotaToo() {
        List<Long> sets = sets(QUOTA + 1);
        String device = run + "-off";
        fixture.target(device);
        for (int i = 0; i < QUOTA; i++) {
            ApiClient.Response offline = offline(device, sets.get(i));
            assertThat(offline.status()).as(offline.text()).isEqualTo(200);
        }
        assertError(offline(device, sets.get(QUOTA)), 403, "hawkbit.server.error.quota.tooManyEntries");
        assertThat(actionIds(device)).hasSize(QUOTA);

        fixture.config(PERCENT, "25");
        try {
            ApiClient.Response made = offline(device, sets.get(QUOTA));
            assertThat(made.status()).as(made.text()).isEqualTo(200);
            assertThat(actionIds(device)).hasSize(QUOTA);
            assertThat(api.mgmt("GET", "/rest/v1/targets/" + device + "/installedDS")
                            .json()
                            .get("id")
                            .asLong())
                    .isEqualTo(sets.get(QUOTA));
        } finally {
            api.mgmt("DELETE", "/rest/v1/system/configs/" + PERCENT);
        }
    }

    @Test
    void theShare_isAWholePercentage_andListedWithTheOtherSettings() {
        assertThat(api.mgmt("GET", "/rest/v1/system/configs/" + PERCENT)
                        .json()
                        .get("value")
                        .asLong())
                .isZero();
        for (String bad : List.of("101", "-1", "\"half\"", "true", "12.5")) {
            ApiClient.Response refused =
                    api.mgmt("PUT", "/rest/v1/system/configs/" + PERCENT, "{\"value\":" + bad + "}");
            assertError(refused, 400, "hawkbit.server.error.configValueInvalid");
        }
        assertThat(api.mgmt("GET", "/rest/v1/system/configs").json().has(PERCENT))
                .isTrue();
    }

    private List<Long> sets(int count) {
        long module = fixture.module(run + "-os", "1", "os");
        List<Long> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sets.add(fixture.distributionSet(run + "-set", Integer.toString(i), "os", module));
        }
        return sets;
    }

    private ApiClient.Response assign(String device, long set) {
        return api.mgmt(
                "POST", "/rest/v1/targets/" + device + "/assignedDS", "{\"id\":" + set + ",\"type\":\"forced\"}");
    }

    private ApiClient.Response offline(String device, long set) {
        return api.mgmt("POST", "/rest/v1/targets/" + device + "/assignedDS?offline=true", "[{\"id\":" + set + "}]");
    }

    private List<Long> actionIds(String device) {
        JsonNode page = api.mgmt("GET", "/rest/v1/targets/" + device + "/actions?sort=id:asc&limit=50")
                .json();
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(action -> ids.add(action.get("id").asLong()));
        return ids;
    }

    private long assignedSet(String device) {
        return api.mgmt("GET", "/rest/v1/targets/" + device + "/assignedDS")
                .json()
                .get("id")
                .asLong();
    }

    private static void assertError(ApiClient.Response response, int status, String errorCode) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("errorCode").asString()).as(response.text()).isEqualTo(errorCode);
        assertThat(body.has("exceptionClass")).isTrue();
        assertThat(body.has("message")).isTrue();
    }
}
